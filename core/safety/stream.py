"""Check a streamed answer sentence by sentence, so an unsafe stream is cut as it turns.

A long sentence may also be released at a clause boundary (", " "; " ": ") once
`clause_words` words wait before it (GENAI_SAFETY_STREAM_CLAUSE_WORDS; 0 = whole sentences
only): the first words reach a visitor sooner. A clause is checked alone, so one that any
scanner scores at half its threshold or more waits for the rest of its sentence: "This bot
is a useless pile of crap," passes alone (0.45) though its sentence is blocked.

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

from core.safety.policy import Policy, current_policy, scan
from core.safety.verdict import Verdict

_SENTENCE_END = re.compile(r"[.!?\n]\s")
_CLAUSE_END = re.compile(r"[,;:]\s")
CLAUSE_MARGIN = 0.5  # a clause is released early only below this share of every threshold


class StreamGuard:
    """Sentences are checked without writing the audit log; the log gets one entry per
    answer: the blocking sentence, or the final whole-answer check from finish()."""

    def __init__(self, stage: str = "output", policy: Policy | None = None,
                 clause_words: int | None = None):
        self.stage = stage
        self.policy = policy
        if clause_words is None:
            from core.config import get_settings

            clause_words = get_settings().safety.stream_clause_words
        self.clause_words = clause_words
        self.safe_text = ""  # checked (and redacted) text so far
        self._pending = ""  # text not yet checked: the unfinished sentence
        self._raw = ""  # everything checked so far, unredacted (for the final whole-answer check)
        self.blocked: Verdict | None = None
        self._held_at: int | None = None  # where a clause was held back for its whole sentence

    def feed(self, delta: str) -> Verdict | None:
        """Add streamed text; returns a verdict whenever a complete sentence was checked."""
        if self.blocked is not None:
            return self.blocked
        self._pending += delta
        last_end = _last_end(_SENTENCE_END, self._pending)
        if last_end is not None:
            return self._check(self._pending[:last_end], keep=self._pending[last_end:])
        return self._release_clause() if self.clause_words else None

    def _release_clause(self) -> Verdict | None:
        """Release the pending text up to its last clause boundary when it is long and clearly safe."""
        end = _last_end(_CLAUSE_END, self._pending)
        if end is None or len(self._pending[:end].split()) < self.clause_words:
            return None
        if end == self._held_at:
            return None  # already checked and held; scanning it again per token would cost
        clause = self._pending[:end]
        verdict = scan(clause, self.stage, policy=self.policy, audit_log=False)
        policy = self.policy or current_policy()
        clearly_safe = all(r.score < CLAUSE_MARGIN * policy.threshold(name) for name, r in verdict.scanners.items())
        if clearly_safe or not verdict.allowed:
            return self._check(clause, keep=self._pending[end:], verdict=verdict)
        self._held_at = end  # close to a threshold: the whole sentence decides
        return None

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

    def _check(self, text: str, keep: str, verdict: Verdict | None = None) -> Verdict:
        verdict = verdict or scan(text, self.stage, policy=self.policy, audit_log=False)
        if not verdict.allowed:
            self.blocked = verdict
            # log the blocking sentence once, with the answer so far for context
            scan(self._raw + text, self.stage, policy=self.policy)
            return verdict
        self.safe_text += verdict.redacted
        self._raw += text
        self._pending, self._held_at = keep, None
        return verdict


def _last_end(pattern: re.Pattern, text: str) -> int | None:
    last = None
    for m in pattern.finditer(text):
        last = m.end()
    return last
