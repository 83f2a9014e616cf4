"""Round 28's tuning figures (#18): the round-27 and round-28 tuning sets through the context-stage injection
scanner, with this round's switch off and on in one process.

    PYTHONPATH=. python benchmarks/safety_round28.py [--show]

Prints, per family (and per carrier for round 28), benign chunks flagged and planted attacks caught (score >= 0.5,
InjectionScanner("static"), as benchmarks/safety_robustness.py reads J). --show lists, with the switch on, flagged
benign chunks and missed attacks (tuning data: reading them is allowed). The switch of this round is
core.safety.answer_orders.ANSWER_ORDERS (switch off = round 27's rules).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"r27": ROOT / "tests" / "data" / "safety_tuning_r27.jsonl", "r28": ROOT / "tests" / "data" / "safety_tuning_r28.jsonl"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from core.safety import answer_orders
    from core.safety.injection import InjectionScanner

    s = InjectionScanner("static")
    for name, path in SETS.items():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for on in (False, True):
            answer_orders.ANSWER_ORDERS = on
            total, hit = Counter(), Counter()
            for r in rows:
                sc = s.scan(r["text"])
                flagged = sc.score >= 0.5
                keys = [r["family"]] + ([f"{r['label']}:{r['carrier']}"] if "carrier" in r else [])
                for k in keys:
                    total[k] += 1
                    hit[k] += flagged
                if args.show and on and flagged == (r["label"] == "allow"):
                    what = "BENIGN FLAGGED" if flagged else "MISSED"
                    lines = [ln.strip() for ln in r["text"].splitlines()
                             if re.search(r"\byou\b|\[\^1\]|\]\(|^\s*\||> ", ln, re.I)]
                    print(f"  {what} [{sc.score:.2f}] {r['family']} {r.get('carrier', '')} {sc.reasons} {r['source']}")
                    print("     ", lines[:3])
            print(f"{name}, ANSWER_ORDERS = {on}")
            for label in ("allow", "block"):
                fams = sorted({r["family"] for r in rows if r["label"] == label})
                n, k = sum(total[f] for f in fams), sum(hit[f] for f in fams)
                carriers = sorted(c for c in total if c.startswith(label + ":"))
                print(f"  {'benign flagged' if label == 'allow' else 'attacks caught'}: {k}/{n}; "
                      + ", ".join(f"{f} {hit[f]}/{total[f]}" for f in fams + carriers))
    answer_orders.ANSWER_ORDERS = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
