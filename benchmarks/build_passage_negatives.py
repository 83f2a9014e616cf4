"""Freeze the passage model's real-document negatives (#18 round 35, candidate 2):
core/safety/training/passage_negatives_train.jsonl.

From round 30's body of benign text (benchmarks/safety_round_harness.SOURCES: translated manual pages,
site-packages documentation, manual pages 1-8, Python docstrings, /usr/share/doc), only documents in the TRAINING
QUARTER (training_quarter: sha1 of the path with the venv prefix removed, = 0 mod 4; the other three quarters judge
the model, benchmarks/safety_round35_passage_scan.py --unseen), paragraphs of 20-1,000 characters:
- up to HARD paragraphs that candidate 1 (the model trained without these negatives, --model) reads at >= 0.5:
  hard negatives mined by the model, not picked by eye;
- RANDOM paragraphs drawn from the rest (seed 34).
Rows: {"source", "path", "text"}; training reads only the file.

    PYTHONPATH=. python benchmarks/build_passage_negatives.py --model /var/tmp/r34/passages_v1.npz

--project-docs (round 36) writes core/safety/training/passage_project_docs_train.jsonl instead: the paragraphs
(20-1,000 characters) of the project's own documentation, README.md and docs/*.md without docs/safety.md, leaving
out every paragraph round 34's scanner flags (the passage model off), so that quoted attack examples never become
benign text: benign text about chatbots, prompts and answers.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import SOURCES  # noqa: E402
from core.safety.training.injection_passages import paragraphs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "core" / "safety" / "training" / "passage_negatives_train.jsonl"
PROJECT_DOCS_OUT = ROOT / "core" / "safety" / "training" / "passage_project_docs_train.jsonl"
HARD, RANDOM, SEED = 2500, 2500, 34


def stable_path(path: str) -> str:
    """The document's path with this venv's prefix removed, so a clone elsewhere splits the same way."""
    return path.replace(sys.prefix, "<venv>")


def training_quarter(path: str) -> bool:
    return int(hashlib.sha1(stable_path(path).encode()).hexdigest(), 16) % 4 == 0


def project_docs() -> None:
    from core.safety import injection
    from core.safety.injection import InjectionScanner

    injection.PASSAGE_MODEL = False  # round 34's scanner
    scanner = InjectionScanner("static")
    rows, left_out = [], 0
    for path in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")):
        if path.name == "safety.md":
            continue
        for para in paragraphs(path.read_text(encoding="utf-8")):
            if 20 <= len(para) <= 1000:
                if scanner.scan(para).score >= 0.5:
                    left_out += 1
                    continue
                rows.append({"source": "project", "path": str(path.relative_to(ROOT)), "text": para})
    PROJECT_DOCS_OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} paragraphs ({left_out} flagged ones left out) to {PROJECT_DOCS_OUT}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", help="candidate 1's model file (mines the hard negatives)")
    ap.add_argument("--project-docs", action="store_true", help="write the project's documentation paragraphs")
    args = ap.parse_args(argv)
    if args.project_docs:
        project_docs()
        return 0
    from core.safety.passage_model import load_passage_model

    model = load_passage_model(Path(args.model))
    hard, rest = [], []
    for name, source in SOURCES.items():
        for path, text in source():
            if not training_quarter(path):
                continue
            paras = [p for p in paragraphs(text) if 20 <= len(p) <= 1000]
            if not paras:
                continue
            probs = model.model.predict_proba(paras)[:, model.attack]
            for para, p in zip(paras, probs):
                row = {"source": name, "path": stable_path(path), "text": para}
                (hard if p >= 0.5 else rest).append(row)
        print(f"{name}: {len(hard)} hard, {len(rest)} other paragraphs so far", flush=True)
    rng = random.Random(SEED)
    rows = rng.sample(hard, min(HARD, len(hard))) + rng.sample(rest, min(RANDOM, len(rest)))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} paragraphs ({min(HARD, len(hard))} hard of {len(hard)}) to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
