"""Fit the quote re-ranking (core/retrieval/quote_ranker.py) on the tuning sets' answers (#13 round 23).

    PYTHONPATH=. python benchmarks/fit_quote_ranker.py --workdir W --capture candidates.json
    PYTHONPATH=. python benchmarks/fit_quote_ranker.py --candidates candidates.json   # fit + report only

1. Capture: today's chain (hybrid, k=4, extractive) answers every answerable question of the tuning
   and held-out sets; every quote candidate it ranked is kept with its features, and labelled right
   when its chunk holds the QA passage and the sentence states it (benchmarks/rag.py's `_states_fact`).
2. Fit: pairwise logistic regression (features standardised, L2, C=1) on (right, other) pairs of the
   same question, tuning sets only. Prints the weights as quote_ranker.FITTED expects them.
3. Report: top-1 accuracy (the first candidate is right) of the hand order and of the fitted order,
   per set; leave-one-set-out over the tuning sets (fit on three, score the fourth); held-out sets
   only scored.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TUNING = ("sample corpus", "long documents", "dev prose", "dev readme")
HELD_OUT = ("held-out", "held-out 2", "held-out 3", "held-out 4", "held-out 5", "held-out 6", "held-out 7",
            "held-out 8", "pdf")


def capture(workdir: Path, sets: tuple[str, ...]) -> list[dict]:
    """One row per answerable question: its candidates' features, texts and labels (hand order)."""
    from benchmarks import rag
    from core.retrieval import chain as chain_module
    from core.retrieval.chain import RagChain

    table = rag.answer_sets(workdir, sets)
    seen: list = []
    original = chain_module.rank_sentences

    def recording(question, checker, idf=None, context=None):
        ranked = original(question, checker, idf, context=context)
        seen.append((ranked, [h.text for h in checker.hits]))
        return ranked

    chain_module.rank_sentences = recording
    rows = []
    try:
        for set_name in sets:
            collection, qa, data = table[set_name]
            rag.use_data_dir(workdir / data)
            chain = RagChain(collection, answer_mode="extractive")
            for q in qa:
                if not q["source"]:
                    continue
                seen.clear()
                chain.ask(q["question"])
                if not seen:
                    continue
                ranked, chunks = seen[-1]
                gold_chunks = {n for n, text in enumerate(chunks, start=1) if q["passage"] in rag.norm(text)}
                rows.append({"set": set_name, "question": q["question"], "candidates": [
                    {"n": c.n, "text": c.text, "features": c.features,
                     "right": c.n in gold_chunks and rag._states_fact(q["passage"], c.text)} for c in ranked]})
            print(f"{set_name}: {sum(r['set'] == set_name for r in rows)} questions captured", flush=True)
    finally:
        chain_module.rank_sentences = original
    return rows


def _matrix(candidates: list[dict], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[c["features"][f] for f in names] for c in candidates], dtype=float)


def fit(rows: list[dict], names: tuple[str, ...], c: float = 1.0, seed: int = 0) -> dict:
    """{feature: (mean, scale, weight)} from pairwise logistic regression on (right, other) pairs."""
    from sklearn.linear_model import LogisticRegression

    everything = _matrix([c for r in rows for c in r["candidates"]], names)
    mean, scale = everything.mean(0), everything.std(0)
    scale[scale == 0] = 1.0
    diffs = []
    for r in rows:
        x = (_matrix(r["candidates"], names) - mean) / scale
        right = [i for i, cand in enumerate(r["candidates"]) if cand["right"]]
        other = [i for i, cand in enumerate(r["candidates"]) if not cand["right"]]
        if not right or not other:
            continue
        weight = 1.0 / (len(right) * len(other))  # every question weighs the same
        diffs += [(x[i] - x[j], weight) for i in right for j in other]
    rng = random.Random(seed)
    X, y, w = [], [], []
    for d, weight in diffs:  # both orders: a symmetric problem, no intercept needed
        sign = rng.choice((1, -1))
        X.append(sign * d)
        y.append(int(sign > 0))
        w.append(weight)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(np.array(X), np.array(y), sample_weight=np.array(w) * len(rows))
    return {f: (round(float(m), 5), round(float(s), 5), round(float(v), 5))
            for f, m, s, v in zip(names, mean, scale, model.coef_[0])}


def top1(rows: list[dict], weights: dict | None, depth: int | None = None) -> tuple[int, int]:
    """(questions whose first candidate is right, questions with a right candidate at all)."""
    from core.retrieval.quote_ranker import fitted_score

    hit = possible = 0
    for r in rows:
        cands = r["candidates"]
        if not any(c["right"] for c in cands):
            continue
        possible += 1
        if weights:
            head, tail = (cands, []) if depth is None else (cands[:depth], cands[depth:])
            cands = sorted(head, key=lambda c: -fitted_score(c["features"], weights)) + tail
        hit += bool(cands) and cands[0]["right"]
    return hit, possible


def report(rows: list[dict], weights: dict) -> str:
    from core.retrieval.quote_ranker import FEATURES

    lines = ["| set | questions | right candidate retrieved | top-1 hand | top-1 fitted (all) | top-1 fitted (top 10) |",
             "|---|---|---|---|---|---|"]
    for set_name in TUNING + HELD_OUT:
        sub = [r for r in rows if r["set"] == set_name]
        if not sub:
            continue
        hand, possible = top1(sub, None)
        lines.append(f"| {set_name} | {len(sub)} | {possible} | {hand} | {top1(sub, weights)[0]} | "
                     f"{top1(sub, weights, 10)[0]} |")
    lines += ["", "Leave one tuning set out (fit on the other three, score it):", "",
              "| left out | top-1 hand | top-1 fitted (all) | top-1 fitted (top 10) |", "|---|---|---|---|"]
    for left in TUNING:
        train = [r for r in rows if r["set"] in TUNING and r["set"] != left]
        test = [r for r in rows if r["set"] == left]
        if not train or not test:
            continue
        w = fit(train, FEATURES)
        hand, possible = top1(test, None)
        lines.append(f"| {left} ({possible}) | {hand} | {top1(test, w)[0]} | {top1(test, w, 10)[0]} |")
    return "\n".join(lines)


def main() -> int:
    from core.retrieval.quote_ranker import FEATURES

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workdir", type=Path, help="benchmarks/rag.py's workdir (collections); needed to capture")
    p.add_argument("--capture", type=Path, help="capture the candidates into this JSON file first")
    p.add_argument("--candidates", type=Path, help="a JSON file written by --capture")
    p.add_argument("--sets", nargs="+", default=list(TUNING + HELD_OUT))
    args = p.parse_args()
    if args.capture:
        if not args.workdir:
            p.error("--capture needs --workdir")
        rows = capture(args.workdir, tuple(args.sets))
        args.capture.write_text(json.dumps(rows))
    elif args.candidates:
        rows = json.loads(args.candidates.read_text())
    else:
        p.error("give --capture FILE (with --workdir) or --candidates FILE")
    weights = fit([r for r in rows if r["set"] in TUNING], FEATURES)
    print("FITTED = {")
    for name, values in weights.items():
        print(f"    {name!r}: {values},")
    print("}")
    print(report(rows, weights))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
