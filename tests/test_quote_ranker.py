"""The fitted quote re-ranking (#13 round 23, core/retrieval/quote_ranker.py) and its fitting script.
It is off by default (measured: no gain on the tuning sets); these tests keep the switch and the
fitting tool honest. Real MiniLM for the candidates' test."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmarks.fit_quote_ranker import fit, top1
from core.retrieval import quote_ranker
from core.retrieval.extractive import rank_sentences
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import Hit
from core.retrieval.quote_ranker import FEATURES, fitted_score, rerank


@dataclass
class Candidate:
    name: str
    features: dict = field(default_factory=dict)


def _features(**given) -> dict:
    return {name: float(given.get(name, 0.0)) for name in FEATURES}


def test_rerank_orders_by_the_fitted_score_and_keeps_the_tail_below_depth():
    weights = {"covered": (0.0, 1.0, 1.0), "code_share": (0.0, 1.0, -2.0)}
    ranked = [Candidate("code", _features(covered=0.9, code_share=0.5)),  # 0.9 - 1.0 = -0.1
              Candidate("prose", _features(covered=0.6)),                  # 0.6
              Candidate("tail", _features(covered=1.0))]                   # 1.0, but past depth 2
    assert [c.name for c in rerank(ranked, weights, depth=2)] == ["prose", "code", "tail"]
    assert [c.name for c in rerank(ranked, weights, depth=None)] == ["tail", "prose", "code"]
    assert fitted_score(ranked[1].features, weights) == 0.6


def test_without_weights_the_hand_order_stays(monkeypatch):
    monkeypatch.setattr(quote_ranker, "WEIGHTS", None)
    ranked = [Candidate("a", _features(covered=0.1)), Candidate("b", _features(covered=0.9))]
    assert rerank(ranked) == ranked


def test_fit_learns_which_feature_marks_the_right_sentence():
    # in every question the right sentence is the one without code; the hand score says nothing
    rows = []
    for i in range(40):
        right = {"features": _features(score=0.3 + (i % 5) / 10, code_share=0.0), "right": True}
        wrong = [{"features": _features(score=0.3 + ((i + k) % 7) / 10, code_share=0.2 + k / 10), "right": False}
                 for k in range(3)]
        rows.append({"set": "t", "candidates": wrong + [right]})  # hand order: the right one last
    weights = fit(rows, FEATURES)
    assert weights["code_share"][2] < 0 and abs(weights["code_share"][2]) > abs(weights["score"][2])
    assert top1(rows, None) == (0, 40)
    assert top1(rows, weights) == (40, 40)


def test_every_quote_candidate_carries_the_features_the_ranker_reads():
    text = ("The desk opens at 9 by default. Spare keys are kept in the locked cabinet behind the desk.\n\n"
            "`cost = lookup(key)` returns the price. Lost keys cost 20 euros each, paid at the desk.")
    checker = GroundingChecker([Hit("c1", text, "desk.md", 1, 0, 0.5)])
    ranked = rank_sentences("How much does a lost key cost by default?", checker)
    assert len(ranked) >= 3 and all(set(q.features) == set(FEATURES) for q in ranked)
    by_text = {q.text: q.features for q in ranked}
    price = by_text["Lost keys cost 20 euros each, paid at the desk."]
    code = by_text["`cost = lookup(key)` returns the price."]
    opening = by_text["The desk opens at 9 by default."]
    # a quantity question: the sentence that states one holds it, the code line's "key" does not count
    assert price["quantity_held"] == 1.0 and price["quantity_missing"] == 0.0
    assert code["code_share"] > price["code_share"] == 0.0
    assert opening["default_held"] == 1.0 and price["default_held"] == 0.0
    assert opening["first_in_chunk"] == 1.0 and price["first_in_chunk"] == 0.0
    assert price["score"] == next(q.score for q in ranked if q.features is price)
