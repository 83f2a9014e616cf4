"""Round 31 (#18): this round's new rules alone over round 30's body of benign text.

Rules: core/safety/world_orders.py (WORLD_ORDERS), the round-31 forms of core/safety/link_exfil.py (LINK_FORMS_31;
round 30's rule found 0 hits in this body, so every hit with the forms on is theirs), and the two families of
core/safety/reader_requests.py (POLITE_PAYLOADS, CODE_ORDERS). Sources as round 30's scan
(benchmarks/safety_round30_rule_scan.py): translated manual pages under /usr/share/man/<lang>/, site-packages
Markdown/rst/README/METADATA/HTML, manual pages 1-8, docstrings, /usr/share/doc. Every hit is printed with the
paragraph it is in.

    PYTHONPATH=. python benchmarks/safety_round31_rule_scan.py [--limit N] [--sources a,b]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import scan_rules  # noqa: E402
from core.safety import link_exfil, reader_requests, world_orders  # noqa: E402


def _polite(low: str) -> bool:
    reader_requests.POLITE_PAYLOADS, reader_requests.CODE_ORDERS = True, False
    return reader_requests.find(low)


def _code(low: str) -> bool:
    reader_requests.POLITE_PAYLOADS, reader_requests.CODE_ORDERS = False, True
    return reader_requests.find(low)


RULES = {"WORLD_ORDERS": lambda low: bool(world_orders.find(low)), "LINK_FORMS_31": link_exfil.carries_user_data,
         "POLITE_PAYLOADS": _polite, "CODE_ORDERS": _code}


def main(argv=None) -> int:
    link_exfil.LINK_FORMS_31 = True
    return scan_rules(RULES, argv, lower=True)


if __name__ == "__main__":
    raise SystemExit(main())
