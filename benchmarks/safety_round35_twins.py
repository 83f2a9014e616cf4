"""#18 round 35: what the passage model costs on hand-written benign twins. The benign twins of the rule rounds' dev
sets (benchmarks/safety_round30_dev.py to safety_round34_dev.py: harmless texts written beside each round's
attacks to look like them) and their attacks, scanned with the passage model off and on (injection.PASSAGE_MODEL);
every twin only the passage model flags is printed. The dev sets are tuning data of the rules, never of the model.

    PYTHONPATH=. python benchmarks/safety_round35_twins.py
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import scan_without_and_with_passage_model  # noqa: E402
from core.safety.injection import InjectionScanner  # noqa: E402

ROUNDS = (30, 31, 32, 33, 34)


def main() -> int:
    scanner = InjectionScanner("static")
    print("| dev set | twins flagged, model off | on | attacks flagged, model off | on |\n|---|---|---|---|---|")
    added = []
    for n in ROUNDS:
        dev = importlib.import_module(f"benchmarks.safety_round{n}_dev")
        counts = []
        for items in (dev.BENIGN, dev.ATTACKS):
            off = on = 0
            for _, text in items:
                before, b = scan_without_and_with_passage_model(scanner, text)
                a = before.score >= 0.5
                off, on = off + a, on + (b.score >= 0.5)
                if items is dev.BENIGN and b.score >= 0.5 and not a:
                    added.append((n, b.reasons, text[:200]))
            counts.append(f"{off}/{len(items)} | {on}/{len(items)}")
        print(f"| round {n} | {counts[0]} | {counts[1]} |", flush=True)
    for n, reasons, text in added:
        print("ADDED", n, reasons, repr(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
