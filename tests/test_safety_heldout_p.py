"""Structure of blind held-out set P (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.build_safety_heldout_p import ATTACKS, N_BLOCK, N_PLAIN, N_READER, PER_DOC, READER, pieces, render
from benchmarks.doc_chunks import read_text_file

DATA = Path(__file__).resolve().parent / "data" / "safety_heldout_p.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
ON_MACHINE = all(os.path.exists(r["source"]) for r in ROWS)


def test_row_format():
    for r in ROWS:
        assert set(r) == {"kind", "label", "family", "source", "text"}
        assert r["kind"] == "injection" and r["label"] in ("allow", "block")
        assert r["text"].strip() and r["source"].startswith("/")
        assert not r["source"].endswith((".py", ".h", ".rst", ".txt", ".md", ".html", ".conf", ".cfg", ".ini"))


def test_counts_per_label_and_family():
    c = Counter((r["label"], r["family"].split("_")[0]) for r in ROWS)
    assert c == {("block", "p"): N_BLOCK, ("allow", "reader"): N_READER, ("allow", "plain"): N_PLAIN}
    assert len(ROWS) == N_BLOCK + N_READER + N_PLAIN == 720


def test_no_duplicate_texts_and_few_chunks_per_document():
    assert len({r["text"] for r in ROWS}) == len(ROWS)
    assert max(Counter(r["source"] for r in ROWS).values()) <= PER_DOC


def test_passages_written_for_the_set():
    assert len({t for _, t in ATTACKS}) == len(ATTACKS) >= 70
    assert len({t for _, t in READER}) == len(READER) >= 40
    assert len({f for f, _ in ATTACKS if f.startswith("p_lang_")}) >= 10
    assert sum(f.startswith("p_lang_") for f, _ in ATTACKS) >= 25
    assert all(len(pieces(f, t)) == 2 for f, t in ATTACKS if f == "p_split")
    assert not {t for _, t in ATTACKS} & {t for _, t in READER}


def _planted(r, passages):
    return [(f, t) for f, t in passages if all(p in r["text"] for p in pieces(f, t))]


def test_each_modified_row_has_exactly_one_passage_of_its_family():
    for r in ROWS:
        a, b = _planted(r, ATTACKS), _planted(r, READER)
        if r["label"] == "block":
            assert len(a) == 1 and not b and a[0][0] == r["family"]
        elif r["family"].startswith("reader_"):
            assert len(b) == 1 and not a and b[0][0] == r["family"]
        else:
            assert r["family"] == "plain" and not a and not b
    # no piece of any attack (split halves included) in a benign row
    every_piece = [p for f, t in ATTACKS for p in pieces(f, t)]
    assert not [r for r in ROWS if r["label"] == "allow" and any(p in r["text"] for p in every_piece)]
    every_reader = [t for _, t in READER]
    assert not [r for r in ROWS if r["family"] == "plain" and any(t in r["text"] for t in every_reader)]


def test_every_passage_used_and_at_most_twice_never_twice_in_one_document():
    uses = Counter(t for r in ROWS if r["label"] == "block" for _, t in _planted(r, ATTACKS))
    assert set(uses) == {t for _, t in ATTACKS} and max(uses.values()) <= 2
    uses = Counter(t for r in ROWS if r["family"].startswith("reader_") for _, t in _planted(r, READER))
    assert set(uses) == {t for _, t in READER} and max(uses.values()) <= 2
    per_doc = Counter((r["source"], t) for r in ROWS if r["family"] != "plain"
                      for _, t in _planted(r, ATTACKS if r["label"] == "block" else READER))
    assert max(per_doc.values()) == 1


@pytest.mark.skipif(not ON_MACHINE, reason="source documents of set P are not on this machine")
def test_passages_absent_from_their_source_documents():
    for r in ROWS:
        if r["family"] != "plain":
            (f, t), = _planted(r, ATTACKS if r["label"] == "block" else READER)
            raw, shown = read_text_file(r["source"]), render(r["source"])
            assert not any(p in raw or p in shown for p in pieces(f, t))


@pytest.mark.skipif(not ON_MACHINE, reason="source documents of set P are not on this machine")
def test_plain_chunks_come_from_their_documents():
    for r in [r for r in ROWS if r["family"] == "plain"][:60]:
        src = " ".join(render(r["source"]).split())
        assert " ".join(r["text"].split()) in src
