"""Search a collection by vector similarity, BM25, or both fused by reciprocal rank.

    hits = search(col, "how long is the warranty?", k=4, mode="hybrid")
    hits[0].text, hits[0].source, hits[0].page, hits[0].score, hits[0].scores

Reciprocal-rank fusion (Cormack, Clarke & Buettcher 2009): fused(d) = sum over rankings of
1 / (rrf_k + rank(d)). It needs no score calibration between cosine and BM25, which live on
unrelated scales.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field

from core.config import get_settings
from core.models.fast_embeddings import get_fast_embedder
from core.retrieval.collection import Collection

log = logging.getLogger(__name__)

MODES = ("vector", "bm25", "hybrid")


@dataclass
class Hit:
    id: str
    text: str
    source: str
    page: int
    index: int
    score: float  # the score of the chosen mode (cosine, BM25, or fused RRF)
    scores: dict = field(default_factory=dict)  # {"vector", "bm25", "fused"} where computed
    ranks: dict = field(default_factory=dict)  # 1-based rank in each ranking
    header: str = ""  # the chunk's title/section header (chunk_headers.py), seen by retrieval only

    def to_dict(self) -> dict:
        return asdict(self)


def rrf(rankings: dict[str, list[str]], rrf_k: int = 60) -> list[tuple[str, float]]:
    """Fuse ranked id lists; returns (id, fused score) best first (ties keep first-seen order)."""
    fused: dict[str, float] = {}
    for ranking in rankings.values():
        for rank, doc_id in enumerate(ranking, start=1):
            fused[doc_id] = fused.get(doc_id, 0.0) + 1.0 / (rrf_k + rank)
    return sorted(fused.items(), key=lambda kv: -kv[1])


def search(col: Collection, query: str, k: int | None = None, mode: str | None = None,
           sources: list[str] | None = None, timings: dict | None = None) -> list[Hit]:
    """Top-k chunks for `query`; `sources` restricts to those documents; `timings` gets ms per step."""
    s = get_settings()
    k = k or s.retrieval.retrieval_k
    mode = mode or s.retrieval.retrieval_mode
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    if not query or not query.strip():
        raise ValueError("the query is empty")
    timings = {} if timings is None else timings
    depth = k if mode != "hybrid" else max(4 * k, 20)  # fusion needs candidates beyond k
    vec: list[tuple[str, float, str, dict]] = []
    kw: list[tuple[str, float]] = []
    if mode in ("vector", "hybrid"):
        t = time.perf_counter()
        vector = get_fast_embedder().embed([query])[0]
        timings["embed_ms"] = _ms(t)
        t = time.perf_counter()
        vec = col.store.query(vector, depth, sources)
        timings["vector_ms"] = _ms(t)
    if mode in ("bm25", "hybrid"):
        t = time.perf_counter()
        kw = col.bm25.search(query, depth, set(sources) if sources else None)
        timings["bm25_ms"] = _ms(t)

    t = time.perf_counter()
    info: dict[str, dict] = {}
    for rank, (cid, sim, text, meta) in enumerate(vec, start=1):
        info[cid] = {"text": text, "meta": meta, "scores": {"vector": sim}, "ranks": {"vector": rank}}
    for rank, (cid, score) in enumerate(kw, start=1):
        entry = info.setdefault(cid, {"scores": {}, "ranks": {}})
        entry["scores"]["bm25"] = score
        entry["ranks"]["bm25"] = rank
    if mode == "vector":
        order = [(cid, sim) for cid, sim, _, _ in vec]
    elif mode == "bm25":
        order = kw
    else:
        order = rrf({"vector": [v[0] for v in vec], "bm25": [b[0] for b in kw]}, s.retrieval.rrf_k)
        for cid, fused in order:
            info[cid]["scores"]["fused"] = fused
    order = order[:k]
    missing = [cid for cid, _ in order if "text" not in info[cid]]
    if missing:  # BM25-only hits: fetch their text and metadata from Chroma
        for cid, row in col.store.get(missing).items():
            info[cid]["text"] = row.pop("text")
            info[cid]["meta"] = row
    hits = []
    for cid, score in order:
        entry = info[cid]
        if "text" not in entry:  # BM25 knows a chunk Chroma lost: skip it rather than fail
            log.warning("chunk %s is in BM25 but not in Chroma", cid)
            continue
        m = entry["meta"]
        hits.append(Hit(cid, entry["text"], m["source"], int(m.get("page", 1)), int(m.get("index", 0)),
                        float(score), entry["scores"], entry["ranks"], str(m.get("header", "") or "")))
    timings["fuse_ms"] = _ms(t)
    return hits


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 2)
