"""Short sentences can be the answer (#13 round 21): "Office hours are 9 to 5." has five words but two
content words, and the extractive answer skipped every sentence under five words or three content
words (extractive.MIN_QUOTE_WORDS / MIN_QUOTE_CONTENT_WORDS, now 3 / 2). A short sentence may only be
the BEST quote (extractive.SHORT_QUOTES_BEST_ONLY): as a second quote it crowded out the right one
("-v Verbose mode." instead of "Multiple -v options increase the verbosity."). Real MiniLM, Chroma, BM25."""

from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

SSH = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "ssh.1.txt"

HANDBOOK = """# Front desk handbook

## Opening

The front desk is on the ground floor of the east building, to the left of the main entrance.
Office hours are 9 to 5.
Visitors sign the register at the desk and wear the visitor badge for as long as they are in the building.
Deliveries that arrive after the desk has closed are left with the security guard at the loading bay.

## Keys

Spare keys for the meeting rooms are kept in the locked cabinet behind the desk, and every key that
leaves the cabinet is written in the key book with the borrower's name and the time it was taken.
"""


def test_a_short_fact_is_quoted(tmp_path):
    doc = tmp_path / "handbook.md"
    doc.write_text(HANDBOOK)
    assert open_collection("desk").ingest([doc]).ok
    answer = RagChain("desk", answer_mode="extractive").ask("When are the office hours?")
    assert not answer.abstained, answer.abstain_reason
    assert answer.answer.startswith("Office hours are 9 to 5."), answer.answer


def test_a_short_sentence_is_never_the_second_quote(monkeypatch):
    assert open_collection("ssh").ingest([SSH]).ok
    question = "How do I get ssh to print debugging messages, and how verbose can it get?"
    limit = "Multiple -v options increase the verbosity."
    answer = RagChain("ssh", answer_mode="extractive").ask(question)
    assert limit in answer.answer and "Verbose mode." not in answer.answer, answer.answer
    monkeypatch.setattr(extractive, "SHORT_QUOTES_BEST_ONLY", False)  # short sentences anywhere
    crowded = RagChain("ssh", answer_mode="extractive").ask(question)
    assert limit not in crowded.answer, crowded.answer
