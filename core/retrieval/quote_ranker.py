"""A fitted re-ranking of the quote candidates (#13 round 23).

    x = sentence_features(question, text, parts)    # per candidate, in extractive.rank_sentences
    ranked = rerank(ranked)                          # best first by the fitted score

The hand ranking (extractive.py) is a fixed sum of a cosine, an IDF coverage and bonuses, each rule
added and judged by answer counts one at a time. This module scores the same candidates with a linear
model whose weights were fitted (benchmarks/fit_quote_ranker.py, pairwise logistic regression) to put
the sentence that states the answer above the other sentences of the retrieved chunks. Its inputs are
the hand score and its parts plus a few cheap facts about the sentence's form and whether it holds
what the question asks for; no model is loaded.
"""
from __future__ import annotations

import math
import re

from core.retrieval.quantity import asks_for_measure, asks_for_quantity, states_quantity

FEATURES = ("score", "meaning", "coverage", "covered", "adjustment", "named_bonus", "inverse_rank",
            "item", "row", "ends_colon", "code_share", "log_words", "first_in_chunk", "refers_back",
            "quantity_held", "quantity_missing", "default_held")
# (mean, scale, weight) per feature, weights over standardised features: `benchmarks/fit_quote_ranker.py
# --capture` on the four tuning sets' answerable questions (#13 round 23, 285 questions)
FITTED = {
    'score': (0.27364, 0.19551, 0.93468),
    'meaning': (0.28829, 0.20315, 0.37647),
    'coverage': (0.12756, 0.18771, 0.16222),
    'covered': (0.21183, 0.22985, 1.2584),
    'adjustment': (0.00358, 0.02829, 0.07297),
    'named_bonus': (0.0016, 0.02187, 0.6259),
    'inverse_rank': (0.53752, 0.29915, 0.90236),
    'item': (0.09675, 0.29562, 0.41938),
    'row': (0.00289, 0.05366, 0.09744),
    'ends_colon': (0.05097, 0.21995, -0.1287),
    'code_share': (0.02836, 0.05153, -0.45819),
    'log_words': (2.70446, 0.64967, 0.16107),
    'first_in_chunk': (0.10108, 0.30144, 0.07303),
    'refers_back': (0.08318, 0.27615, 0.20182),
    'quantity_held': (0.03971, 0.19528, 0.23715),
    'quantity_missing': (0.06845, 0.25251, -0.1834),
    'default_held': (0.0078, 0.08796, 0.23301),
}
# the weights rerank() uses; None: the hand order (round 23 measured the fitted ones: see docs/rag.md)
WEIGHTS: dict[str, tuple[float, float, float]] | None = None
# how many of the hand ranking's first candidates are re-ranked ("all" = every candidate)
DEPTH: int | None = None
_CODE = re.compile(r"[`=(){}\[\]<>_/\\|$;*#@]")


def question_facts(question: str, says_default: bool) -> dict:
    """What the features read from the question, once per question (`says_default`: extractive.says_default)."""
    return {"quantity": asks_for_quantity(question) or asks_for_measure(question), "default": says_default}


def sentence_features(facts: dict, text: str, parts: dict) -> dict[str, float]:
    """The features of one candidate sentence. `parts`: the hand ranking's own numbers for it (score,
    meaning, coverage, covered, adjustment, named_bonus, n, first_in_chunk, refers_back, item, row, says_default)."""
    stripped = text.strip()
    states = states_quantity(text)
    return {
        "score": parts["score"], "meaning": parts["meaning"], "coverage": parts["coverage"],
        "covered": parts["covered"], "adjustment": parts["adjustment"], "named_bonus": parts["named_bonus"],
        "inverse_rank": 1.0 / parts["n"], "item": float(parts["item"]), "row": float(parts["row"]),
        "ends_colon": float(stripped.endswith(":")),
        "code_share": len(_CODE.findall(stripped)) / max(len(stripped), 1),
        "log_words": math.log(1 + len(stripped.split())),
        "first_in_chunk": float(parts["first_in_chunk"]), "refers_back": float(parts["refers_back"]),
        "quantity_held": float(facts["quantity"] and states),
        "quantity_missing": float(facts["quantity"] and not states),
        "default_held": float(facts["default"] and parts["says_default"]),
    }


def fitted_score(features: dict[str, float], weights: dict[str, tuple[float, float, float]]) -> float:
    return sum(w * (features[name] - mean) / scale for name, (mean, scale, w) in weights.items())


def rerank(ranked: list, weights: dict | None = None, depth: int | None = None) -> list:
    """`ranked` (hand order, each with .features) with its first `depth` candidates (all: None) re-ordered
    by the fitted score; unchanged while no weights are set."""
    weights = WEIGHTS if weights is None else weights
    depth = DEPTH if depth is None else depth
    if not weights or not ranked:
        return ranked
    head, tail = (ranked, []) if depth is None else (ranked[:depth], ranked[depth:])
    head = sorted(head, key=lambda q: -fitted_score(q.features, weights))
    return head + tail
