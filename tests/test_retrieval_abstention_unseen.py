"""The abstention's "unseen" feature (core/retrieval/abstention.py, #13 round 8): exactly one question
word that no chunk of the collection uses is how a near-miss that swaps one plain word looks
("What is the *penalty* for violating the BSD license?"); the model refitted with it abstains on
such questions and still answers a paraphrase with one new word ("Who *wrote* the Zen of Python?").
Real sample corpus, real MiniLM, real Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import abstention
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
NEAR_MISS = "What is the penalty for violating the BSD license?"  # the BSD licence states no penalty
ANSWERABLE = "Who wrote the Zen of Python?"  # "By Tim Peters"; "wrote" is in no chunk
ROUND_7 = {"WEIGHTS": {"coverage": 3.89, "sentence": 2.2, "vector": 1.74, "agreement": 1.07},
           "BIAS": -4.52, "THRESHOLD": 0.29, "HEADER_COVERAGE": False}


@pytest.fixture
def sample():
    col = open_collection("sample")
    assert col.ingest(sorted(CORPUS.iterdir())).ok
    return RagChain("sample", answer_mode="extractive")


def test_one_unseen_word_counts_only_alone(sample):
    idf = open_collection("sample").bm25.idf
    assert abstention.evidence(NEAR_MISS, [], [], idf)["unseen"] == 1.0  # "penalty"
    assert abstention.evidence("What is the penalty for a dental claim?", [], [], idf)["unseen"] == 0.0  # two
    assert abstention.evidence("Who may use the software?", [], [], idf)["unseen"] == 0.0  # none


def test_a_plain_word_near_miss_abstains_and_a_paraphrase_is_answered(sample, monkeypatch):
    miss = sample.ask(NEAR_MISS)
    assert miss.abstained and miss.trace["abstention"]["features"]["unseen"] == 1.0, miss.abstain_reason
    ok = sample.ask(ANSWERABLE)
    assert not ok.abstained and "Tim Peters" in ok.answer
    # the round-7 abstention (no "unseen", coverage without the document name) answered the near-miss
    for name, value in ROUND_7.items():
        monkeypatch.setattr(abstention, name, value)
    assert not sample.ask(NEAR_MISS).abstained


def test_a_title_line_that_restates_the_question_is_no_quote(sample, monkeypatch):
    from core.retrieval import extractive

    # #13 round 26e: the near-miss's best quote was the licence's title line, "BSD 3-Clause License"
    # (the trace lists the quotes also when abstaining: on some CPUs the old answer was refused at probability 0.30,
    # on others given at 0.314, against the threshold 0.31)
    monkeypatch.setattr(extractive, "TITLE_LINES_ARE_NOT_QUOTES", False)
    assert sample.ask(NEAR_MISS).trace["quotes"][0]["text"] == "BSD 3-Clause License"
    monkeypatch.setattr(extractive, "TITLE_LINES_ARE_NOT_QUOTES", True)
    miss = sample.ask(NEAR_MISS)
    assert miss.abstained and miss.trace["quotes"][0]["text"] != "BSD 3-Clause License", miss.trace["quotes"]
    assert miss.trace["abstention"]["p_answerable"] < 0.25  # far from the threshold, not at it
    assert "Tim Peters" in sample.ask(ANSWERABLE).answer  # a title that says more than the question stays quotable
