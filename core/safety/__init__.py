"""Safety checks shared by every app: scan text at a stage, get a structured verdict.

    from core.safety import scan
    verdict = scan(text, stage="input")      # stage: input | output | context | image
    if not verdict.allowed: ...              # verdict.reasons says why
    text = verdict.redacted                  # PII replaced by [EMAIL], [CARD], ...
"""
from core.safety.verdict import ScannerResult, Verdict
from core.safety.policy import STAGES, scan
from core.safety.stream import StreamGuard

__all__ = ["STAGES", "ScannerResult", "StreamGuard", "Verdict", "scan"]
