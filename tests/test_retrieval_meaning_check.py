"""The focus check (meaning_check.FOCUS_CHECK): a "which/what X" question whose X is, by meaning,
in no quoted sentence is refused. Real chain, real Chroma, BM25 and the bundled MiniLM over the
shipped sample corpus's Constitution excerpts."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import asked_value, meaning_check
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
UNANSWERABLE = "What is the salary of the President of the United States?"  # the excerpts state none


@pytest.fixture(autouse=True)
def _asked_value_off(monkeypatch):
    """These tests are about another check; the asked-value check (asked_value.py, on since #13 round 26) would
    refuse some of their questions first."""
    monkeypatch.setattr(asked_value, "ASKED_VALUE_CHECK", False)


@pytest.fixture
def constitution():
    col = open_collection("constitution")
    assert col.ingest([CORPUS / "us_constitution_excerpts.md", CORPUS / "genai_studio_guide.md"]).ok
    return col


@pytest.mark.parametrize("question, focus", [
    ("What is the salary of the President of the United States?", "salari"),
    ("Which port does the git daemon listen on by default?", "port"),
    ("What kind of queries is BM25 search good at?", "queri"),
    ("How do I install git-jump?", None),
    ("Does Typer support asyncio commands?", None),
])
def test_focus_word(question, focus):
    assert meaning_check.focus_word(question) == focus


def test_absent_focus_is_refused(constitution, monkeypatch):
    monkeypatch.setattr(meaning_check, "FOCUS_CHECK", True)
    answer = RagChain("constitution", answer_mode="extractive").ask(UNANSWERABLE)
    assert answer.abstained
    assert answer.trace["evidence_checks"]["fired"] == "focus"
    assert "'salary'" in answer.abstain_reason


def test_without_the_check_it_quotes_the_executive_power(constitution, monkeypatch):
    # what the check fixes: every other question word is in the quote, so the scores let it through
    monkeypatch.setattr(meaning_check, "FOCUS_CHECK", False)
    answer = RagChain("constitution", answer_mode="extractive").ask(UNANSWERABLE)
    assert not answer.abstained, answer.abstain_reason
    assert "President" in answer.answer


def test_focus_found_by_meaning_is_answered(constitution, monkeypatch):
    monkeypatch.setattr(meaning_check, "FOCUS_CHECK", True)
    answer = RagChain("constitution", answer_mode="extractive").ask(
        "What is the term of office of a Senator?")
    assert not answer.abstained, answer.abstain_reason
    assert "six Years" in answer.answer


def test_version_focus_passes_when_the_quote_holds_a_version_number():
    got = meaning_check.check("Which Python version does the tool need?", ["It runs on 3.10 and newer."], ["tool"])
    assert got is not None and got["holds_value"] and not got["fired"]
