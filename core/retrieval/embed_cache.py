"""A content-addressed cache of chunk embeddings (SQLite in the data folder).

Ingestion time is almost all embedding. A chunk whose exact text was embedded before (the
unchanged paragraphs of a new version of a document, boilerplate shared by many files, a
document deleted and uploaded again, the same file in another collection) is looked up
instead of re-embedded. Keys are sha256(text) per embedding model and runtime
(core/models/fast_embeddings.py), so a different model never reuses vectors; identical texts
within one batch are embedded once.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np

from core.config import get_settings

log = logging.getLogger(__name__)

_lock = threading.Lock()


def _db(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=30)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key BLOB, vec BLOB, PRIMARY KEY (model, key))")
    return con


def embed_cached(texts: list[str], stats: dict | None = None) -> np.ndarray:
    """Embeddings of `texts` (like Embedder.embed), reusing cached vectors where the text matches."""
    from core.models.fast_embeddings import cache_key, get_fast_embedder

    s = get_settings()
    embedder = get_fast_embedder()
    model = cache_key(embedder)  # per model and runtime: int8 vectors never stand in for float32 ones
    keys = [hashlib.sha256(t.encode("utf-8")).digest() for t in texts]
    path = s.data_dir / "retrieval" / "embeddings.sqlite"
    found: dict[bytes, np.ndarray] = {}
    with _lock:
        con = _db(path)
        try:
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), 500):  # SQLite's parameter limit
                part = unique[i:i + 500]
                rows = con.execute(f"SELECT key, vec FROM vectors WHERE model = ? AND key IN "
                                   f"({','.join('?' * len(part))})", [model, *part]).fetchall()
                found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        finally:
            con.close()
    missing = {k: t for k, t in zip(keys, texts) if k not in found}
    if missing:
        vectors = embedder.embed(list(missing.values()))
        new = dict(zip(missing.keys(), vectors))
        with _lock:
            con = _db(path)
            try:
                with con:
                    con.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                                    [(model, k, v.astype(np.float32).tobytes()) for k, v in new.items()])
            finally:
                con.close()
        found.update(new)
    if stats is not None:
        stats["cached"] = stats.get("cached", 0) + len(texts) - len(missing)
        stats["embedded"] = stats.get("embedded", 0) + len(missing)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)
