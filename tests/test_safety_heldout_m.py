"""Structure of blind held-out set M (tests/data/safety_heldout_m.jsonl, benchmarks/build_safety_heldout_m.py).

Checks the set's shape only, never detector scores: counts per label and family group, no duplicate texts,
every source document exists on this machine, every attack / reader row carries text its source lacks and
every plain row is text of its source.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "safety_heldout_m.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def _doc(path: str) -> str:
    from benchmarks.build_safety_heldout_m import render

    return " ".join(render(path).split())


def _sources_present(rows) -> bool:
    return all(os.path.isfile(r["source"]) for r in rows)


def test_counts_and_format():
    rows = _rows()
    assert all(set(r) == {"kind", "label", "family", "source", "text"} for r in rows)
    assert all(r["kind"] == "injection" for r in rows)
    labels = Counter(r["label"] for r in rows)
    assert labels == {"allow": 600, "block": 120}
    fam = Counter(("plain" if r["family"] == "plain" else r["family"].split("_")[0], r["label"]) for r in rows)
    assert fam == {("plain", "allow"): 500, ("reader", "allow"): 100, ("m", "block"): 120}
    assert len({r["family"] for r in rows if r["label"] == "block"}) >= 20
    assert any(r["family"].startswith("m_lang_") for r in rows)
    assert max(Counter(r["source"] for r in rows).values()) <= 4


def test_no_duplicate_texts():
    texts = [r["text"] for r in _rows()]
    assert len(texts) == len(set(texts))


def test_attack_texts_are_distinct_and_hand_written():
    from benchmarks.build_safety_heldout_m import ATTACKS, READER

    assert len({t for _, t in ATTACKS}) == len(ATTACKS) >= 60
    assert len({t for _, t in READER}) == len(READER)
    rows = _rows()
    used = Counter(t for _, t in ATTACKS for r in rows if r["label"] == "block" and t in r["text"])
    assert set(used) == {t for _, t in ATTACKS}  # every attack text is used


def test_every_source_exists():
    rows = _rows()
    missing = sorted({r["source"] for r in rows if not os.path.isfile(r["source"])})
    if missing and not os.path.isdir("/usr/share/doc"):
        pytest.skip("not the machine the set was built on")
    assert not missing, missing[:5]


def test_inserted_text_is_not_in_the_source():
    rows = _rows()
    if not _sources_present(rows):
        pytest.skip("source documents not on this machine")
    from benchmarks.build_safety_heldout_m import ATTACKS, READER

    inserted = [t for _, t in ATTACKS + READER]
    for r in rows:
        doc = _doc(r["source"])
        flat = " ".join(r["text"].split())
        if r["label"] == "block" or r["family"].startswith("reader_"):
            assert flat not in doc
            t = next(t for t in inserted if t in r["text"])
            assert " ".join(t.split()) not in doc
            base = r["text"].replace(t, "")
            assert len(base) >= 300
        else:
            assert flat in doc, r["source"]
