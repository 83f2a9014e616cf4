"""The answer verifier (core/retrieval/verifier.py, off by default) and near-miss abstention, on a
real manual page (assets/rag_corpus_long/find.1.txt) with the shipped weights and the real MiniLM.
One verifier and one collection serve every test of the file."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.retrieval.abstention import THRESHOLD
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.verifier import WEIGHTS, get_verifier

FIND = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "find.1.txt"
QUESTION = "How do I keep find from descending into a particular directory?"
PRUNE = ("-prune True; if the file is a directory, do not descend into it. If -depth is given, then "
         "-prune has no effect.")
PATH = ("-path pattern File name matches shell pattern pattern. The metacharacters do not treat `/' or "
        "`.' specially; so, for example, find . -path \"./sr*sc\" will print an entry for a directory "
        "called ./src/misc (if one exists).")


@pytest.fixture(scope="module")
def find_collection(tmp_path_factory):
    # the autouse fixture gives each test its own data folder; this collection is built once in its own
    import os

    from core.config import reset_settings

    folder = tmp_path_factory.mktemp("verifier-data")
    old = os.environ.get("GENAI_DATA_DIR")
    os.environ["GENAI_DATA_DIR"] = str(folder)
    reset_settings()
    col = open_collection("find")
    assert col.ingest([FIND]).ok
    yield folder
    if old is None:
        os.environ.pop("GENAI_DATA_DIR", None)
    else:
        os.environ["GENAI_DATA_DIR"] = old
    reset_settings()


def _use(folder, monkeypatch):
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_DATA_DIR", str(folder))
    reset_settings()


def test_the_verifier_loads_offline_from_a_small_delta_and_scores_each_pair_alone():
    assert WEIGHTS.stat().st_size < 10_000_000  # only the fine-tuned layers and the head ship
    verifier = get_verifier()
    both = verifier.score(QUESTION, [PATH, PRUNE])
    assert both.shape == (2,) and np.all((both > 0) & (both < 1))
    # a sentence's score does not depend on what it is batched with (padding is masked)
    assert abs(verifier.score(QUESTION, [PRUNE])[0] - both[1]) < 1e-4
    assert verifier.score(QUESTION, []).shape == (0,)


def test_the_chain_with_the_verifier_shows_its_reading_in_the_trace(find_collection, monkeypatch):
    # as shipped, the verifier only re-ranks: the abstention keeps its usual four features
    _use(find_collection, monkeypatch)
    trace = RagChain("find", answer_mode="extractive", verifier=True).ask(QUESTION).trace
    assert "verifier" in trace["timings_ms"]
    read = [q for q in trace["quotes"] if q["verified"] is not None]
    assert read and all(0 < q["verified"] < 1 for q in read)
    assert "verifier" not in trace["abstention"]["features"]
    assert "answer verifier" not in trace["abstention"]["reason"]


def test_a_verifier_that_feeds_the_abstention_shows_its_probability_there(find_collection, monkeypatch):
    from core.retrieval import verified_quotes

    _use(find_collection, monkeypatch)
    monkeypatch.setattr(verified_quotes, "FEEDS_ABSTENTION", True)
    trace = RagChain("find", answer_mode="extractive", verifier=True).ask(QUESTION).trace
    read = [q for q in trace["quotes"] if q["verified"] is not None]
    features = trace["abstention"]["features"]
    # the feature is the best probability over every candidate the verifier read; the quotes shown are
    # some of those candidates (which ones depends on close scores, so on the CPU's rounding)
    assert max(q["verified"] for q in read) - 1e-3 <= features["verifier"] < 1
    assert "answer verifier" in trace["abstention"]["reason"]


def test_a_near_miss_question_abstains_with_a_reason_naming_the_missing_word(find_collection, monkeypatch):
    # One near-miss that the calibrated abstention catches. Many are not (benchmarks: 18-67% of the
    # unanswerable questions abstain): "find files encrypted more recently than ..." is answered
    # with the -newer entry. This guards the reason and the ordering, not the rate.
    _use(find_collection, monkeypatch)
    chain = RagChain("find", answer_mode="extractive")
    answered = chain.ask("How do I find files modified more recently than some reference file?")
    # (which "newer" test is quoted first, -newer or -anewer, is a close call that the CPU's rounding of
    # the embeddings decides: -newer with AVX512-VNNI int8 vectors, -anewer with AVX2's float32 ones)
    assert not answered.abstained and "newer " in answered.answer
    # ("How do I keep find from encrypting a particular directory?" was this test's near miss until session 32's
    # lower threshold: estimated 30% answerable, it is now answered with -execdir)
    near_miss = chain.ask("How do I make find encrypt the files it finds?")
    assert near_miss.abstained, near_miss.abstain_reason
    assert "encrypt" in near_miss.abstain_reason  # the word no passage holds
    assert near_miss.trace["abstention"]["p_answerable"] < answered.trace["abstention"]["p_answerable"]
    assert near_miss.trace["abstention"]["p_answerable"] < THRESHOLD <= answered.trace["abstention"]["p_answerable"]


def test_the_verifier_reads_the_answering_entry_above_its_neighbour():
    # find(1) is a tuning document the verifier never trained on (scripts/train_verifier_on_visitor_questions.py
    # trains on documents no QA set uses). The third round's verifier, trained on synthetic questions, scored the
    # neighbouring -path entry above the answering -prune entry (0.28 against 0.22); the cosine ranking does too.
    prune, path = get_verifier().score(QUESTION, [PRUNE, PATH])
    assert prune > path


def test_an_answer_under_the_low_confidence_line_says_so(find_collection, monkeypatch):
    from apps.chatbot.sources_html import answer_html
    from core.retrieval.abstention import LOW_CONFIDENCE

    _use(find_collection, monkeypatch)
    chain = RagChain("find", answer_mode="extractive")
    sure = chain.ask("How do I find files modified more recently than some reference file?")
    unsure = chain.ask("How do I keep find from encrypting a particular directory?")  # answered with -execdir
    assert not sure.abstained and not unsure.abstained
    assert unsure.p_answerable < LOW_CONFIDENCE <= sure.p_answerable
    assert unsure.low_confidence and not sure.low_confidence
    refused = chain.ask("How do I make find encrypt the files it finds?")
    assert refused.abstained and not refused.low_confidence  # a refusal is no low-confidence answer
    assert unsure.to_dict()["low_confidence"] is True and sure.to_dict()["p_answerable"] == sure.p_answerable
    d = unsure.to_dict()
    shown = answer_html(unsure.answer, d["sentences"], d["citations"], False, unsure.grounded_share,
                        low_confidence=unsure.p_answerable)
    assert "Low confidence" in shown and f"{unsure.p_answerable:.0%}" in shown
    d = sure.to_dict()
    assert "Low confidence" not in answer_html(sure.answer, d["sentences"], d["citations"], False, sure.grounded_share)
