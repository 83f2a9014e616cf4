"""Issue #18, round 21: the injection classifier trains on repository data only, the same texts in the same order.

Round 20 could not reproduce the shipped embedding half: training read the README paragraphs of whatever
Python packages were installed (and, for round 11's n-gram variant, the machine's gettext catalogs), and
the order of some template families followed Python's per-process string hashing. Both are frozen now
(core/safety/training/package_docs_train.jsonl and catalog_messages_train.json, written by
benchmarks/build_training_snapshots.py); the refit figures are in benchmarks/results/safety_issue18_round21.md.
The checks run the real training-data builder in fresh interpreters: an audit hook records every file
and folder it opens, and two different PYTHONHASHSEEDs must give the same texts.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import hashlib, json, os, sys
from core.safety.training import train
from core.safety.training import injection_docs_ml, injection_families, injection_reader_guides, injection_templates

touched = []
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir", "glob.glob") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        touched.append(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(hook)
data = train.injection_data(non_english_docs=True)
print(json.dumps({"n": len(data), "digest": hashlib.sha256(json.dumps(data).encode()).hexdigest(), "touched": touched}))
"""


def probe(hash_seed: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def probes():
    return probe("1"), probe("2")


def test_training_texts_are_read_from_the_repository_only(probes):
    touched = probes[0]["touched"]
    root = str(ROOT.resolve())
    # module files a lazy import may open are code, not training data
    outside = sorted({p for p in touched if not (p == root or p.startswith(root + os.sep))
                      and not p.endswith((".py", ".pyc", ".so"))})
    assert not outside, f"training read {len(outside)} paths outside the repository, e.g. {outside[:5]}"
    # the hook saw the reads it is meant to see: the frozen documentation is opened
    training = ROOT / "core" / "safety" / "training"
    for name in ("package_docs_train.jsonl", "catalog_messages_train.json"):
        assert str((training / name).resolve()) in touched, name


def test_training_texts_do_not_depend_on_the_hash_seed(probes):
    a, b = probes
    assert a["n"] == b["n"] > 15_000
    assert a["digest"] == b["digest"], "the training texts or their order change with PYTHONHASHSEED"


def test_frozen_package_paragraphs_are_the_training_half_as_package_docs_cut_them():
    from core.safety.training.injection_templates import PACKAGE_DOCS_FILE, _split, build, training_package_docs

    rows = [json.loads(line) for line in PACKAGE_DOCS_FILE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 985 and all(_split(r["package"]) == "train" for r in rows)
    assert all(40 <= len(r["text"]) <= 600 and "\r" not in r["text"] for r in rows)
    per_package: dict[str, int] = {}
    for r in rows:
        per_package[r["package"]] = per_package.get(r["package"], 0) + 1
    assert max(per_package.values()) <= 12
    benign = {t for t, label in build() if label == "benign"}
    assert set(training_package_docs()) <= benign


def test_manual_page_paragraphs_share_no_line_with_held_out_g_or_j():
    """Round 21's candidate data (off by default): no frozen paragraph holds a 60-character run of G or J."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from doc_chunks import SeenText, jsonl_texts

    from core.safety.training.injection_man_pages import build, paragraphs

    data = ROOT / "tests" / "data"
    seen = SeenText(jsonl_texts(data / "safety_heldout_g.jsonl") + jsonl_texts(data / "safety_heldout_j.jsonl"))
    paras = paragraphs()
    assert len(paras) == 2000 and not any(seen.shares_line(p) for p in paras)
    rows = build()
    assert sum(label == "attack" for _, label in rows) == 1000 and len(rows) == 3000
