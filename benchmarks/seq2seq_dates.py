"""Accuracy and speed of the shipped date model (assets/seq2seq-dates) against dateutil.

Two evaluation sets, both on `heldout_dates()` (dates training never generated):
  trained forms  : the surface forms training generates (new dates only)
  held-out forms : surface forms training never generates (core/seq2seq/dates.py HELDOUT_FORMS)
The peer is python-dateutil's parser (`parse(text, fuzzy=True)`), the strongest rule-based
date reader available here, on the same inputs in the same run. Exact match of the ISO string.

    python benchmarks/seq2seq_dates.py [--model DIR] [--n 2000] [--threads 1] [--out FILE.md]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

TRAINED_SEED, HELDOUT_SEED = 101, 202  # the surface-form draws; the dates are heldout_dates()


def dateutil_iso(text: str) -> str:
    from dateutil import parser

    try:  # a default far from any test date: a field it cannot read shows up as wrong
        return parser.parse(text, fuzzy=True, default=dt.datetime(1800, 1, 1)).date().isoformat()
    except (ValueError, OverflowError):
        return ""


def score(examples, predictions) -> tuple[dict, float]:
    per_form = defaultdict(lambda: [0, 0])
    for (form, _, iso), pred in zip(examples, predictions):
        per_form[form][0] += pred == iso
        per_form[form][1] += 1
    total = sum(c for c, _ in per_form.values()) / max(1, len(examples))
    return {f: c / n for f, (c, n) in per_form.items()}, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--n", type=int, default=2000, help="held-out dates per set (at most 2000)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--latency-inputs", type=int, default=200, help="inputs timed one at a time")
    ap.add_argument("--out", type=Path, default=None, help="also write the tables here (markdown)")
    a = ap.parse_args()

    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from core.explain.models import DATE_MODEL_DIR
    from core.seq2seq import dates
    from core.seq2seq.train import predict

    torch.set_num_threads(a.threads)
    path = a.model or DATE_MODEL_DIR
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSeq2SeqLM.from_pretrained(path).eval()
    held_dates = dates.heldout_dates()[:a.n]
    sets = {"trained forms": dates.eval_set(dates.TRAINED_FORMS, TRAINED_SEED, held_dates),
            "held-out forms": dates.eval_set(dates.HELDOUT_FORMS, HELDOUT_SEED, held_dates)}
    lines = ["# Date model benchmark\n",
             f"model `{path}` · {sum(p.numel() for p in model.parameters()):,} parameters · "
             f"{a.n} held-out dates per set · torch threads {a.threads} · load `{_load()}`\n",
             "| set | form | ours (date T5) | dateutil fuzzy parse |", "|---|---|---|---|"]
    for name, examples in sets.items():
        t0 = time.perf_counter()
        ours = predict(model, tok, [e[1] for e in examples])
        batch_s = time.perf_counter() - t0
        peer = [dateutil_iso(e[1]) for e in examples]
        ours_form, ours_total = score(examples, ours)
        peer_form, peer_total = score(examples, peer)
        for form in ours_form:
            lines.append(f"| {name} | {form} | {ours_form[form]:.1%} | {peer_form[form]:.1%} |")
        lines.append(f"| **{name}** | **all {len(examples)}** | **{ours_total:.2%}** | **{peer_total:.2%}** |")
        wrong = [(e[1], e[2], p) for e, p in zip(examples, ours) if p != e[2]][:8]
        lines.append(f"| | batched greedy decoding | {len(examples) / batch_s:.0f} inputs/s | |")
        if wrong:
            lines.append("| | first mistakes | " + "; ".join(f"`{t}` → `{p}` (want {w})" for t, w, p in wrong)
                         + " | |")
    # one input at a time: what the explorer and the CLI do
    sample = [e[1] for e in sets["trained forms"][:a.latency_inputs]]
    ours_ms, peer_ms = [], []
    for text in sample:
        t0 = time.perf_counter()
        predict(model, tok, [text])
        ours_ms.append(1000 * (time.perf_counter() - t0))
        t0 = time.perf_counter()
        dateutil_iso(text)
        peer_ms.append(1000 * (time.perf_counter() - t0))
    lines.append(f"| latency, one input | median of {len(sample)} | {statistics.median(ours_ms):.1f} ms | "
                 f"{statistics.median(peer_ms):.2f} ms |")
    text = "\n".join(lines)
    print(text)
    if a.out:
        a.out.write_text(text + f"\n\ncommand: `python benchmarks/seq2seq_dates.py {' '.join(sys.argv[1:])}`\n")
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
