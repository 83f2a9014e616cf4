"""The image-prompt classifier: category probabilities for one prompt.

A LinearTextModel (core/safety/linear_text_model.py) over the classes benign, sexual,
gore, minors, hate, self_harm, trained by `python -m core.safety.training.train` on
template-made prompts (core/safety/training/image_templates.py) and shipped as
core/safety/curated/image_classifier.npz (loaded once per process, ~0.2 s).
"""
from __future__ import annotations

from pathlib import Path

from core.safety.linear_text_model import LinearTextModel, load_shared

MODEL_FILE = Path(__file__).parent / "curated" / "image_classifier.npz"


class ImageClassifier:
    def __init__(self, model: LinearTextModel):
        self.model = model

    def category_probs(self, text: str) -> dict[str, float]:
        """Category -> probability (benign left out)."""
        probs = self.model.predict_proba([text])[0]
        return {c: float(p) for c, p in zip(self.model.classes, probs) if c != "benign"}


def load_image_classifier(path: Path = MODEL_FILE) -> ImageClassifier:
    return ImageClassifier(load_shared(path))
