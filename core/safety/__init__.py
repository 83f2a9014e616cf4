"""Safety checks shared by every app: scan text at a stage, get a structured verdict.

    from core.safety import scan
    verdict = scan(text, stage="input")      # stage: input | output | context | image
    if not verdict.allowed: ...              # verdict.reasons says why
    text = verdict.redacted                  # PII replaced by [EMAIL], [CARD], ...

The policy (which scanners per stage, thresholds, actions) comes from GENAI_SAFETY_*
settings, or pass `policy=Policy(...)`. See docs/safety.md.
"""
from core.safety.policy import STAGES, Policy, current_policy, scan, warm_up
from core.safety.registry import SCANNERS
from core.safety.stream import StreamGuard
from core.safety.verdict import ScannerResult, Verdict

__all__ = ["SCANNERS", "STAGES", "Policy", "ScannerResult", "StreamGuard", "Verdict", "current_policy", "scan", "warm_up"]
