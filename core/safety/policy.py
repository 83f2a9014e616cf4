"""Which scanners run at which stage, and what their flags mean (allow / redact / block).

Bootstrap version: the scanners of the safety issue plug in here.
"""
from __future__ import annotations

from core.safety.verdict import Verdict

STAGES = ("input", "output", "context", "image")


def scan(text: str, stage: str = "input") -> Verdict:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}, got {stage!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return Verdict(allowed=True, action="allow", redacted=text)
