"""Refit the abstention's logistic model on the extractive answers of ALL tuning sets of one
`benchmarks/rag.py --grounded --dump-answers` run (#13 session 31) and print, per candidate and threshold, what the
decisions would change: grounded-correct answers gained (a refused answerable question whose best quote was right,
now answered: +1; an answered correct one now refused: -1), answerable and unanswerable questions refused. Offline
is exact here: the features and quotes do not depend on the decision (at today's weights every simulated decision
equals the chain's), and a fired evidence check refuses whatever the model says. Each set weighs the same, the
classes balanced within each set.

    python benchmarks/rag_refit_abstention_all_sets.py DUMP.json [--system extractive]

With --verifier (session 33; a dump of system "extractive+verifier read", whose features carry the verifier's best
probability): the shipped model, a five-feature refit and a six-feature refit (C = 1 with the balanced weights
scaled to sum to the number of answers, each at the threshold the
documented rule gives: the highest at which no set has more than 10% of its answerable questions refused by the
score), as absolute counts per set.
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


def rule_threshold(rows: list[dict], labels: np.ndarray, p: np.ndarray) -> float:
    """The highest threshold (0.01 steps) at which every set refuses at most 10% of its answerable questions by score."""
    sets = sorted({r["set"] for r in rows})
    ok = [t for t in np.arange(0.05, 0.96, 0.01)
          if all(np.mean([p[i] < t for i, r in enumerate(rows) if r["set"] == s and labels[i]]) <= 0.10 for s in sets)]
    return round(float(max(ok)), 2) if ok else 0.05


def counts(rows: list[dict], labels: np.ndarray, refused: np.ndarray) -> dict[str, tuple[int, int, int]]:
    """Per set (and "total"): grounded correct, answerable refused, unanswerable refused."""
    out = collections.defaultdict(lambda: [0, 0, 0])
    for i, r in enumerate(rows):
        for key in (r["set"], "total"):
            if labels[i]:
                out[key][0] += int(not refused[i] and bool(r.get("quote_right")))
                out[key][1] += int(refused[i])
            else:
                out[key][2] += int(refused[i])
    return {k: tuple(v) for k, v in out.items()}


def verifier_rule(rows: list[dict], labels: np.ndarray) -> None:
    from core.retrieval import abstention

    fired = np.array([bool(r.get("check_fired")) for r in rows])
    # the shipped model reads the five features (without the verifier's, which would pick its verifier weights)
    p_shipped = np.array([abstention.probability({k: v for k, v in r["abstention"]["features"].items()
                                                  if k != "verifier"}) for r in rows])
    systems = {f"shipped (threshold {abstention.THRESHOLD})": fired | (p_shipped < abstention.THRESHOLD)}
    weights = balanced_weights([r["set"] for r in rows], labels)
    weights *= len(rows) / weights.sum()  # C = 1 on the scale of the answers, as rag.py's refit_from_dump
    for name, extra in (("five-feature refit", False), ("six-feature refit (+ verifier)", True)):
        x = np.array([feature_row(r) + ([float(r["abstention"]["features"]["verifier"])] if extra else [])
                      for r in rows])
        model = LogisticRegression(C=1.0, max_iter=5000).fit(x, labels, sample_weight=weights)
        p = model.predict_proba(x)[:, 1]
        t = rule_threshold(rows, labels, p)
        names = FEATURES + (("verifier",) if extra else ())
        print(f"{name}: " + ", ".join(f"{k} {v:.2f}" for k, v in zip(names, model.coef_[0]))
              + f", bias {model.intercept_[0]:.2f}, threshold {t:.2f}")
        systems[f"{name} ({t:.2f})"] = fired | (p < t)
    table = {name: counts(rows, labels, refused) for name, refused in systems.items()}
    sets = [s for s in dict.fromkeys(r["set"] for r in rows)] + ["total"]
    print("\n| set | " + " | ".join(table) + " |\n|---|" + "---|" * len(table))
    for s in sets:
        unanswerable = sum(1 for i, r in enumerate(rows) if not labels[i] and s in ("total", r["set"]))
        print(f"| {s} | " + " | ".join("{} ({}; {}/{})".format(*table[n][s], unanswerable) for n in table) + " |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--system", default="extractive")
    ap.add_argument("--verifier", action="store_true", help="the session 33 rule: shipped vs five- and six-feature refits")
    a = ap.parse_args()
    rows = [r for r in json.load(open(a.dump))
            if r["system"] == a.system and (r.get("abstention") or {}).get("features")]
    x = np.array([feature_row(r) for r in rows])
    labels = np.array([1 if r.get("passage") else 0 for r in rows])  # small docs mark unanswerable with ""
    if a.verifier:
        verifier_rule(rows, labels)
        return
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
