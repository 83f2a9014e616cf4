"""Re-rank the quote candidates with the answer verifier (verifier.py) and report its confidence.

    ranked, best = verify_ranked(question, rank_sentences(question, checker, idf), get_verifier())

The cheap ranking (MiniLM cosine + IDF coverage, extractive.py) orders every sentence of the
retrieved passages; the cross-encoder then reads the question with each of the first `depth`
sentences and adds `weight` x its probability to their score, so it decides among the
sentences the cheap ranking already found plausible (the usual mistake is an overview sentence
first and the answering one 2nd-5th). `best` (the highest probability) is the abstention's
"verifier" feature: a near-miss question whose key term no sentence answers scores low on all.
DEPTH and WEIGHT were chosen on the tuning sets (benchmarks/rag.py --fit-verifier).
"""
from __future__ import annotations

from dataclasses import replace

from core.retrieval.extractive import Quote

DEPTH = 4  # sentences the verifier reads per answer (its cost grows with this)
WEIGHT = 0.2  # on the 0..1 scale of the cheap quote score
# (#13 session 32) whether the verifier's best probability becomes the abstention's fifth feature. Off: the
# abstention's WEIGHTS_VERIFIED were fitted on the third round's synthetic-question verifier, and the shipped one
# (retrained on visitor questions) was measured only as a re-ranker (benchmarks/results/rag_visitor_verifier.md)
FEEDS_ABSTENTION = False


def verify_ranked(question: str, ranked: list[Quote], verifier, depth: int | None = None,
                  weight: float | None = None) -> tuple[list[Quote], float]:
    """The candidates with the first `depth` re-scored (best first), and the best probability.
    Depth and weight default to the module's DEPTH and WEIGHT as they are at call time."""
    depth = DEPTH if depth is None else depth
    weight = WEIGHT if weight is None else weight
    top = ranked[:depth]
    if not top:
        return ranked, 0.0
    probs = verifier.score(question, [q.text for q in top])
    rescored = [replace(q, score=q.score + weight * float(p), verified=round(float(p), 4))
                for q, p in zip(top, probs)]
    rescored.sort(key=lambda q: -q.score)
    return rescored + ranked[depth:], float(max(probs))
