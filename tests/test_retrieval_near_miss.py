"""The near-miss classifier (core/retrieval/near_miss.py, #13 round 14): a trained pair classifier that
tells a question whose asked-for thing the quote states from its near-miss twin that asks for a thing
the quote lacks, and the check that turns the latter into an abstention with its reason in the trace.
Real shipped weights (assets/near_miss/), real MiniLM, real Chroma and BM25; the texts below are
hand-written, in no training or QA set."""
from __future__ import annotations

from retrieval_helpers import ingest_handbook

from core.retrieval import near_miss
from core.retrieval.chain import RagChain

HANDBOOK = """# Tinylib

## Licence
The library is released under the MIT licence and was first published in 2014 by the Acme team.

## Reading files
The library reads files through a buffered reader and can read compressed files as well.

## Logging
The server reads its settings from /etc/tinyd.conf and writes its log to /var/log/tinyd.log.
"""
QUOTE = "The library is released under the MIT licence and was first published in 2014 by the Acme team."
ANSWERABLE = "Which licence is the library released under?"
NEAR_MISS = "What is the maximum file size the library can read?"  # the topic is there, the size is not


def test_questions_that_ask_for_no_thing_are_not_checked():
    assert near_miss.asks_for_a_thing(NEAR_MISS) and near_miss.asks_for_a_thing("How many archives are kept?")
    assert not near_miss.asks_for_a_thing("Does the MIT license cost anything to obtain?")
    assert near_miss.check("Does the library read compressed files?", [QUOTE]) is None


def test_the_classifier_separates_a_near_miss_from_its_answerable_twin():
    yes, no = near_miss.p_holds(ANSWERABLE, [QUOTE])[0], near_miss.p_holds(NEAR_MISS, [QUOTE])[0]
    assert yes >= near_miss.THRESHOLD > no, (yes, no)
    assert not near_miss.check(ANSWERABLE, [QUOTE])["fired"]
    assert near_miss.check(NEAR_MISS, [QUOTE])["fired"]


def test_the_chain_abstains_on_the_near_miss_and_says_why(tmp_path):
    ingest_handbook(tmp_path, HANDBOOK)
    off = RagChain("handbook", answer_mode="extractive", near_miss_check=False).ask(NEAR_MISS)
    assert not off.abstained and "buffered reader" in off.answer, off.abstain_reason  # what the check fixes
    chain = RagChain("handbook", answer_mode="extractive", near_miss_check=True)
    answer = chain.ask(NEAR_MISS)
    assert answer.abstained
    checks = answer.trace["evidence_checks"]
    assert checks["fired"] == "near_miss" and checks["near_miss"]["fired"]
    assert "near-miss classifier" in answer.abstain_reason and "asks for" in answer.abstain_reason
    assert answer.citations  # the closest passages are still shown
    twin = chain.ask(ANSWERABLE)
    assert not twin.abstained and "MIT licence" in twin.answer, twin.abstain_reason
