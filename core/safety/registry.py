"""The safety scanners the policy can run: one registration line each.

A scanner is any object with `scan(text: str) -> ScanScore` (core/safety/verdict.py). An entry
is a factory `(policy) -> scanner`, registered with its defaults:

    SCANNERS.register("toy", ToyScanner, threshold=0.5, action="block")

- threshold: the score at or above which the scanner flags a text (default 0.5);
- action: what a flag does by default: block | allow, or redact for scanners with can_redact;
- can_redact: the scanner returns `ScanScore.redacted` (text with its findings replaced);
- setting: the stem of its GENAI_SAFETY_<STEM>_THRESHOLD / _ACTION variables, if it has them.

Then name it in a stage's list (GENAI_SAFETY_INPUT_SCANNERS=toxicity,pii,toy). Settings
validation reads the names from here; the factories are imported on first use.
"""
from __future__ import annotations

from core.registry import Registry

SCANNERS: Registry = Registry("safety scanner", "GENAI_SAFETY_<STAGE>_SCANNERS")


def _toxicity(policy):
    from core.safety.toxicity import ToxicityScanner

    return ToxicityScanner(policy.embeddings)


def _injection(policy):
    from core.safety.injection import InjectionScanner

    return InjectionScanner(policy.embeddings)


def _pii(policy):
    from core.safety.pii import PIIScanner

    return PIIScanner()


def _image_prompt(policy):
    from core.safety.image_prompt import ImagePromptScanner

    return ImagePromptScanner(policy.image_terms_file or None)


SCANNERS.register("toxicity", _toxicity, setting="toxicity")
SCANNERS.register("pii", _pii, action="redact", can_redact=True, setting="pii")
SCANNERS.register("injection", _injection, setting="injection")
SCANNERS.register("image_prompt", _image_prompt, setting="image")
