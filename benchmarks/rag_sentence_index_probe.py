"""Probe (#13, session 37): would a sentence-level vector list, fused with today's hybrid lists, retrieve the
passages visitors ask about? Nothing here ships; see benchmarks/results/rag_issue13_session37_sentence_index_probe.md.

    python benchmarks/rag_sentence_index_probe.py WORKDIR [--sets "dev info" "dev visitors" ...]

WORKDIR is a `benchmarks/rag.py --long --long-chunking 1000/200 --workdir WORKDIR --retrieval-sets ...` run's
folder: its collections "long-1000-200-h" (the default chunking, with headers) are read, not rebuilt.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rag import RETRIEVAL_SETS, _load_qa, _rank_of, _scores, use_data_dir  # noqa: E402

TUNING_SETS = ("long documents", "dev prose", "dev readme", "dev info", "dev visitors")
DEPTH = 20  # candidates per list, as hybrid search takes max(4k, 20)


def sentence_table(col, embed) -> tuple[list[str], dict[str, str], np.ndarray, np.ndarray, float, int]:
    """(chunk ids, id -> text, sentence vectors, each sentence's chunk row, ms to embed, sentence count)."""
    from core.retrieval.grounding import split_sentences

    ids = [cid for cid, _ in col.bm25.live_rows()]
    texts = {cid: row["text"] for cid, row in col.store.get(ids).items()}
    ids = [cid for cid in ids if cid in texts]
    sentences, owner = [], []
    for row, cid in enumerate(ids):
        text = texts[cid]
        for start, end in split_sentences(text):
            s = " ".join(text[start:end].split())
            if len(s) >= 12:
                sentences.append(s)
                owner.append(row)
    t = time.perf_counter()
    vectors = np.asarray(embed(sentences), dtype=np.float32)
    ms = (time.perf_counter() - t) * 1000
    return ids, texts, vectors, np.asarray(owner), ms, len(sentences)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workdir", type=Path)
    ap.add_argument("--sets", nargs="+", default=list(TUNING_SETS))
    args = ap.parse_args()
    from core.models.fast_embeddings import get_fast_embedder
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import rrf, search

    embed = get_fast_embedder().embed
    print("| set | chunks | sentences / chunk | sentence embedding ms / chunk | list | hit@1 | hit@4 | hit@5 | MRR@10 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for set_name in args.sets:
        _, qa_file, folder = RETRIEVAL_SETS[set_name]
        qa = [q for q in _load_qa(qa_file) if q["source"]]
        use_data_dir(args.workdir / folder)
        col = open_collection("long-1000-200-h")
        ids, texts, vectors, owner, ms, n_sentences = sentence_table(col, embed)
        sources = {cid: row["source"] for cid, row in col.store.get(ids).items()}
        ranks = {name: [] for name in ("today (bm25 + chunk vector)", "A: + best sentence", "B: bm25 + best sentence")}
        for q in qa:
            vec = [h.id for h in search(col, q["question"], k=DEPTH, mode="vector")]
            kw = [h.id for h in search(col, q["question"], k=DEPTH, mode="bm25")]
            qv = np.asarray(embed([q["question"]]), dtype=np.float32)[0]
            best = np.full(len(ids), -1.0, dtype=np.float32)
            np.maximum.at(best, owner, vectors @ qv)
            sent = [ids[i] for i in np.argsort(-best)[:DEPTH]]
            orders = {"today (bm25 + chunk vector)": rrf({"vector": vec, "bm25": kw}),
                      "A: + best sentence": rrf({"vector": vec, "bm25": kw, "sentence": sent}),
                      "B: bm25 + best sentence": rrf({"bm25": kw, "sentence": sent})}
            for name, order in orders.items():
                ranks[name].append(_rank_of([(sources[cid], texts[cid]) for cid, _ in order[:10]], q))
        for name, got in ranks.items():
            s = _scores(got)
            hit5 = sum(1 for r in got if r and r <= 5) / len(got)
            print(f"| {set_name} | {len(ids)} | {n_sentences / len(ids):.1f} | {ms / len(ids):.1f} | {name} | "
                  f"{s['hit@1']:.3f} | {s['hit@4']:.3f} | {hit5:.3f} | {s['MRR@10']:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
