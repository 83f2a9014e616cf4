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

from core.safety.policy import scan
from core.safety.verdict import Verdict

_SENTENCE_END = re.compile(r"[.!?\n]\s")


class StreamGuard:
    def __init__(self, stage: str = "output"):
        self.stage = stage
        self.safe_text = ""  # checked (and redacted) text so far
        self._pending = ""  # text not yet checked: the unfinished sentence
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
        # the final verdict covers the whole answer, so a caller can log/store it
        return scan(self.safe_text, self.stage) if verdict.allowed else verdict

    def _check(self, text: str, keep: str) -> Verdict:
        verdict = scan(text, self.stage)
        if not verdict.allowed:
            self.blocked = verdict
            return verdict
        self.safe_text += verdict.redacted
        self._pending = keep
        return verdict
