"""How the retrieval embedder runs: a registry of runtimes (GENAI_EMBEDDING_RUNTIME).

An entry is a factory `(base: Embedder) -> Embeddings` that returns an object with
`embed(texts) -> np.ndarray` (unit-length rows) and LangChain's `embed_documents` /
`embed_query`, for the sentence-transformers model `base` (core/models/embeddings.py).
"auto" is resolved in core/models/fast_embeddings.py (onnx-int8 on CPUs with VNNI, onnx on
other CPUs, torch on a GPU).
"""
from __future__ import annotations

from core.registry import Registry

EMBEDDING_RUNTIMES: Registry = Registry("embedding runtime", "GENAI_EMBEDDING_RUNTIME")


def _torch(base):
    return base  # sentence-transformers as is


def _onnx(base):
    from core.models.fast_embeddings import OnnxEmbedder

    return OnnxEmbedder(base, "onnx")


def _onnx_int8(base):
    from core.models.fast_embeddings import OnnxEmbedder

    return OnnxEmbedder(base, "onnx-int8")


EMBEDDING_RUNTIMES.register("torch", _torch)
EMBEDDING_RUNTIMES.register("onnx", _onnx)
EMBEDDING_RUNTIMES.register("onnx-int8", _onnx_int8)
