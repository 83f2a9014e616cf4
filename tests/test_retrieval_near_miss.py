"""The near-miss classifier (core/retrieval/near_miss.py, #13 round 14): a trained pair classifier that
tells a question whose asked-for thing the quote states from its near-miss twin that asks for a thing
the quote lacks, and the check that turns the latter into an abstention with its reason in the trace.
Real shipped weights (assets/near_miss/), real MiniLM, real Chroma and BM25; the texts below are
hand-written, in no training or QA set."""
from __future__ import annotations

from retrieval_helpers import ingest_handbook

from core.retrieval import near_miss
from core.retrieval.chain import RagChain

HANDBOOK = """# Backup service

## Archives
By default the backup service writes its archives to /srv/backups and keeps the last seven of them.

## Schedule
The nightly backup starts at two in the morning and sends a report to the operations team.
"""
QUOTE = "By default the backup service writes its archives to /srv/backups and keeps the last seven of them."
ANSWERABLE = "Where does the backup service write its archives by default?"
NEAR_MISS = "Which compression level does the backup service use for its archives by default?"


def test_the_classifier_separates_a_near_miss_from_its_answerable_twin():
    yes, no = near_miss.p_holds(ANSWERABLE, [QUOTE])[0], near_miss.p_holds(NEAR_MISS, [QUOTE])[0]
    assert yes >= near_miss.THRESHOLD > no, (yes, no)
    assert not near_miss.check(ANSWERABLE, [QUOTE])["fired"]
    assert near_miss.check(NEAR_MISS, [QUOTE])["fired"]


def test_the_chain_abstains_on_the_near_miss_and_says_why(tmp_path):
    ingest_handbook(tmp_path, HANDBOOK)
    off = RagChain("handbook", answer_mode="extractive", near_miss_check=False).ask(NEAR_MISS)
    assert not off.abstained and "/srv/backups" in off.answer, off.abstain_reason  # what the check fixes
    chain = RagChain("handbook", answer_mode="extractive", near_miss_check=True)
    answer = chain.ask(NEAR_MISS)
    assert answer.abstained
    checks = answer.trace["evidence_checks"]
    assert checks["fired"] == "near_miss" and checks["near_miss"]["fired"]
    assert "near-miss classifier" in answer.abstain_reason and "asks for" in answer.abstain_reason
    assert answer.citations  # the closest passages are still shown
    twin = chain.ask(ANSWERABLE)
    assert not twin.abstained and "/srv/backups" in twin.answer, twin.abstain_reason
