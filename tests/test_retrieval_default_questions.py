"""A question about a default gets the sentence that says "default" (#13 round 23, extractive.DEFAULT_WITHIN):
"How many results does bm25 search return by default?" over the bm25s README ranked the CLI example
"bm25 search ... -k 20" first and never reached the CLI table that says "(default: 10)". Real MiniLM,
Chroma, BM25 and a real README (assets/rag_corpus_dev_readme/bm25s.md)."""

from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

BM25S = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_dev_readme" / "bm25s.md"
QUESTION = "How many results does bm25 search return by default?"


def test_the_sentence_that_says_default_is_quoted(monkeypatch):
    assert open_collection("bm25s-readme").ingest([BM25S]).ok
    monkeypatch.setattr(extractive, "DEFAULT_WITHIN", 0.5)
    answer = RagChain("bm25s-readme", answer_mode="extractive").ask(QUESTION)
    assert not answer.abstained, answer.abstain_reason
    assert "(default: 10)" in answer.answer, answer.answer
    supported = [s for s in answer.sentences if s.supported and "(default: 10)" in s.text]
    assert supported and supported[0].citations, answer.sentences
    monkeypatch.setattr(extractive, "DEFAULT_WITHIN", None)  # round 22: the example alone
    before = RagChain("bm25s-readme", answer_mode="extractive").ask(QUESTION)
    assert "(default: 10)" not in before.answer, before.answer


def test_a_question_not_about_a_default_is_unchanged(monkeypatch):
    assert open_collection("bm25s-readme-2").ingest([BM25S]).ok
    question = "How do I save search results to a file with the bm25 command?"
    monkeypatch.setattr(extractive, "DEFAULT_WITHIN", 0.0)
    on = RagChain("bm25s-readme-2", answer_mode="extractive").ask(question).answer
    monkeypatch.setattr(extractive, "DEFAULT_WITHIN", None)
    assert RagChain("bm25s-readme-2", answer_mode="extractive").ask(question).answer == on
