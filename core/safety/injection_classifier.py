"""The injection classifier: how likely each sentence of a text is an attack.

A LinearTextModel (core/safety/linear_text_model.py, classes attack / benign) trained by
`python -m core.safety.training.train` on template-made attacks and benign texts (how-to
instructions, questions about AI, real package documentation; see
core/safety/training/injection_templates.py), shipped as
core/safety/curated/injection_classifier.npz.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from core.safety.linear_text_model import LinearTextModel, load_shared

MODEL_FILE = Path(__file__).parent / "curated" / "injection_classifier.npz"
# round 11: the n-gram model as shipped in round 10 (trained without non-English documentation). It reads
# "non-English" as "attack"; injection.py asks it only about non-English sentences that speak of
# instructions, rules, prompts or an assistant (intent_lexicon.speaks_of_instructions)
ROUND10_FILE = Path(__file__).parent / "curated" / "injection_classifier_round10.npz"
# round 29b: the n-gram model of further languages and scripts (injection.WORLD_GATE)
WORLD_FILE = Path(__file__).parent / "curated" / "injection_classifier_world.npz"


class InjectionClassifier:
    def __init__(self, model: LinearTextModel):
        self.model = model
        self.attack = model.classes.index("attack")

    def attack_probs(self, texts: list[str]) -> np.ndarray:
        return self.model.predict_proba(texts)[:, self.attack] if texts else np.zeros(0)


def load_injection_classifier(path: Path = MODEL_FILE) -> InjectionClassifier:
    return InjectionClassifier(load_shared(path))
