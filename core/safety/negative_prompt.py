"""Negative-prompt check for text-to-image.

A negative prompt steers the image AWAY from what it names (classifier-free guidance
subtracts it). So the two texts are read differently:
- naming disallowed content in the negative prompt ("nude, gore, nsfw") is what careful
  users do to keep images clean: it is not flagged;
- naming clothing or modesty there ("clothes, dressed, swimsuit, censored") asks for its
  absence, i.e. nudity: flagged (0.9) when the prompt shows a person, 1.0 when it shows
  a minor, and only a weak signal (0.35) for prompts without people ("a landscape").
Abuse and PII in the negative prompt are the other image-stage scanners' job: they read
it like any text (core/safety/image_request.py).
Same normalisation and languages as the image-prompt rules (core/safety/curated/image_terms.json).
"""
from __future__ import annotations

from pathlib import Path

from core.safety import term_matcher as tm
from core.safety.image_prompt import load_terms
from core.safety.normalize import variants
from core.safety.verdict import ScanScore

WITH_PERSON, WITH_MINOR, WITHOUT_PERSON = 0.9, 1.0, 0.35


class NegativePromptScanner:
    name = "negative_prompt"

    def __init__(self, terms_file: str | Path | None = None):
        terms = load_terms(terms_file)
        self.patterns = {k: tm.compile_terms(terms[k]) for k in ("clothing", "allow", "person", "minors")}

    def _found(self, key: str, text: str) -> set[str]:
        out = set()
        for form in variants(text):
            out.update(m.term for m in tm.excuse(tm.find(self.patterns[key], form), tm.find(self.patterns["allow"], form)))
        return out

    def scan(self, text: str, prompt: str | None = None) -> ScanScore:
        """text: the negative prompt; prompt: the prompt it goes with (None: unknown, read
        as showing a person, the cautious reading)."""
        if not text.strip():
            return ScanScore(0.0, [])
        clothing = self._found("clothing", text)
        if not clothing:
            return ScanScore(0.0, [])
        if prompt is not None and self._found("minors", prompt):
            score = WITH_MINOR
        elif prompt is None or self._found("person", prompt):
            score = WITH_PERSON
        else:
            score = WITHOUT_PERSON
        why = "sexual content: the negative prompt removes clothing (" + ", ".join(sorted(clothing)) + ")"
        return ScanScore(score, [why] if score >= 0.5 else [])
