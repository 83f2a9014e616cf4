"""A question about the collection itself gets its document list, marked as no answer from the documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.question_shapes import asks_about_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"


@pytest.mark.parametrize("question", ["Which documents do you have?", "What files are in this collection?",
                                      "List all documents, please", "Show me the files", "What's in this collection?"])
def test_questions_about_the_collection(question):
    assert asks_about_collection(question)


@pytest.mark.parametrize("question", ["Which documents must accompany a redistribution?",
                                      "List the documents required to join", "What documents are required for a claim?",
                                      "Which files does the MIT license cover?"])
def test_questions_about_what_the_documents_say(question):
    assert not asks_about_collection(question)


def test_the_chain_lists_the_documents_instead_of_quoting_one():
    files = [CORPUS / "mit_license.txt", CORPUS / "us_constitution_excerpts.md"]
    assert open_collection("two-docs").ingest(files).ok
    answer = RagChain("two-docs", answer_mode="extractive").ask("Which documents do you have?")
    assert answer.abstained and "which documents the collection holds" in answer.abstain_reason
    assert "2 documents: mit_license.txt, us_constitution_excerpts.md" in answer.answer, answer.answer
    assert not answer.citations
    only = RagChain("two-docs", answer_mode="extractive", sources=["mit_license.txt"]).ask("List all documents")
    assert "1 document: mit_license.txt." in only.answer, only.answer  # only the documents the visitor picked


def test_the_sources_panel_lists_no_closest_passages_when_none_were_retrieved():
    from apps.chatbot.sources_html import sentences_html

    panel = sentences_html([], [], True, "abstained: the question asks which documents the collection holds")
    assert "No answer:" in panel and "Closest passages" not in panel
    cited = [{"n": 1, "source": "a.md", "page": 1, "text": "A passage."}]
    assert "Closest passages" in sentences_html([], cited, True, "abstained: low chance")
