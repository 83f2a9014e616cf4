"""Embedding similarity to small curated example sets (abusive texts, known attacks).

Two ways to embed, chosen by GENAI_SAFETY_EMBEDDINGS:
- "static" (default): the bundled MiniLM distilled into one vector per vocabulary token
  (model2vec-style: each token run through MiniLM alone, mean-pooled), and a text is the
  frequency-weighted mean of its token vectors. ~0.1 ms per message instead of the 15-60 ms
  a full MiniLM forward pass takes on this 2-core CPU (measured in benchmarks/safety.py).
  The table is built once from `get_embedder()` (about 1-2 min on 2 cores) and cached in
  settings.cache_dir/safety/, next to the tokenizer, so later processes load it in < 1 s
  without loading the model at all.
- "full": the full MiniLM via `get_embedder().embed` (better paraphrase recall, slower).
- "off": no embedding check; scanners fall back to their classifiers and heuristics.

`ExampleSet.score(texts)` returns, per text, the best cosine similarity to the positive
examples and to the contrast (benign look-alike) examples.
"""
from __future__ import annotations

import logging
import math
import os
import re
import threading
from pathlib import Path

import numpy as np

from core.caches import register_cache
from core.config import get_settings
from core.models.lazy import Lazy

log = logging.getLogger(__name__)

_CURATED = Path(__file__).parent / "curated"
# 2: version-1 tables built in a process that had exported the embedder to ONNX were made with
# dropout on (the export left the shared encoder in train mode): a different table, and different
# safety scores, on each machine. Built in eval mode since; the new name makes old tables rebuild.
TABLE_VERSION = 2


class StaticEmbedder:
    """Token-vector table of a sentence-transformers model; embed() is numpy only."""

    def __init__(self, folder: Path | None = None):
        from tokenizers import Tokenizer

        name = get_settings().models.embedding_model
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", name)
        folder = folder or get_settings().cache_dir / "safety" / f"static-{slug}-v{TABLE_VERSION}"
        table_path, tok_path = folder / "table.npy", folder / "tokenizer.json"
        if not (table_path.exists() and tok_path.exists()):
            self._build(folder)
        self.tokenizer = Tokenizer.from_file(str(tok_path))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.table = np.load(table_path).astype(np.float32)
        vocab = len(self.table)
        # SIF-style weights from the token's rank (BERT vocabularies are roughly
        # frequency-ordered after the special/character block): frequent tokens count less.
        rank = np.maximum(np.arange(vocab) - 1995, 1).astype(np.float32)
        prob = 1.0 / (rank * math.log(vocab))
        self.weights = (1e-4 / (1e-4 + prob)).astype(np.float32)
        self.dimension = self.table.shape[1]

    @staticmethod
    def _build(folder: Path, limit: int | None = None) -> None:
        """Write table.npy and tokenizer.json into folder (limit: first N tokens only, for tests)."""
        import torch

        from core.models.embeddings import get_embedder

        emb = get_embedder()
        log.info("building the static token table for safety checks from %s (once)", emb.name)
        tok = emb.tokenizer
        transformer = emb.model[0].auto_model.eval()  # no dropout, whatever another caller left on
        vocab = min(tok.vocab_size, limit or tok.vocab_size)
        cls, sep = tok.cls_token_id, tok.sep_token_id
        table = np.zeros((vocab, emb.dimension), np.float32)
        with torch.inference_mode():
            for s in range(0, vocab, 1024):
                ids = torch.tensor([[cls, i, sep] for i in range(s, min(vocab, s + 1024))])
                hidden = transformer(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
                table[s:s + len(ids)] = hidden.mean(1).float().cpu().numpy()
        # remove the component shared by all tokens, so averages are not dominated by it
        table -= table[min(1996, vocab - 1):].mean(0)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"table.{os.getpid()}.tmp.npy"  # per process: concurrent first starts
        np.save(tmp, table.astype(np.float16))
        tok_tmp = folder / f"tokenizer.{os.getpid()}.tmp.json"
        tok.backend_tokenizer.save(str(tok_tmp))
        tok_tmp.replace(folder / "tokenizer.json")
        tmp.replace(folder / "table.npy")

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), np.float32)
        for i, enc in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            ids = np.asarray(enc.ids[:512], dtype=np.int64)
            if len(ids):
                v = self.weights[ids] @ self.table[ids]
                out[i] = v / (np.linalg.norm(v) or 1.0)
        return out


_static: Lazy[StaticEmbedder] = Lazy(StaticEmbedder)
register_cache("static safety embeddings", _static.reset)


def embed(texts: list[str], mode: str) -> np.ndarray:
    if mode == "static":
        return _static.get().embed(texts)
    if mode == "full":
        from core.models.embeddings import get_embedder

        return get_embedder().embed(texts)
    raise ValueError(f"embedding mode must be 'static' or 'full', got {mode!r}")


def read_examples(name: str) -> list[str]:
    """One example per line; blank lines and lines starting with # are skipped."""
    lines = (_CURATED / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


class ExampleSet:
    """Positive examples (what to catch) and contrast examples (benign look-alikes)."""

    def __init__(self, positive_file: str, contrast_file: str):
        self.positive = read_examples(positive_file)
        self.contrast = read_examples(contrast_file)
        self._vectors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    def _for(self, mode: str) -> tuple[np.ndarray, np.ndarray]:
        if mode not in self._vectors:
            with self._lock:
                if mode not in self._vectors:
                    self._vectors[mode] = (embed(self.positive, mode), embed(self.contrast, mode))
        return self._vectors[mode]

    def score(self, texts: list[str], mode: str) -> tuple[np.ndarray, np.ndarray]:
        """(best similarity to a positive, best similarity to a contrast) per text."""
        pos, neg = self._for(mode)
        x = embed(texts, mode)
        return (x @ pos.T).max(axis=1), (x @ neg.T).max(axis=1)
