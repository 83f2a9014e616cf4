"""A model sentence that is one passage sentence with another subject put in front is not supported
(grounding.SUBJECT_SWAP, core/retrieval/subject_swap.py; #13 round 24). Seen as a visitor: "What does the
labeling app do?" got the text-to-image app's description under the labeling app's name, shown as 100 %
supported. True sentences that name what a passage's pronoun refers to, shorten a subject or add a lead-in
stay supported. Real MiniLM; the visitor's case through real Chroma and hybrid search."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import grounding
from core.retrieval.collection import open_collection
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import Hit, search

GUIDE = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus" / "genai_studio_guide.md"
SERVICES = ("The billing service is a Python daemon that sends invoices to customers every night. "
            "The reporting service is a Python daemon that builds charts from the sales database. "
            "It stores each chart in the archive folder as a PNG file.")


@pytest.fixture
def swap_on(monkeypatch):
    monkeypatch.setattr(grounding, "SUBJECT_SWAP", True)


@pytest.fixture
def services(swap_on):
    return GroundingChecker([Hit("ops-1", SERVICES, "operations.md", 1, 0, 1.0)])


@pytest.mark.parametrize("sentence", [
    "The billing service is a Python daemon that builds charts from the sales database.",
    "The reporting service is a Python daemon that sends invoices to customers every night.",
])
def test_another_subject_on_a_copied_sentence_is_unsupported(services, sentence):
    g = services.check(sentence)
    assert not g.supported and "where the passage says" in g.reason, (g.reason, g.citations)


@pytest.mark.parametrize("sentence", [
    "The reporting service is a Python daemon that builds charts from the sales database.",  # as it stands
    "The reporting service stores each chart in the archive folder as a PNG file.",  # what "It" is
    "In short, the reporting service is a Python daemon that builds charts from the sales database.",
    "The service is a Python daemon that sends invoices to customers every night.",  # a shorter subject
])
def test_true_sentences_stay_supported(services, sentence):
    g = services.check(sentence)
    assert g.supported, g.reason


def test_the_visitors_labeling_question(swap_on):
    col = open_collection("guide")
    assert col.ingest([GUIDE]).ok
    question = "What does the labeling app do?"
    checker = GroundingChecker(search(col, question, k=4, mode="hybrid"), question=question)
    swapped = checker.check("The labeling app is a Gradio app that generates pictures with a small diffusion model "
                            "that the project trains itself and ships in the assets folder.")
    assert not swapped.supported and "text to image" in swapped.reason, swapped.reason
    faithful = checker.check("The preference labeling app is a Gradio app where annotators compare two model "
                             "answers and pick the better one.")
    assert faithful.supported, faithful.reason
