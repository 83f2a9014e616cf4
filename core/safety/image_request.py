"""One safety verdict for a text-to-image request: the prompt AND its negative prompt.

    verdict = scan_image_request(prompt, negative, policy)

- the prompt goes through the image stage like any text (image_prompt, toxicity, pii);
- the negative prompt goes through the image stage's other scanners (abuse and PII are
  abuse and PII wherever they are written), and through the negative-prompt check
  (core/safety/negative_prompt.py) instead of the image-prompt rules: a negative prompt
  steers AWAY from what it names, so "nude, gore" there is a precaution, while
  "clothes, dressed" there asks for nudity.
The two verdicts are merged: blocked if either blocks; reasons about the negative prompt
start with "negative prompt:"; `redacted` is the prompt's (PII in the negative prompt is
reported, and blocks when the PII action is "block").
"""
from __future__ import annotations

import re
from dataclasses import replace

from core.safety.policy import Policy, current_policy, scan
from core.safety.verdict import ScannerResult, Verdict

_RANK = {"allow": 0, "redact": 1, "block": 2}


def scan_image_request(prompt: str, negative: str = "", policy: Policy | None = None) -> Verdict:
    policy = policy or current_policy()
    verdict = scan(prompt, "image", policy=policy)
    if not isinstance(negative, str) or not negative.strip():
        return verdict
    others = tuple(n for n in policy.stages.get("image", ()) if n != "image_prompt")
    neg_policy = replace(policy, stages={**policy.stages, "image": others})
    neg = scan(_without_quality_tags(negative), "image", policy=neg_policy)
    scanners = dict(verdict.scanners)
    reasons = list(verdict.reasons) + [f"negative prompt: {r}" for r in neg.reasons]
    action = max(verdict.action, neg.action, key=_RANK.get)
    for name, res in neg.scanners.items():
        scanners[f"negative_{name}"] = res
    if "image_prompt" in policy.stages.get("image", ()):
        out = get_negative_scanner(policy).scan(negative, prompt=prompt)
        flagged = out.score >= policy.thresholds.get("image_prompt", 0.5)
        scanners["negative_prompt"] = ScannerResult(score=float(out.score), flagged=bool(flagged))
        if flagged:
            what = policy.actions.get("image_prompt", "block")
            note = " (allowed by policy)" if what == "allow" else ""
            reasons += [f"negative prompt: {r}{note}" for r in out.reasons]
            action = max(action, what, key=_RANK.get)
            if policy.audit:
                from core.safety import audit
                from core.safety.pii import PIIScanner

                audit.record("image", what, {"negative_prompt": out.score}, reasons[-len(out.reasons):],
                             PIIScanner().scan(negative).redacted, len(negative))
    return Verdict(allowed=action != "block", action=action, redacted=verdict.redacted, scanners=scanners,
                   reasons=reasons)


# the quality tags of the usual negative prompt ("ugly, deformed, bad anatomy, ..."): they
# describe image defects, not people, so the abuse check does not read them as insults
_QUALITY_TAGS = re.compile(
    r"\b(?:ugly|deformed|disfigured|mutated|mutation|malformed|gross\s+proportions|bad\s+(?:anatomy|hands|proportions)|"
    r"poorly\s+drawn(?:\s+(?:face|hands))?|extra\s+(?:limbs|fingers|arms|legs)|missing\s+(?:limbs|fingers)|"
    r"fused\s+fingers|long\s+neck|(?:worst|low|normal)\s+quality|lowres|blurry|jpeg\s+artifacts|watermark|"
    r"signature|cropped|out\s+of\s+frame|duplicate|morbid|cloned\s+face|disgusting)\b", re.I)


def _without_quality_tags(negative: str) -> str:
    return _QUALITY_TAGS.sub(" ", negative)


_negative: dict[str, object] = {}


def get_negative_scanner(policy: Policy):
    """One NegativePromptScanner per terms file, shared by every thread (it keeps no state)."""
    from core.safety.negative_prompt import NegativePromptScanner

    key = policy.image_terms_file
    if key not in _negative:
        _negative[key] = NegativePromptScanner(key or None)
    return _negative[key]
