"""Second quotes and quantities, as visitors met them in the shared sample collection (#13 round 24):
- a second quote that opens with a pronoun is shown only when what it refers to is shown or asked about
  (24b, extractive.SECOND_ANTECEDENT): "How long is a Representative's term?" was answered with the House
  sentence and the President's "He shall hold his Office during the Term of four Years.";
- "every second Year" states a quantity (24c, quantity.PERIODS), or that question is refused;
- the name of the document the question asks about earns no second quote (24d, extractive.SECOND_NOT_BY_NAME).
Real MiniLM, Chroma, BM25 and the shipped sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import extractive, quantity
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
PRESIDENT_TERM = "He shall hold his Office during the Term of four Years."


@pytest.fixture
def sample():
    assert open_collection("sample").ingest(sorted(CORPUS.iterdir())).ok  # as the visitor had it
    return "sample"


def test_the_presidents_he_is_not_a_representatives_term(sample, monkeypatch):
    question = "How long is a Representative's term?"
    monkeypatch.setattr(extractive, "SECOND_ANTECEDENT", True)
    answer = RagChain(sample, answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    assert "every second Year" in answer.answer and PRESIDENT_TERM not in answer.answer, answer.answer
    monkeypatch.setattr(extractive, "SECOND_ANTECEDENT", False)  # before round 24b: the President's term too
    assert PRESIDENT_TERM in RagChain(sample, answer_mode="extractive").ask(question).answer


def test_a_he_quote_stays_when_the_question_asks_about_him(sample, monkeypatch):
    monkeypatch.setattr(extractive, "SECOND_ANTECEDENT", True)
    answer = RagChain(sample, answer_mode="extractive").ask("How long is the President's term of office?")
    assert PRESIDENT_TERM in answer.answer, answer.answer


@pytest.mark.parametrize("text, states", [
    ("Members chosen every second Year by the People of the several States.", True),
    ("The index is rebuilt every other week.", True),
    ("Backups run every day at noon.", True),
    ("Every Senator shall have one Vote.", True),  # "one"
    ("Every time it runs, the cache is checked.", False),
    ("Each State shall choose its Representatives.", False),
])
def test_a_period_in_words_states_a_quantity(monkeypatch, text, states):
    """#13 round 24c: without the President's "four Years" beside it, the House sentence was refused for
    "How long ...?" because "every second Year" has no number in it."""
    monkeypatch.setattr(quantity, "PERIODS", True)
    assert quantity.states_quantity(text) is states
    monkeypatch.setattr(quantity, "PERIODS", False)
    assert quantity.states_quantity(text) is (states and "one" in text.split())


def test_without_periods_the_representatives_question_is_refused(sample, monkeypatch):
    monkeypatch.setattr(extractive, "SECOND_ANTECEDENT", True)
    monkeypatch.setattr(quantity, "PERIODS", False)
    answer = RagChain(sample, answer_mode="extractive").ask("How long is a Representative's term?")
    assert answer.abstained and "quantity" in answer.abstain_reason, answer.answer


def test_the_documents_name_does_not_earn_a_second_quote(sample, monkeypatch):
    """#13 round 24d: "according to the Zen of Python" scopes the question; the title line "The Zen of Python,
    by Tim Peters" holds those words and nothing asked for."""
    question = "What is better than complicated according to the Zen of Python?"
    monkeypatch.setattr(extractive, "SECOND_NOT_BY_NAME", True)
    answer = RagChain(sample, answer_mode="extractive").ask(question).answer
    assert "Complex is better than complicated." in answer and "by Tim Peters" not in answer, answer
    monkeypatch.setattr(extractive, "SECOND_NOT_BY_NAME", False)
    assert "by Tim Peters" in RagChain(sample, answer_mode="extractive").ask(question).answer
