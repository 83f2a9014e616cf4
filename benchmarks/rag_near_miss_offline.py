"""The near-miss classifier (core/retrieval/near_miss.py) scored offline on a run's answers (#13 round 14).

    python benchmarks/rag_near_miss_offline.py --rows ROWS.json [--weights W.safetensors] [--out F.json]

ROWS: a `benchmarks/rag_abstention_meaning.py --out` file or a `benchmarks/rag.py --dump-answers` file
of the TUNING sets (each row: set, question, answerable (or source), abstained, quotes). For every
question the chain answered, the classifier's best probability over its quotes; printed: ROC AUC
for telling the answered unanswerable questions from the answered answerable ones, and per
threshold how many of each each set's answered questions the check would turn into abstentions.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def auc(pos: list[float], neg: list[float]) -> float:
    """P(score of a random pos > random neg); ties count half."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=Path, required=True)
    p.add_argument("--weights", type=Path, default=None)
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--thresholds", type=float, nargs="+", default=[0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5])
    args = p.parse_args()
    from core.retrieval import near_miss

    if args.weights:
        near_miss.WEIGHTS = args.weights
    rows = json.loads(args.rows.read_text())
    out = []
    for r in rows:
        if r.get("abstained") or not r.get("quotes"):
            continue
        quotes = [q["text"] if isinstance(q, dict) else q for q in r["quotes"]]
        answerable = r["answerable"] if "answerable" in r else bool(r.get("source"))
        ps = near_miss.p_holds(r["question"], quotes)
        out.append({"set": r["set"], "question": r["question"], "answerable": answerable,
                    "correct": r.get("correct"), "p": round(max(ps), 3)})
    una = [x["p"] for x in out if not x["answerable"]]
    ans = [x["p"] for x in out if x["answerable"]]
    print(f"answered: {len(ans)} answerable, {len(una)} unanswerable; AUC (answerable higher) {auc(ans, una):.3f}")
    sets = sorted({x["set"] for x in out})
    for t in args.thresholds:
        parts = []
        for s in sets:
            a = [x for x in out if x["set"] == s and x["answerable"]]
            u = [x for x in out if x["set"] == s and not x["answerable"]]
            parts.append(f"{s}: una {sum(x['p'] < t for x in u)}/{len(u)}, ans {sum(x['p'] < t for x in a)}/{len(a)}"
                         f" (correct lost {sum(x['p'] < t and bool(x['correct']) for x in a)})")
        print(f"t={t}: " + "; ".join(parts))
    if args.out:
        args.out.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
