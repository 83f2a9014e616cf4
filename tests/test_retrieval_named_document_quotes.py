"""A question that names a document is answered from it (#13 round 15, extractive.NAMED_DOCUMENT_QUOTES).
Seen as a visitor: "What does the MIT license disclaim?" over the shipped licences was answered with the BSD
licence's "...and the following disclaimer" [bsd_3_clause_license.txt], in the extractive default and as
grounded mode's fall-back. Real Chroma, BM25 and MiniLM over three of the shipped sample licences, and the
real chain."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
LICENCES = ("mit_license.txt", "bsd_3_clause_license.txt", "apache_license_2.0.txt")


@pytest.fixture
def licences():
    assert open_collection("licences").ingest([CORPUS / name for name in LICENCES]).ok
    return "licences"


def _quoted_sources(collection: str, question: str, answered: bool = True) -> list[str]:
    """The document of each quote the chain chose (kept in the trace also when it abstains)."""
    answer = RagChain(collection, answer_mode="extractive").ask(question)
    assert answer.abstained != answered, answer.abstain_reason
    source = {c.n: c.source for c in answer.citations}
    return [source[q["n"]] for q in answer.trace["quotes"]]  # the passage each quote was taken from


def test_the_mit_question_is_answered_from_the_mit_license(licences, monkeypatch):
    question = "What does the MIT license disclaim?"
    sources = _quoted_sources(licences, question)
    assert sources and set(sources) == {"mit_license.txt"}, sources
    monkeypatch.setattr(extractive, "NAMED_DOCUMENT_QUOTES", False)
    # what the rule fixes: the BSD licence's word "disclaimer" wins without it
    assert "bsd_3_clause_license.txt" in _quoted_sources(licences, question)


def test_a_question_that_names_no_document_is_unchanged(licences, monkeypatch):
    question = "Can the authors be held liable for damages?"
    with_rule = _quoted_sources(licences, question)
    monkeypatch.setattr(extractive, "NAMED_DOCUMENT_QUOTES", False)
    assert _quoted_sources(licences, question) == with_rule


def test_a_question_naming_two_documents_may_quote_both(licences):
    # (answered since session 32's abstention threshold; before, it abstained because "bsd" is in no passage's
    # text, and the closest quotes were in the trace)
    sources = _quoted_sources(licences, "Do the MIT and BSD licenses require keeping the copyright notice?")
    assert sources and set(sources) <= {"mit_license.txt", "bsd_3_clause_license.txt"}, sources
