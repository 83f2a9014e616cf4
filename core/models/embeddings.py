"""Sentence embeddings: all-MiniLM-L6-v2 from its wheel by default, any sentence-transformers id.

`Embedder` is also a LangChain `Embeddings` (embed_documents / embed_query), so it plugs
into LangChain vector stores, and it returns L2-normalised float32 vectors: cosine
similarity is a dot product.
"""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from core.caches import register_cache
from core.config import get_settings
from core.models import bundled, hub
from core.models.device import apply_thread_setting, pick_device
from core.models.lazy import Lazy

log = logging.getLogger(__name__)


class Embedder(Embeddings):
    def __init__(self, model: str = "bundled", batch_size: int = 64):
        from sentence_transformers import SentenceTransformer

        apply_thread_setting()
        if model == "bundled":
            path, self.name, kwargs = str(bundled.minilm_dir()), bundled.MINILM_NAME, {}
        else:
            kwargs = hub.require_model(model, "GENAI_EMBEDDING_MODEL")
            path, self.name = model, model
        self.source = "bundled" if model == "bundled" else ("local" if hub.is_local(model) else "hub")
        self.batch_size = batch_size
        self.model = SentenceTransformer(path, device=str(pick_device()), **kwargs)
        self.dimension = self.model.get_embedding_dimension() if hasattr(
            self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension()
        self.max_seq_length = self.model.max_seq_length
        log.info("loaded embeddings %s (%d dims)", self.name, self.dimension)

    @property
    def tokenizer(self):
        return self.model.tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimension) float32, each row of unit length."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of strings; wrap a single text in a list")
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return vectors.astype(np.float32, copy=False)

    # LangChain Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()


def _build() -> Embedder:
    s = get_settings()
    return Embedder(s.models.embedding_model, s.models.embedding_batch_size)


_embedder: Lazy[Embedder] = Lazy(_build)
register_cache("embedder", _embedder.reset)


def get_embedder() -> Embedder:
    """The process-wide embedder (loaded on first use, shared by every session)."""
    return _embedder.get()
