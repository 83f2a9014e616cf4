"""Refit the abstention (core/retrieval/abstention.py) offline from one `benchmarks/rag.py --grounded
--dump-answers` run, on the TUNING sets only (sample corpus + long documents), with candidate
extra features computed from the collection's BM25 vocabulary. Same weighting and threshold rule
as `rag.py --fit-abstention`: each set weighs the same, classes balanced within each; the threshold
is the highest that abstains on at most 10% of each tuning set's answerable questions (scored
here without the evidence checks, which only add abstentions). Valid offline because the features
and quotes of an extractive answer do not depend on the decision.

    python benchmarks/rag_refit_abstention.py --workdir W --dump D.json --system extractive

#13 round 8: the "unseen" feature (exactly one question word no chunk has) = column one_df0.
#13 round 11: the abstention rates are also given with the evidence checks (a check that fired
abstains whatever the model says). A "near_miss" column (exactly one question word the best
sentence and its passage's name and header lack; computed by abstention.evidence at 4f2af1f) got
weight +0.24 and no gain, so it was removed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.rag import use_data_dir  # noqa: E402
from core.retrieval.abstention import how_words  # noqa: E402
from core.retrieval.bm25 import tokenize  # noqa: E402
from core.retrieval.collection import open_collection  # noqa: E402
from core.retrieval.grounding import content_words  # noqa: E402

COLLECTIONS = {"sample corpus": ("quality", "qa-800"), "long documents": ("long", "long-answers")}
NAMES = ["coverage", "sentence", "vector", "agreement", "any_df0", "share_df0", "one_df0"]
VARIANTS = {"base4": [0, 1, 2, 3], "+any_df0": [0, 1, 2, 3, 4], "+share_df0": [0, 1, 2, 3, 5],
            "+one_df0 (unseen)": [0, 1, 2, 3, 6], "+share+one": [0, 1, 2, 3, 5, 6]}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", type=Path, required=True)
    p.add_argument("--dump", type=Path, required=True)
    p.add_argument("--system", default="extractive")
    args = p.parse_args()
    dump = json.loads(args.dump.read_text())
    data = {}
    for name, (folder, coll) in COLLECTIONS.items():
        use_data_dir(args.workdir / folder)
        col = open_collection(coll)
        vocab, idf = col.bm25.vocab, col.bm25.idf
        X, y, right, vetoed = [], [], [], []
        for r in dump:
            if r["set"] != name or r["system"] != args.system or not r["features"]:
                continue  # the input guard refused the question: no features
            f, qw = r["features"], content_words(r["question"])
            absent = [w for w in qw - how_words(r["question"]) if w not in vocab and tokenize(w)]
            share = sum(idf(w) for w in absent) / (sum(idf(w) for w in qw) or 1)
            X.append([f["coverage"], f["sentence"], f["vector"] if f["vector"] is not None else f["sentence"],
                      f["agreement"], float(bool(absent)), share, float(len(absent) == 1)])
            y.append(1 if r["source"] else 0)
            right.append(r["quote_right"])
            vetoed.append(bool(r.get("check_fired")))
        data[name] = (np.array(X), np.array(y), np.array(right), np.array(vetoed))
    for label, cols in VARIANTS.items():
        X = np.vstack([d[0][:, cols] for d in data.values()])
        y = np.concatenate([d[1] for d in data.values()])
        w = np.concatenate([np.where(d[1] == 1, 0.5 / (d[1] == 1).sum(), 0.5 / (d[1] == 0).sum())
                            for d in data.values()]) * len(y)
        m = LogisticRegression(C=1.0).fit(X, y, sample_weight=w)
        prob = {n: m.predict_proba(d[0][:, cols])[:, 1] for n, d in data.items()}
        grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
        ok = [t for t in grid if all(np.mean(prob[n][d[1] == 1] < t) <= 0.10 for n, d in data.items())]
        t = max(ok) if ok else min(grid)
        out = {"variant": label, "weights": dict(zip([NAMES[c] for c in cols], (round(float(c), 2) for c in m.coef_[0]))),
               "bias": round(float(m.intercept_[0]), 2), "threshold": t}
        for n, (_, y_, r_, v_) in data.items():
            a = prob[n] < t
            out[n] = {"quote right and answered": round(float(np.mean(r_[y_ == 1] & ~a[y_ == 1])), 3),
                      "abstain answerable": round(float(np.mean(a[y_ == 1])), 3),
                      "abstain unanswerable": round(float(np.mean(a[y_ == 0])), 3),
                      "with checks: answerable": f"{int((a | v_)[y_ == 1].sum())}/{int((y_ == 1).sum())}",
                      "with checks: unanswerable": f"{int((a | v_)[y_ == 0].sum())}/{int((y_ == 0).sum())}"}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
