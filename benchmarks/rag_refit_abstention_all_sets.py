"""Refit the abstention's logistic model on the extractive answers of ALL tuning sets of one
`benchmarks/rag.py --grounded --dump-answers` run (#13 session 31) and print, per candidate and threshold, what the
decisions would change: grounded-correct answers gained (a refused answerable question whose best quote was right,
now answered: +1; an answered correct one now refused: -1), answerable and unanswerable questions refused. Offline
is exact here: the features and quotes do not depend on the decision (at today's weights every simulated decision
equals the chain's), and a fired evidence check refuses whatever the model says. Each set weighs the same, the
classes balanced within each set.

    python benchmarks/rag_refit_abstention_all_sets.py DUMP.json [--system extractive]
"""
from __future__ import annotations

import argparse
import collections
import json

import numpy as np
from sklearn.linear_model import LogisticRegression

FEATURES = ("coverage", "sentence", "vector", "agreement", "unseen")


def feature_row(row: dict) -> list[float]:
    f = row["abstention"]["features"]
    values = [f.get(k) for k in FEATURES]
    if values[2] is None:  # BM25-only search: the sentence cosine stands in, as in abstention.probability
        values[2] = values[1]
    return [float(v or 0.0) for v in values]


def balanced_weights(sets: list[str], labels: np.ndarray) -> np.ndarray:
    w = np.zeros(len(sets))
    for s in set(sets):
        for c in (0, 1):
            idx = [i for i, name in enumerate(sets) if name == s and labels[i] == c]
            if idx:
                w[idx] = 1.0 / len(idx)
    return w


def outcome(rows: list[dict], labels: np.ndarray, p: np.ndarray, threshold: float) -> tuple[int, int, int, dict]:
    gain = answerable_refused = unanswerable_refused = 0
    per_set = collections.Counter()
    for i, r in enumerate(rows):
        refused = bool(r.get("check_fired")) or p[i] < threshold
        if not labels[i]:
            unanswerable_refused += refused
            continue
        answerable_refused += refused
        change = (1 if r["abstained"] and not refused and r.get("quote_right") else 0) \
            - (1 if not r["abstained"] and refused and r["correct"] else 0)
        gain += change
        per_set[r["set"]] += change
    return gain, answerable_refused, unanswerable_refused, {k: v for k, v in per_set.items() if v}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--system", default="extractive")
    a = ap.parse_args()
    rows = [r for r in json.load(open(a.dump))
            if r["system"] == a.system and (r.get("abstention") or {}).get("features")]
    x = np.array([feature_row(r) for r in rows])
    labels = np.array([1 if r.get("passage") else 0 for r in rows])  # small docs mark unanswerable with ""
    weights = balanced_weights([r["set"] for r in rows], labels)
    for c in (1.0, 10.0, 100.0):
        model = LogisticRegression(C=c, max_iter=5000).fit(x, labels, sample_weight=weights)
        p = model.predict_proba(x)[:, 1]
        print(f"C {c}: " + ", ".join(f"{k} {v:.2f}" for k, v in zip(FEATURES, model.coef_[0]))
              + f", bias {model.intercept_[0]:.2f}")
        for t in np.arange(0.20, 0.62, 0.04):
            gain, ar, ur, per_set = outcome(rows, labels, p, t)
            print(f"  threshold {t:.2f}: correct {gain:+d}, answerable refused {ar}, unanswerable refused {ur}, {per_set}")


if __name__ == "__main__":
    main()
