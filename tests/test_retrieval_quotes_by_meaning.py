"""Quotes reached by meaning (#13 round 16: extractive.NAMELESS_MEANING, TITLE_LINE_AS_NAME, NEIGHBOUR_WITHIN).
Seen as a visitor: "What does the MIT license disclaim?" quoted the licence's first lines ("Copyright (c) <year>
..." / "Permission is hereby granted ...") instead of its warranty disclaimer, which shares no word with the
question. Real Chroma, BM25 and MiniLM over three of the shipped sample licences, and the real chain."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
LICENCES = ("mit_license.txt", "bsd_3_clause_license.txt", "apache_license_2.0.txt")
DISCLAIMER = 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'


@pytest.fixture
def licences():
    assert open_collection("licences").ingest([CORPUS / name for name in LICENCES]).ok
    return "licences"


def _quotes(collection: str, question: str) -> list[str]:
    answer = RagChain(collection, answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    return [q["text"] for q in answer.trace["quotes"]]


def test_the_mit_question_quotes_the_warranty_disclaimer(licences):
    quotes = _quotes(licences, "What does the MIT license disclaim?")
    assert any(q.startswith(DISCLAIMER) for q in quotes), quotes
    assert not any(q.startswith(("Copyright (c)", "Permission is hereby granted")) for q in quotes), quotes


def test_without_the_switches_it_quotes_the_first_lines(licences, monkeypatch):
    # what the change fixes: round 15's ranking quoted the licence's opening lines
    monkeypatch.setattr(extractive, "NAMELESS_MEANING", False)
    monkeypatch.setattr(extractive, "TITLE_LINE_AS_NAME", False)
    monkeypatch.setattr(extractive, "NEIGHBOUR_WITHIN", 0.0)
    quotes = _quotes(licences, "What does the MIT license disclaim?")
    assert not any(q.startswith(DISCLAIMER) for q in quotes), quotes


def test_a_question_about_the_grant_still_quotes_the_grant(licences):
    quotes = _quotes(licences, "What does the MIT license let people do with the software?")
    assert any("to use, copy, modify, merge, publish, distribute" in q for q in quotes), quotes


def test_a_neighbouring_sentence_is_quoted_in_document_order(licences):
    quotes = _quotes(licences, "What does the MIT license disclaim?")
    order = [q[:11] for q in quotes]
    assert order[:2] == ['THE SOFTWAR', 'IN NO EVENT'], order  # the disclaimer comes before the liability clause
