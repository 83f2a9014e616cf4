"""The quote ranking reads a sentence with the one before it, and a stub of a best quote brings
the next sentence (core/retrieval/extractive.py, #13 round 6), on real manual pages
(assets/rag_corpus_long) with the real MiniLM embedder and BM25."""
from __future__ import annotations

from pathlib import Path

from core.retrieval.collection import open_collection
from core.retrieval.extractive import select_quotes
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import search

LONG = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long"


def _quotes(name: str, question: str, must_retrieve: str):
    col = open_collection(name)
    assert col.ingest([LONG / f"{name}.1.txt"]).ok
    hits = search(col, question, k=4, mode="hybrid")
    assert any(must_retrieve in " ".join(h.text.split()) for h in hits)  # retrieval is not what is tested
    return select_quotes(question, GroundingChecker(hits), idf=col.bm25.idf)


def test_a_stub_quote_brings_the_sentence_after_it():
    # measured failure on the long-document set: only "-c, --create Create a new archive." was
    # quoted; the entry's next sentence says what the arguments are
    quotes = _quotes("tar", "How do I create a new archive with tar?", "Arguments supply the names")
    assert quotes[0].text.startswith("-c, --create Create a new archive.")
    assert any(q.text.startswith("Arguments supply the names of the files to be archived") for q in quotes[1:])


def test_a_sentence_is_read_with_the_heading_before_it(tmp_path):
    # the fact sits under a heading that names its subject ("## The Zephyr badge" / "It opens
    # every door ..."); a sentence elsewhere names the subject but does not answer. Read alone,
    # the answer holds none of the question's rare words and loses (checked: it ranks second
    # with CONTEXT_SHARE = 0)
    doc = tmp_path / "badges.md"
    doc.write_text("# Building access\n\n## The Zephyr badge\nIt opens every door of the east wing between "
                   "7:00 and 19:00.\n\n## Lost badges\nA lost Zephyr badge must be reported to the front desk "
                   "the same day, and the front desk keeps a log of every lost badge.\n\n## Visitors\nVisitors "
                   "sign in at reception and wear a paper sticker that is collected when they leave.\n")
    col = open_collection("badges")
    assert col.ingest([doc]).ok
    question = "Which doors does the Zephyr badge open?"
    quotes = select_quotes(question, GroundingChecker(search(col, question, k=4, mode="hybrid")), idf=col.bm25.idf)
    assert quotes[0].text.startswith("It opens every door of the east wing")
