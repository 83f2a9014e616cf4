"""A best quote of a few words brings the sentence after it only when that sentence is about the question
(#13 round 24e, extractive.STUB_FOLLOW_ABOUT_QUESTION). Seen as a visitor with an uploaded lab manual:
"What shoes are not allowed?" -> "Open-toed shoes are not allowed. [1] Chemical spills are reported to the
safety officer ...". Real MiniLM, Chroma and BM25."""

from __future__ import annotations

import pytest

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

MANUAL = """# Lab manual

## Equipment
The centrifuge is in room 204. It must be balanced before every run, and runs longer than 30 minutes need a booking.

## Safety
Lab coats and goggles are required in rooms 201 to 210. Open-toed shoes are not allowed.
Chemical spills are reported to the safety officer, Dana Ruiz, within one hour.

## Data
Backups run every night at 2:00.
Personal laptops may not be connected to the instrument network.
"""


@pytest.fixture
def manual(tmp_path):
    doc = tmp_path / "lab_manual.md"
    doc.write_text(MANUAL, encoding="utf-8")
    assert open_collection("lab").ingest([doc]).ok
    return "lab"


@pytest.mark.parametrize("question, answer, unrelated", [
    ("What shoes are not allowed?", "Open-toed shoes are not allowed.", "Chemical spills"),
    ("When do backups run?", "Backups run every night at 2:00.", "Personal laptops"),
])
def test_an_unrelated_next_sentence_is_not_quoted(manual, monkeypatch, question, answer, unrelated):
    monkeypatch.setattr(extractive, "STUB_FOLLOW_ABOUT_QUESTION", True)
    got = RagChain(manual, answer_mode="extractive").ask(question).answer
    assert answer in got and unrelated not in got, got
    monkeypatch.setattr(extractive, "STUB_FOLLOW_ABOUT_QUESTION", False)  # before: the next sentence came along
    assert unrelated in RagChain(manual, answer_mode="extractive").ask(question).answer


def test_a_next_sentence_that_refers_back_is_still_quoted(manual, monkeypatch):
    monkeypatch.setattr(extractive, "STUB_FOLLOW_ABOUT_QUESTION", True)
    got = RagChain(manual, answer_mode="extractive").ask("Where is the centrifuge?").answer
    assert "room 204" in got and "It must be balanced before every run" in got, got


GUIDE = """Widget Server
=============

Installing the Widget Server
----------------------------

Read the manual in docs/setup.html before you start.

Configuring the Widget Server
-----------------------------

Settings live in /etc/widget.conf and are read at start.
"""


def test_a_heading_quoted_as_the_answer_brings_the_sentence_under_it(tmp_path, monkeypatch):
    """#13 round 24g: the best quote is a setext heading; what answers is the sentence under it, which repeats
    no word of the question."""
    doc = tmp_path / "widget.txt"
    doc.write_text(GUIDE, encoding="utf-8")
    assert open_collection("widget").ingest([doc]).ok
    question = "Where is the guide for installing the widget server?"
    monkeypatch.setattr(extractive, "STUB_FOLLOW_HEADING", True)
    got = RagChain("widget", answer_mode="extractive").ask(question).answer
    assert "docs/setup.html" in got, got
    monkeypatch.setattr(extractive, "STUB_FOLLOW_HEADING", False)
    assert "docs/setup.html" not in RagChain("widget", answer_mode="extractive").ask(question).answer
