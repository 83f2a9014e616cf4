"""Structure of blind held-out set N (#18): counts, no duplicates, attacks planted (not found in their source)."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.build_safety_heldout_n import ATTACKS, N_BLOCK, N_PLAIN, N_READER, PER_DOC, READER
from benchmarks.doc_chunks import read_text_file, render_man

DATA = Path(__file__).resolve().parent / "data" / "safety_heldout_n.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_row_format():
    for r in ROWS:
        assert set(r) == {"kind", "label", "family", "source", "text"}
        assert r["kind"] == "injection" and r["label"] in ("allow", "block")
        assert r["text"].strip() and r["source"].startswith("/")


def test_counts_per_label_and_family():
    c = Counter((r["label"], r["family"].split("_")[0]) for r in ROWS)
    assert c == {("block", "n"): N_BLOCK, ("allow", "reader"): N_READER, ("allow", "plain"): N_PLAIN}
    assert len(ROWS) == N_BLOCK + N_READER + N_PLAIN == 720


def test_no_duplicate_texts_and_few_chunks_per_document():
    assert len({r["text"] for r in ROWS}) == len(ROWS)
    assert max(Counter(r["source"] for r in ROWS).values()) <= PER_DOC


def test_passages_written_for_the_set():
    assert len({t for _, t in ATTACKS}) == len(ATTACKS) >= 60
    assert len({t for _, t in READER}) == len(READER)
    assert {f for f, _ in ATTACKS} >= {"n_lang_it", "n_lang_pt", "n_lang_nl"}


def _planted(r, passages):
    return [(f, t) for f, t in passages if t in r["text"]]


def test_each_modified_row_has_exactly_one_passage_of_its_family():
    for r in ROWS:
        a, b = _planted(r, ATTACKS), _planted(r, READER)
        if r["label"] == "block":
            assert len(a) == 1 and not b and a[0][0] == r["family"]
        elif r["family"].startswith("reader_"):
            assert len(b) == 1 and not a and b[0][0] == r["family"]
        else:
            assert not a and not b
    used = {t for r in ROWS if r["label"] == "block" for _, t in _planted(r, ATTACKS)}
    assert len(used) == len(ATTACKS)


def _source_text(path: str) -> str:
    return render_man(path) if "/share/man/man" in path else read_text_file(path)


@pytest.mark.skipif(not all(os.path.exists(r["source"]) for r in ROWS if r["label"] == "block"),
                    reason="source documents of set N are not on this machine")
def test_attack_text_absent_from_its_source_document():
    for r in ROWS:
        if r["label"] == "block":
            (_, t), = _planted(r, ATTACKS)
            assert t not in _source_text(r["source"])


@pytest.mark.skipif(not all(os.path.exists(r["source"]) for r in ROWS), reason="source documents of set N are not on this machine")
def test_sources_exist_and_plain_chunks_come_from_them():
    for r in ROWS:
        assert os.path.isfile(r["source"])
    for r in [r for r in ROWS if r["family"] == "plain"][:50]:
        src = " ".join(_source_text(r["source"]).split())
        assert " ".join(r["text"].split())[:200] in src
