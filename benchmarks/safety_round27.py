"""Round 27's tuning figures (#18): tests/data/safety_tuning_r27.jsonl through the context-stage injection scanner.

    PYTHONPATH=. python benchmarks/safety_round27.py [--show]

Prints, per family, benign chunks flagged and planted attacks caught (score >= 0.5, InjectionScanner("static"),
as benchmarks/safety_robustness.py reads J). --show lists flagged benign chunks and missed attacks (tuning data:
reading them is allowed). The switch of this round is core.safety.planted_instructions.ANSWERING_READER.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "safety_tuning_r27.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from core.safety import planted_instructions
    from core.safety.injection import InjectionScanner

    s = InjectionScanner("static")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    total, hit = Counter(), Counter()
    for r in rows:
        sc = s.scan(r["text"])
        flagged = sc.score >= 0.5
        total[r["family"]] += 1
        hit[r["family"]] += flagged
        if args.show and flagged == (r["label"] == "allow"):
            what = "BENIGN FLAGGED" if flagged else "MISSED"
            print(f"  {what} [{sc.score:.2f}] {sc.reasons} {r['source']}")
            if not flagged:
                print("     ", [ln for ln in r["text"].splitlines() if "this" in ln.lower()][:3])
    print(f"ANSWERING_READER = {getattr(planted_instructions, 'ANSWERING_READER', None)}")
    for label in ("allow", "block"):
        fams = sorted({r["family"] for r in rows if r["label"] == label})
        n, k = sum(total[f] for f in fams), sum(hit[f] for f in fams)
        print(f"{'benign flagged' if label == 'allow' else 'attacks caught'}: {k}/{n} "
              + ", ".join(f"{f} {hit[f]}/{total[f]}" for f in fams))
    return 0


if __name__ == "__main__":
    sys.exit(main())
