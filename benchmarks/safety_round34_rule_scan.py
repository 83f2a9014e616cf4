"""Round 34 (#18): AI_DUTIES (core/safety/ai_duties.py: an English duty laid on an AI towards the user or the answer)
alone over round 30's body of benign text, as rounds 31-33 scanned (benchmarks/safety_round_harness.py: translated
manual pages, site-packages docs, manual pages 1-8, docstrings, /usr/share/doc). Every hit is printed with the
paragraph it is in.

    PYTHONPATH=. python benchmarks/safety_round34_rule_scan.py [--limit N] [--sources a,b]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import scan_rules  # noqa: E402
from core.safety import ai_duties  # noqa: E402


def _ai_duties(text: str) -> bool:
    ai_duties.AI_DUTIES = True
    return bool(ai_duties.find(text.lower()))


RULES = {"AI_DUTIES": _ai_duties}


def main(argv=None) -> int:
    return scan_rules(RULES, argv)


if __name__ == "__main__":
    raise SystemExit(main())
