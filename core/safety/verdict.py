"""The structured result of a safety check (like diffusers' (image, has_nsfw_concept))."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Action = Literal["allow", "redact", "block"]


@dataclass
class ScanScore:
    """What every scanner returns (the one result type of the scanner protocol)."""
    score: float  # in [0, 1]; the policy's threshold turns it into a flag
    reasons: list[str]
    # Scanners that can redact (PII) return the text with their findings replaced; None = cannot.
    redacted: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # findings by kind, never their values


@dataclass
class ScannerResult:
    score: float  # in [0, 1]; higher = more likely unsafe
    flagged: bool


@dataclass
class Verdict:
    allowed: bool
    action: Action
    redacted: str  # the text with PII replaced; equal to the input when nothing was redacted
    scanners: dict[str, ScannerResult] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
