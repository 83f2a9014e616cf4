"""The vector stores a collection can keep its chunks in: a protocol and a registry.

    store = open_vector_store("handbook", settings.retrieval, settings.data_dir)

A store holds, per collection, chunk ids with their vector, text and metadata (at least
"source" and "index", the chunk's position in its document). GENAI_VECTOR_STORE picks the
entry; adding a store is a file with a class that follows `VectorStore` plus one line here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

from core.registry import Registry


class VectorStore(Protocol):
    name: str

    def add(self, ids: list[str], vectors, texts: list[str], metadatas: list[dict]) -> None:
        """Insert or replace chunks (upsert by id)."""

    def delete_source(self, source: str) -> None:
        """Remove every chunk of one document."""

    def delete(self, ids: list[str]) -> None:
        """Remove these chunks (ids that do not exist are ignored)."""

    def count(self) -> int: ...

    def get(self, ids: list[str]) -> dict[str, dict]:
        """{id: {"text": ..., **metadata}} for the ids that exist."""

    def query(self, vector, k: int, sources: list[str] | None = None) -> list[tuple[str, float, str, dict]]:
        """Top-k (id, cosine similarity, text, metadata), best first; `sources` filters documents."""

    def chunks_at(self, source: str, indices: Sequence[int]) -> list[dict]:
        """The chunks of `source` at these positions: [{"id", "text", **metadata}] in any order."""

    def drop(self) -> None:
        """Remove the whole collection from the store."""


# A factory: (collection name, RetrievalSettings, data_dir: Path) -> VectorStore
VECTOR_STORES: Registry = Registry("vector store", "GENAI_VECTOR_STORE")
VECTOR_STORES.register("chroma", "core.retrieval.store:ChromaStore")


def open_vector_store(name: str, settings, data_dir: Path) -> VectorStore:
    return VECTOR_STORES.get(settings.vector_store)(name, settings, data_dir)
