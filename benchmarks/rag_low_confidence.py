"""How often an answer is right by the abstention's estimate, from a `benchmarks/rag.py --grounded --dump-answers`
run (#13 session 33): the measurement behind the chatbot's "low confidence" line (abstention.LOW_CONFIDENCE).

    python benchmarks/rag_low_confidence.py DUMP.json [--system extractive] [--bands 0.35 0.5 0.7]

Per set and in total, the answered questions (not abstained) under and over LOW_CONFIDENCE: how many, how many
grounded correct (rag.py's judge), how many were unanswerable questions; then the total per band.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.retrieval.abstention import LOW_CONFIDENCE  # noqa: E402


def tally(rows: list[dict], edges: list[float]) -> dict[str, dict[float, list[int]]]:
    """{set or "total": {band's upper edge: [answered, correct, unanswerable answered]}}."""
    out: dict[str, dict[float, list[int]]] = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
    for r in rows:
        p = (r.get("abstention") or {}).get("p_answerable")
        if r["abstained"] or p is None:
            continue
        edge = next(e for e in edges if p < e)
        for key in (r["set"], "total"):
            cell = out[key][edge]
            cell[0] += 1
            cell[1] += bool(r["correct"])
            cell[2] += not r["source"]
    return out


def _cell(c: list[int]) -> str:
    return f"{c[1]}/{c[0]} ({c[1] / c[0]:.0%}; unanswerable {c[2]})" if c[0] else "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--system", default="extractive")
    ap.add_argument("--bands", type=float, nargs="*", default=[0.35, 0.5, 0.7])
    a = ap.parse_args()
    rows = [r for r in json.load(open(a.dump)) if r["system"] == a.system]
    split = tally(rows, [LOW_CONFIDENCE, 2.0])
    print(f"| set | answered under {LOW_CONFIDENCE} (low confidence): correct | answered at or over {LOW_CONFIDENCE} |")
    print("|---|---|---|")
    for name in sorted(split, key=lambda n: n == "total"):  # the total last
        cells = split[name]
        print(f"| {name} | {_cell(cells[LOW_CONFIDENCE])} | {_cell(cells[2.0])} |")
    edges = sorted(set(a.bands)) + [2.0]
    bands = tally(rows, edges)["total"]
    print("\n| estimate | answered: correct (unanswerable) |\n|---|---|")
    low = 0.0
    for e in edges:
        print(f"| {low:.2f}-{min(e, 1.0):.2f} | {_cell(bands[e])} |")
        low = e


if __name__ == "__main__":
    main()
