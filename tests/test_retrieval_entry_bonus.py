"""A "how do I / which option" question prefers a definition entry (core/retrieval/answer_type.py,
ENTRY_BONUS 0.25 since #13 round 9, 0.15 before): for "How do I select files belonging to a certain
user with find?" a long aside about find in environments where security matters outranked the
"-user uname File is owned by user uname" entry at 0.15. Real find(1) page, real MiniLM, real
Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import answer_type, extractive
from core.retrieval.collection import open_collection
from core.retrieval.grounding import GroundingChecker

FIND = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "find.1.txt"
QUESTION = "How do I select files belonging to a certain user with find?"
ENTRY = "-user uname File is owned by user uname (numeric user ID allowed)."


def _paragraph(page: str, first: str) -> str:
    start = page.index(first)
    return page[start:page.index("\n\n", start)]


def test_a_means_question_quotes_the_entry(monkeypatch):
    # the long set's retrieved chunks for this question (its [1] entry and [3] aside), ranked by the
    # real quote ranking; the collection supplies find(1)'s BM25 weights
    from core.retrieval.hybrid import Hit

    col = open_collection("find")
    assert col.ingest([FIND]).ok
    page = FIND.read_text()
    hits = [Hit("user", _paragraph(page, "-user uname"), "find.1.txt", 1, 0, 0.0),
            Hit("group", _paragraph(page, "-group gname"), "find.1.txt", 1, 1, 0.0),
            Hit("aside", _paragraph(page, "If you are using find in an environment"), "find.1.txt", 1, 2, 0.0)]
    ranked = extractive.rank_sentences(QUESTION, GroundingChecker(hits), col.bm25.idf)
    assert ranked[0].text == ENTRY, [q.text for q in ranked[:3]]
    monkeypatch.setattr(answer_type, "ENTRY_BONUS", 0.15)  # round 8
    ranked = extractive.rank_sentences(QUESTION, GroundingChecker(hits), col.bm25.idf)
    assert ranked[0].text != ENTRY, [q.text for q in ranked[:3]]


def test_the_bonus_needs_a_means_question_and_an_entry():
    entry = "-user uname File is owned by user uname (numeric user ID allowed)."
    assert answer_type.adjustment(QUESTION, entry) == answer_type.ENTRY_BONUS == 0.25
    assert answer_type.adjustment("Who owns the file?", entry) == 0.0
    assert answer_type.adjustment(QUESTION, "Files are owned by users.") == 0.0
