"""A neighbouring sentence is quoted with the best one only when it is near the question on its own (#13 round 17:
extractive.NEIGHBOUR_OWN_MEANING, NEIGHBOUR_OWN_COVERAGE). Round 16's test (a score within 0.8 of the best quote's)
let in sentences that score high only through the best quote's words, which the sentence after it inherits: "Is
OCR supported?" was answered "... OCR is not supported ..." + "A password-protected PDF must be saved without its
password first." The MIT licence's disclaimer and liability clause, which need each other, stay together. Real
Chroma, BM25 and MiniLM over the shipped sample corpus, and the real chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from retrieval_helpers import extractive_quotes

from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
OWN = {"NEIGHBOUR_OWN_MEANING": 0.7, "NEIGHBOUR_OWN_COVERAGE": 0.3}
ROUND16 = {"NEIGHBOUR_OWN_MEANING": 0.0, "NEIGHBOUR_OWN_COVERAGE": 0.0}


@pytest.fixture
def sample():
    assert open_collection("sample").ingest(sorted(CORPUS.iterdir())).ok
    return "sample"


def test_an_off_subject_neighbour_is_left_out_and_the_mit_clauses_stay_together(sample, monkeypatch):
    quotes = extractive_quotes(sample, "Is OCR supported?", monkeypatch, OWN)
    assert quotes and "OCR is not" in quotes[0], quotes
    assert not any(q.startswith("A password-protected PDF") for q in quotes), quotes
    mit = [q[:11] for q in extractive_quotes(sample, "What does the MIT license disclaim?", monkeypatch, OWN)]
    assert mit[:2] == ["THE SOFTWAR", "IN NO EVENT"], mit
    # what the change fixes: round 16's test quotes the password sentence with it
    quotes = extractive_quotes(sample, "Is OCR supported?", monkeypatch, ROUND16)
    assert any(q.startswith("A password-protected PDF") for q in quotes), quotes
