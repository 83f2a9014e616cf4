"""The quantity check for measure questions (core/retrieval/quantity.py `asks_for_measure`, applied in
core/retrieval/abstention.py, #13 round 11): a question that asks for a size, a salary, a port ...
by its noun wants a quantity, and a best quote that states none is not its answer ("What is the
salary of the President?" against "The executive Power shall be vested in a President ..."); and
a digit inside a name ("key_ed25519") is not a quantity. Both are OFF by default (measured: no
held-out gain, two held-out answers lost; docs/rag.md), so each chain test switches its rule on and
also checks that the default answers as round 10 did.
Real sample corpus and handbook, real MiniLM, real Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

import pytest
from retrieval_helpers import ingest_handbook

from core.retrieval import abstention, asked_value, prompts, quantity
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.quantity import asks_for_measure, states_quantity

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
HANDBOOK = """# Staff handbook

## Summer party
Guests may attend the summer party when they are registered with the office manager in advance.

## Equipment
Each employee may claim a home-office budget of 450 euros once every three years.

## Remote access
VPN keys are stored in ~/.vpn/key_ed25519 on each laptop and renewed by the IT desk.
"""


@pytest.fixture(autouse=True)
def _asked_value_off(monkeypatch):
    """These tests are about another check; the asked-value check (asked_value.py, on since #13 round 26) would
    refuse some of their questions first."""
    monkeypatch.setattr(asked_value, "ASKED_VALUE_CHECK", False)


def test_measure_questions_are_told_from_others():
    for q in ("What is the salary of the President?", "What is the maximum size of a single tar archive?",
              "Which port does the index page use by default?", "What are the default timeouts?",
              "How big can an upload be?", "what's the recommended key size?"):
        assert asks_for_measure(q), q
    for q in ("Which port option does ssh use?",  # asks for an option, not a port number
              "How many guests may attend?",  # a how-many question: asks_for_quantity's
              "How do I make it faster?", "Who sets the price?", "In what year was it ratified?",
              "How often are members chosen?", "What is the limitation of the licence?",
              "What is the name of the port?", "What happens when the size is exceeded?"):
        assert not asks_for_measure(q), q


def test_a_digit_inside_a_name_is_not_a_quantity(monkeypatch):
    assert states_quantity("~/.ssh/id_ed25519")  # the default: any digit counts (round 10)
    monkeypatch.setattr(quantity, "NAME_DIGITS_ARE_NOT_QUANTITIES", True)
    for text in ("~/.ssh/id_ed25519 (Ed25519)", "ZIP64 archives", "UTF-8 text", "SHA-256 sums", "x86_64 only"):
        assert not states_quantity(text), text
    for text in ("port 7860", "450 euros", "set it to -1", "a 64-bit build", "every .5 s", "two Senators"):
        assert states_quantity(text), text


@pytest.fixture
def measure_on(monkeypatch):
    monkeypatch.setattr(abstention, "MEASURE_CHECK", True)


@pytest.fixture
def sample():
    assert open_collection("sample").ingest(sorted(CORPUS.iterdir())).ok
    return RagChain("sample", answer_mode="extractive")


def test_salary_question_abstains_and_a_port_question_is_answered(sample, monkeypatch):
    question = "What is the salary of the President of the United States?"
    off = sample.ask(question)  # the default (round 10's checks) answers it
    assert not off.abstained and "President" in off.answer
    assert not off.trace["evidence_checks"]["asks_measure"]
    monkeypatch.setattr(abstention, "MEASURE_CHECK", True)
    answer = sample.ask(question)
    assert answer.abstained and answer.answer == prompts.NOT_FOUND
    checks = answer.trace["evidence_checks"]
    assert checks["asks_measure"] and checks["fired"] == "quantity" and not checks["quote_states_quantity"]
    assert "asks for a measure" in answer.abstain_reason
    assert answer.citations  # the closest passages are still shown
    port = sample.ask("Which port does the index page use by default?")
    assert not port.abstained and "7860" in port.answer, port.abstain_reason


def test_measure_question_over_an_uploaded_handbook(tmp_path, monkeypatch):
    ingest_handbook(tmp_path, HANDBOOK)
    chain = RagChain("handbook", answer_mode="extractive")
    question = "What is the entrance fee for registered guests at the summer party?"
    off = chain.ask(question)
    assert not off.abstained and "summer party" in off.answer
    monkeypatch.setattr(abstention, "MEASURE_CHECK", True)
    answer = chain.ask(question)
    assert answer.abstained and answer.trace["evidence_checks"]["fired"] == "quantity", answer.abstain_reason
    budget = chain.ask("What is the maximum home-office budget per employee?")
    assert not budget.abstained and "450 euros" in budget.answer, budget.abstain_reason


def test_a_key_file_name_is_not_a_key_size(tmp_path, monkeypatch, measure_on):
    ingest_handbook(tmp_path, HANDBOOK)
    chain = RagChain("handbook", answer_mode="extractive")
    question = "What is the recommended size of the VPN keys?"
    off = chain.ask(question)  # any digit counts: "key_ed25519" passes for a size
    assert not off.abstained and "key_ed25519" in off.answer
    monkeypatch.setattr(quantity, "NAME_DIGITS_ARE_NOT_QUANTITIES", True)
    answer = chain.ask(question)
    assert answer.abstained, answer.answer  # the quote names ~/.vpn/key_ed25519, it states no size
    checks = answer.trace["evidence_checks"]
    assert checks["fired"] == "quantity" and checks["quote_states_quantity"] is False
