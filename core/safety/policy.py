"""Which scanners run at which stage, their thresholds, and what a flag does.

    verdict = scan(text, "input")                  # policy from settings (GENAI_SAFETY_*)
    verdict = scan(text, "input", policy=Policy(...))  # or an explicit one (tests, CLI)

Stages: input (user messages), output (model answers), context (retrieved documents),
image (text-to-image prompts). Per scanner the policy has a threshold (score >= it flags)
and an action: block (refuse the text), redact (PII replaced, text goes on), allow (only
reported and logged). The verdict's action is the strongest action among flagged scanners.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from core.caches import register_cache
from core.config import SafetySettings, get_settings
from core.safety import audit
from core.safety.registry import SCANNERS
from core.safety.verdict import ScannerResult, Verdict

log = logging.getLogger(__name__)

STAGES = ("input", "output", "context", "image")
_RANK = {"allow": 0, "redact": 1, "block": 2}


def _defaults(key: str, fallback):
    return {n: SCANNERS.meta(n).get(key, fallback) for n in SCANNERS.names()}


@dataclass(frozen=True)
class Policy:
    stages: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "input": ("toxicity", "pii", "injection"),
        "output": ("toxicity", "pii"),
        "context": ("pii", "injection"),
        "image": ("image_prompt", "toxicity", "pii"),
    })
    # per scanner; a scanner missing here uses its registry default
    thresholds: dict[str, float] = field(default_factory=lambda: _defaults("threshold", 0.5))
    actions: dict[str, str] = field(default_factory=lambda: _defaults("action", "block"))
    embeddings: str = "static"  # static | full | off
    image_terms_file: str = ""
    audit: bool = True
    max_chars: int = 20000  # longer texts are blocked unchecked

    def __post_init__(self):
        for stage, names in self.stages.items():
            if stage not in STAGES:
                raise ValueError(f"policy stage must be one of {STAGES}, got {stage!r}")
            for n in names:
                if n not in SCANNERS.names():
                    raise ValueError(f"unknown scanner {n!r} at stage {stage!r}; choose from {SCANNERS.names()}")
        for n, a in self.actions.items():
            can_redact = n in SCANNERS.names() and SCANNERS.meta(n).get("can_redact", False)
            if a not in _RANK or (a == "redact" and not can_redact):
                raise ValueError(f"action for {n!r} must be block|allow (redact only for scanners that "
                                 f"can redact), got {a!r}")
        if self.embeddings not in ("static", "full", "off"):
            raise ValueError(f"embeddings must be static|full|off, got {self.embeddings!r}")

    def threshold(self, name: str) -> float:
        return self.thresholds.get(name, SCANNERS.meta(name).get("threshold", 0.5))

    def action(self, name: str) -> str:
        return self.actions.get(name, SCANNERS.meta(name).get("action", "block"))

    @classmethod
    def from_settings(cls, s: SafetySettings) -> Policy:
        """The policy the GENAI_SAFETY_* settings describe."""
        thresholds, actions = {}, {}
        for name in SCANNERS.names():
            meta = SCANNERS.meta(name)
            stem = meta.get("setting")
            thresholds[name] = getattr(s, f"{stem}_threshold", meta.get("threshold", 0.5))
            actions[name] = getattr(s, f"{stem}_action", meta.get("action", "block"))
        return cls(stages={stage: s.stage_scanners(stage) for stage in STAGES},
                   thresholds=thresholds, actions=actions, embeddings=s.embeddings,
                   image_terms_file=s.image_terms_file, audit=s.audit_log, max_chars=s.max_chars)


# Scanner objects are built once per configuration and shared by every thread: they hold
# compiled patterns and lazily loaded models, and keep no per-call state.
_scanners: dict[tuple, object] = {}
_lock = threading.Lock()
register_cache("safety scanners", _scanners.clear)


def get_scanner(name: str, policy: Policy):
    key = (name, SCANNERS.get(name), policy.embeddings, policy.image_terms_file)
    if key not in _scanners:
        with _lock:
            if key not in _scanners:
                _scanners[key] = SCANNERS.get(name)(policy)
    return _scanners[key]


_settings_policy: list = [None, None]  # [SafetySettings, Policy]: rebuilt when the settings change
register_cache("safety policy", lambda: _settings_policy.__setitem__(slice(None), [None, None]))


def current_policy() -> Policy:
    """The policy from the process settings (rebuilt when the settings object changes)."""
    s = get_settings().safety
    if _settings_policy[0] is not s:
        _settings_policy[:] = [s, Policy.from_settings(s)]
    return _settings_policy[1]


def scan(text: str, stage: str = "input", policy: Policy | None = None, audit_log: bool = True) -> Verdict:
    """Run the stage's scanners on text and combine them into one verdict.

    audit_log=False skips the audit log for this call (StreamGuard checks sentence by
    sentence and logs once per answer).
    """
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}, got {stage!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    policy = policy or current_policy()
    results: dict[str, ScannerResult] = {}
    reasons: list[str] = []
    action, redacted, pii_redacted = "allow", text, None
    if len(text) > policy.max_chars:
        return _too_long(text, stage, policy)
    for name in policy.stages.get(stage, ()):
        scanner = get_scanner(name, policy)
        try:
            # a scanner that reads documents apart (injection.scan_document) does so for retrieved and ingested text
            read = getattr(scanner, "scan_document", None) if stage == "context" else None
            outcome = (read or scanner.scan)(text)
        except Exception:  # fail closed: a scanner bug must not let text through unchecked
            log.exception("safety scanner %s failed on a %d-character text", name, len(text))
            results[name] = ScannerResult(score=1.0, flagged=True)
            reasons.append(f"{name}: the scanner failed, so the text is blocked to be safe")
            action = "block"
            continue
        flagged = outcome.score >= policy.threshold(name)
        results[name] = ScannerResult(score=float(outcome.score), flagged=bool(flagged))
        if outcome.redacted is not None:
            pii_redacted = outcome.redacted  # what the audit log may hold
        if not flagged:
            continue
        what = policy.action(name)
        if outcome.redacted is not None and what in ("redact", "block"):
            redacted = outcome.redacted
        note = "" if what != "allow" else " (allowed by policy)"
        reasons += [f"{name}: {r}{note}" for r in outcome.reasons] or [f"{name}: flagged{note}"]
        if _RANK[what] > _RANK[action]:
            action = what
    verdict = Verdict(allowed=action != "block", action=action, redacted=redacted,
                      scanners=results, reasons=reasons)
    flagged_scores = {n: r.score for n, r in results.items() if r.flagged}
    if flagged_scores and policy.audit and audit_log:
        if pii_redacted is None:  # the log never holds raw PII, whatever the stage's policy
            from core.safety.pii import PIIScanner
            pii_redacted = PIIScanner().scan(text).redacted
        audit.record(stage, action, flagged_scores, reasons, pii_redacted, len(text))
    if flagged_scores:
        log.info("safety %s: %s (%s)", stage, action, ", ".join(flagged_scores))
    return verdict


def warm_up(policy: Policy | None = None) -> None:
    """Load every scanner the policy uses (models, the static embedding table: built once
    per machine, 2-5 min on 2 cores) so the first user request does not pay for it.
    Apps can call this in a background thread at start; `python -m core check --warm-up`
    does it from a shell (e.g. in a setup script)."""
    policy = policy or current_policy()
    for stage, names in policy.stages.items():
        if names:
            scan("warm up", stage, policy=policy, audit_log=False)
            for name in names:
                scanner = get_scanner(name, policy)
                if hasattr(scanner, "examples") and policy.embeddings != "off":
                    scanner.examples.score(["warm up"], policy.embeddings)


def _too_long(text: str, stage: str, policy: Policy) -> Verdict:
    """Block without scanning: bounded time for any input, and nothing unchecked passes."""
    reason = f"text too long to check: {len(text)} characters, the limit is {policy.max_chars} (GENAI_SAFETY_MAX_CHARS)"
    if policy.audit:
        from core.safety.pii import PIIScanner
        head = PIIScanner().scan(text[:audit.MAX_LOGGED_CHARS]).redacted
        audit.record(stage, "block", {"length": 1.0}, [reason], head, len(text))
    return Verdict(allowed=False, action="block", redacted="", reasons=[reason])
