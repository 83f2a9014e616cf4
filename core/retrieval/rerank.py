"""Rerank retrieved chunks by their best sentence: the evidence an answer would quote.

    hits = rerank(question, search(col, question, k=12), idf=col.bm25.idf)[:4]

A chunk embedding averages a whole passage, so a chunk holding the one sentence that
answers the question can rank below a chunk that is about the topic in general. Here each
candidate is scored by its best single sentence (the same score the extractive answer uses:
MiniLM cosine to the question and the share of the question's IDF weight it holds, with the
chunk's title/section header counted as part of every sentence), then fused by reciprocal
rank with the first-stage order, so neither signal alone decides. No extra model: the
sentence vectors are cached (grounding.py), and the top chunks' sentences are needed for
the answer anyway.
"""
from __future__ import annotations

from core.retrieval.extractive import COVERAGE_WEIGHT, MEANING_WEIGHT, weighted_coverage
from core.retrieval.grounding import GroundingChecker, content_words

RRF_K = 10  # a small constant: both rankings are short (the candidates only)


def sentence_scores(question: str, hits, idf=None, embedder=None) -> list[float]:
    """Best-sentence score of every hit (0 for a hit without a sentence)."""
    checker = GroundingChecker(hits, embedder)
    singles = [c for c in checker.candidates if not c.pair]
    if not singles:
        return [0.0] * len(hits)
    checker._ensure_vectors()
    qvec = checker._embed([question])[0]
    qwords = content_words(question)
    header_words = [content_words(getattr(h, "header", "") or "") for h in hits]
    best = [0.0] * len(hits)
    for c in singles:
        words = c.words | header_words[c.n - 1]
        score = MEANING_WEIGHT * float(qvec @ c.vector) + COVERAGE_WEIGHT * weighted_coverage(qwords, words, idf)
        best[c.n - 1] = max(best[c.n - 1], score)
    return best


def rerank(question: str, hits: list, idf=None, embedder=None) -> list:
    """The hits reordered by RRF of their first-stage rank and their best-sentence rank."""
    if len(hits) < 2:
        return list(hits)
    scores = sentence_scores(question, hits, idf, embedder)
    by_sentence = sorted(range(len(hits)), key=lambda i: -scores[i])
    fused = {i: 1 / (RRF_K + i + 1) for i in range(len(hits))}
    for rank, i in enumerate(by_sentence, start=1):
        fused[i] += 1 / (RRF_K + rank)
    order = sorted(range(len(hits)), key=lambda i: -fused[i])
    out = []
    for new_rank, i in enumerate(order, start=1):
        h = hits[i]
        h.scores["sentence"] = round(scores[i], 4)
        h.scores["reranked"] = round(fused[i], 5)
        h.ranks["sentence"] = by_sentence.index(i) + 1
        h.ranks["first_stage"] = i + 1
        out.append(h)
    return out
