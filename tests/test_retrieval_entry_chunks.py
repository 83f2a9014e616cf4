"""Every command-line option entry of a manual page starts its own chunk (core/retrieval/splitting.py,
ENTRY_CHUNKS, #13 round 8): a 1000-character chunk packing several entries has a vector diluted by
its neighbours, so a question in other words than the entry's ("switch to another directory"
for tar's "-C, --directory=DIR Change to DIR ...") missed it. Real tar(1) page, real MiniLM,
real Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import splitting
from core.retrieval.collection import open_collection
from core.retrieval.hybrid import search
from core.retrieval.loaders import load_file

TAR = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "tar.1.txt"
QUESTION = "How do I make tar switch to another directory before it starts working?"
ANSWER = "Change to DIR before performing any operations."


def _found(col) -> bool:
    return any(ANSWER in " ".join(h.text.split()) for h in search(col, QUESTION, k=4, mode="hybrid"))


def test_each_option_entry_starts_a_chunk():
    assert splitting.ENTRY_CHUNKS  # the default
    chunks = splitting.split_document(load_file(TAR), 1000, 200)
    starts = [c.text.split()[0] for c in chunks]
    for option in ("-C,", "-A,", "-r,", "-t,"):
        assert option in starts, option
    entry = next(c for c in chunks if c.text.startswith("-C, --directory=DIR"))
    assert "Backup before removal" not in entry.text  # the entry before it (--backup) is not in its chunk
    # offsets still point into the page: the chunk is where its start says
    page = load_file(TAR).pages[0][1]
    assert page[entry.start:].lstrip().startswith("-C, --directory=DIR")


def test_a_paraphrased_question_finds_its_entry(monkeypatch):
    col = open_collection("tar-entries")
    assert col.ingest([TAR]).ok
    assert _found(col)
    # the same page cut only by the recursive splitter: the entry is out of hybrid's top 4
    monkeypatch.setattr(splitting, "ENTRY_CHUNKS", False)
    old = open_collection("tar-plain")
    assert old.ingest([TAR]).ok
    assert old.count() < col.count()
    assert not _found(old)
