"""#18 round 35, rule 3: the passage model alone over round 30's body of real benign text (translated manual pages,
site-packages documentation, manual pages 1-8, Python docstrings, /usr/share/doc; safety_round_harness.SOURCES).
Every paragraph it reads at or over passage_model.FLAG is printed; the totals give flagged paragraphs per million
characters (the rule: at most one).

--unseen (candidate 2's judge): only documents the model never trained on and nobody looked at: outside the
training quarter of build_passage_negatives, not a manual page or package of the frozen snapshots
(man_paragraphs_train.jsonl, package_docs_train.jsonl), and past the first 200 texts of each source (read for
candidate 1).

--windows (round 36): the model reads line windows inside paragraphs as well (passage_model.units).

    PYTHONPATH=. python benchmarks/safety_round35_passage_scan.py [--limit N] [--sources man,doc] [--unseen] [--windows]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import SOURCES  # noqa: E402
from core.safety.passage_model import FLAG, load_passage_model, units  # noqa: E402
from core.safety.training.injection_passages import HERE  # noqa: E402

LOOKED_AT = 200  # texts per source read for candidate 1


def snapshot_documents() -> tuple[set[str], set[str]]:
    """The manual pages and packages of the two older frozen snapshots (file names, normalised package names)."""
    import json

    def field(name: str, key: str) -> set[str]:
        return {json.loads(line)[key] for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()}

    return field("man_paragraphs_train.jsonl", "page"), {p.lower().replace("-", "_") for p in
                                                         field("package_docs_train.jsonl", "package")}


def seen(path: str, pages: set[str], packages: set[str]) -> bool:
    """Trained on: the training quarter, a snapshot's manual page or a snapshot's package."""
    from benchmarks.build_passage_negatives import training_quarter

    if training_quarter(path) or ("/man/" in path and Path(path).name in pages):
        return True
    parts = path.split("/site-packages/", 1)
    return len(parts) == 2 and parts[1].split("/")[0].split("-")[0].lower().replace("-", "_") in packages


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    ap.add_argument("--sources", default=",".join(SOURCES), help="comma-separated: " + ",".join(SOURCES))
    ap.add_argument("--unseen", action="store_true", help="only documents never trained on nor looked at")
    ap.add_argument("--windows", action="store_true", help="read line windows inside paragraphs too")
    args = ap.parse_args(argv)
    model = load_passage_model()
    pages, packages = snapshot_documents() if args.unseen else (set(), set())
    flagged = chars_all = 0
    for name in args.sources.split(","):
        t0 = time.time()
        n = chars = hits = skipped = 0
        for i, (path, text) in enumerate(SOURCES[name]()):
            if args.unseen and (i < LOOKED_AT or seen(path, pages, packages)):
                skipped += 1
                continue
            n += 1
            chars += len(text)
            paras = units(text, args.windows)
            probs = model.model.predict_proba(paras)[:, model.attack]
            for para, p in zip(paras, probs):
                if p >= FLAG:
                    hits += 1
                    print(f"HIT {p:.3f} {name} {path} {para[:600]!r}", flush=True)
            if args.limit and n >= args.limit:
                break
        flagged += hits
        chars_all += chars
        print(f"{name}: {n} texts ({skipped} left out), {chars / 1e6:.1f} M characters, {hits} paragraphs flagged, "
              f"{time.time() - t0:.0f} s", flush=True)
    print(f"all: {chars_all / 1e6:.1f} M characters, {flagged} paragraphs flagged "
          f"({flagged / max(chars_all / 1e6, 1e-9):.2f} per million characters)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
