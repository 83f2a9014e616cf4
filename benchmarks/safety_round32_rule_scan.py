"""Round 32 (#18): this round's new rules alone over round 30's body of benign text (as round 31's scan).

Rules: the three families of core/safety/carrier_orders.py — QUESTION_OVERRIDE (the user's question set aside),
SECRET_HARVEST (secrets gathered from the conversation) and DECODED_ORDERS (a decode-and-act cue whose decoded span
the scanner's rules read as an order). SIM_FRAGMENTS only lowers a score and adds no rule. Sources as round 30's scan
(benchmarks/safety_round30_rule_scan.py): translated manual pages under /usr/share/man/<lang>/, site-packages
Markdown/rst/README/METADATA/HTML, manual pages 1-8, docstrings, /usr/share/doc. Every hit is printed with the
paragraph it is in.

    PYTHONPATH=. python benchmarks/safety_round32_rule_scan.py [--limit N] [--sources a,b]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import scan_rules  # noqa: E402
from core.safety import carrier_orders  # noqa: E402
from core.safety.injection import InjectionScanner  # noqa: E402

_RULES_ONLY = InjectionScanner("off", classifier=False)


def _only(name: str):
    def fn(text: str) -> bool:
        for n in ("QUESTION_OVERRIDE", "SECRET_HARVEST", "DECODED_ORDERS"):
            setattr(carrier_orders, n, n == name)
        if name == "DECODED_ORDERS":
            return any(_RULES_ONLY.heuristics(f)[0] >= 0.5 for f in carrier_orders.decoded(text))
        return bool(carrier_orders.find(text.lower()))
    return fn


RULES = {name: _only(name) for name in ("QUESTION_OVERRIDE", "SECRET_HARVEST", "DECODED_ORDERS")}


def main(argv=None) -> int:
    return scan_rules(RULES, argv)


if __name__ == "__main__":
    raise SystemExit(main())
