"""The vector store: Chroma, embedded (PersistentClient in data_dir/chroma) by default, or a
Chroma server (`chroma run`) through HttpClient when GENAI_CHROMA_HOST is set.

Chroma never embeds anything itself with its default function (that one downloads an ONNX
model): every collection is created with `CoreEmbeddingFunction`, which calls our bundled
embedder, and ingestion passes precomputed vectors. Telemetry is off.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from typing import Any

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")  # before chromadb reads its settings

import chromadb  # noqa: E402
from chromadb.api.types import Documents, EmbeddingFunction  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402
from chromadb.utils.embedding_functions import register_embedding_function  # noqa: E402

from core.caches import register_cache  # noqa: E402
from core.config import get_settings  # noqa: E402
from core.models.fast_embeddings import get_fast_embedder  # noqa: E402

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$")


def check_collection_name(name: str, shown: str | None = None) -> str:
    """Chroma's rules (3-63 chars of letters, digits, . _ -, alphanumeric at both ends). `shown`: the
    name the user typed, for the message, when `name` is a stored form of it (a private collection)."""
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
        said = name if shown is None else shown
        said = said[:40] + "…" if isinstance(said, str) and len(said) > 40 else said  # never echo a huge input
        raise ValueError(f"collection name {said!r} must be 3-63 characters of letters, digits, "
                         "'.', '_' or '-', starting and ending with a letter or digit")
    return name


@register_embedding_function
class CoreEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of the retrieval embedder (normalised MiniLM vectors, core/models/fast_embeddings.py)."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents):
        return list(get_fast_embedder().embed(list(input)))

    @staticmethod
    def name() -> str:
        return "genai-studio-core"

    def default_space(self):
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"model": get_settings().models.embedding_model}  # recorded by Chroma, never read back

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> CoreEmbeddingFunction:
        return CoreEmbeddingFunction()


_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()
register_cache("chroma clients", _clients.clear)


def get_client(settings=None, data_dir: Path | None = None):
    """One Chroma client per (data folder | server) per process."""
    if settings is None or data_dir is None:
        s = get_settings()
        settings, data_dir = settings or s.retrieval, data_dir or s.data_dir
    key = (("http", settings.chroma_host, settings.chroma_port) if settings.chroma_host
           else ("local", str(Path(data_dir).resolve())))
    with _clients_lock:
        if key not in _clients:
            # Built only here: a chromadb Settings object costs ~12 ms (pydantic reads the env)
            chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            if settings.chroma_host:
                _clients[key] = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                                    settings=chroma_settings)
            else:
                path = Path(data_dir) / "chroma"
                path.mkdir(parents=True, exist_ok=True)
                _clients[key] = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        return _clients[key]


class ChromaStore:
    """One Chroma collection: add precomputed vectors, delete by source, query by vector
    (the "chroma" entry of core/retrieval/stores.py)."""

    def __init__(self, name: str, settings=None, data_dir: Path | None = None, create: bool = True):
        self.name = check_collection_name(name)
        client = self.client = get_client(settings, data_dir)
        if create:
            self.col = client.get_or_create_collection(
                name, embedding_function=CoreEmbeddingFunction(),
                configuration={"hnsw": {"space": "cosine"}})
        else:
            self.col = client.get_collection(name, embedding_function=CoreEmbeddingFunction())

    def add(self, ids: list[str], vectors, texts: list[str], metadatas: list[dict]) -> None:
        import numpy as np

        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        client = self.client
        step = client.get_max_batch_size() if hasattr(client, "get_max_batch_size") else 5000
        for i in range(0, len(ids), step):
            self.col.upsert(ids=ids[i:i + step], embeddings=vectors[i:i + step],
                            documents=texts[i:i + step], metadatas=metadatas[i:i + step])

    def delete_source(self, source: str) -> None:
        self.col.delete(where={"source": source})

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 5000):
            self.col.delete(ids=ids[i:i + 5000])

    def count(self) -> int:
        return self.col.count()

    def get(self, ids: list[str]) -> dict[str, dict]:
        got = self.col.get(ids=ids, include=["documents", "metadatas"])
        return {i: {"text": d, **m} for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])}

    def query(self, vector, k: int, sources: list[str] | None = None) -> list[tuple[str, float, str, dict]]:
        """Top-k (id, cosine similarity, text, metadata), best first."""
        n = self.col.count()
        if n == 0:
            return []
        where = None
        if sources:
            where = {"source": sources[0]} if len(sources) == 1 else {"source": {"$in": list(sources)}}
        r = self.col.query(query_embeddings=[vector], n_results=min(k, n), where=where,
                           include=["documents", "metadatas", "distances"])
        return [(i, 1.0 - float(d), doc, meta) for i, d, doc, meta in
                zip(r["ids"][0], r["distances"][0], r["documents"][0], r["metadatas"][0])]


    def chunks_at(self, source: str, indices) -> list[dict]:
        r = self.col.get(where={"$and": [{"source": source}, {"index": {"$in": list(indices)}}]},
                         include=["documents", "metadatas"])
        return [{"id": i, "text": d, **m} for i, d, m in zip(r["ids"], r["documents"], r["metadatas"])]


    def drop(self) -> None:
        self.client.delete_collection(self.name)


def list_collections() -> list[str]:
    return sorted(c.name if hasattr(c, "name") else str(c) for c in get_client().list_collections())


def drop_collection(name: str) -> None:
    get_client().delete_collection(check_collection_name(name))
