"""BM25 indexes command-line options as whole tokens (core/retrieval/bm25.py, #13 round 7): the
word pattern drops one-letter options and case, so a question naming less(1)'s "-X" could not
find the entry that defines it. Real less(1) page (assets/rag_corpus_long), real ingestion."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import bm25
from core.retrieval.bm25 import tokenize
from core.retrieval.collection import open_collection
from core.retrieval.hybrid import search

LONG = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long"
QUESTION = "What does the -X option of less turn off?"
ANSWER = "Disables sending the termcap initialization"


def test_options_are_whole_case_kept_tokens():
    tokens = tokenize("-X or --no-init; -x9 sets tabs; a non-empty file; ESC-X; -1")
    assert "-X" in tokens and "--no-init" in tokens and "-x9" in tokens
    assert not {"-empty", "-1"} & set(tokens) and tokens.count("-X") == 1  # not inside words


def _rank(col) -> int | None:
    hits = col.bm25.search(QUESTION, k=10)
    texts = col.store.get([cid for cid, _ in hits])
    return next((i for i, (cid, _) in enumerate(hits, 1) if ANSWER in " ".join(texts[cid]["text"].split())), None)


def test_a_question_naming_an_option_finds_its_entry(monkeypatch):
    col = open_collection("less")
    assert col.ingest([LONG / "less.1.txt"]).ok
    rank = _rank(col)
    assert rank is not None and rank <= 4, rank
    hybrid = search(col, QUESTION, k=4, mode="hybrid")
    assert any(ANSWER in " ".join(h.text.split()) for h in hybrid)
    # without option tokens (the index is re-tokenized, as for an index saved by another tokenizer)
    # the entry falls out of BM25's top 4 (checked: rank 6)
    monkeypatch.setattr(bm25, "OPTION_TOKENS", False)
    col.retokenize_if_stale()
    assert col.bm25.tokenizer.startswith("snowball-english-1")
    old = _rank(col)
    assert old is None or old > 4, old
