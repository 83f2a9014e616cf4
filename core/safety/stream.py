"""Check a streamed answer sentence by sentence, so an unsafe stream is cut as it turns.

    guard = StreamGuard(stage="output")
    for delta in model.stream(...):
        verdict = guard.feed(delta)
        if verdict is not None and not verdict.allowed:
            break                      # stop generating; show verdict.reasons
        show(guard.safe_text)          # text checked so far (redacted where the policy says)
    final = guard.finish()             # checks the unfinished last sentence too
"""
from __future__ import annotations

import re

from core.safety.policy import Policy, scan
from core.safety.verdict import Verdict

_SENTENCE_END = re.compile(r"[.!?\n]\s")


class StreamGuard:
    """Sentences are checked without writing the audit log; the log gets one entry per
    answer: the blocking sentence, or the final whole-answer check from finish()."""

    def __init__(self, stage: str = "output", policy: Policy | None = None):
        self.stage = stage
        self.policy = policy
        self.safe_text = ""  # checked (and redacted) text so far
        self._pending = ""  # text not yet checked: the unfinished sentence
        self._raw = ""  # everything checked so far, unredacted (for the final whole-answer check)
        self.blocked: Verdict | None = None

    def feed(self, delta: str) -> Verdict | None:
        """Add streamed text; returns a verdict whenever a complete sentence was checked."""
        if self.blocked is not None:
            return self.blocked
        self._pending += delta
        last_end = None
        for m in _SENTENCE_END.finditer(self._pending):
            last_end = m.end()
        if last_end is None:
            return None
        return self._check(self._pending[:last_end], keep=self._pending[last_end:])

    def finish(self) -> Verdict:
        if self.blocked is not None:
            return self.blocked
        verdict = self._check(self._pending, keep="")
        if not verdict.allowed:
            return verdict
        # the final verdict covers the whole answer (and is what gets logged), so a caller
        # can store final.redacted
        final = scan(self._raw, self.stage, policy=self.policy)
        if not final.allowed:
            self.blocked = final
        return final

    def _check(self, text: str, keep: str) -> Verdict:
        verdict = scan(text, self.stage, policy=self.policy, audit_log=False)
        if not verdict.allowed:
            self.blocked = verdict
            # log the blocking sentence once, with the answer so far for context
            scan(self._raw + text, self.stage, policy=self.policy)
            return verdict
        self.safe_text += verdict.redacted
        self._raw += text
        self._pending = keep
        return verdict
