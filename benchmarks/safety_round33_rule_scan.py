"""Round 33 (#18): this round's new rules alone over round 30's body of benign text (as rounds 31 and 32 scanned).

Rules: FAR_LANGUAGES (core/safety/far_languages.py: orders in bg bn et eu is lt lv sw tl ur, hr/sr/sl, ms) and the
three families of core/safety/reader_roles.py — THIRD_PERSON, PERSONA, CONDITIONAL — and READER_DUTIES
(core/safety/reader_duties.py: a duty laid on an AI reader in European languages). DOC_KEY_RUNS (doc_keys.py) only
lowers a score and adds no rule. Sources as round 30's scan
(benchmarks/safety_round30_rule_scan.py): translated manual pages under /usr/share/man/<lang>/, site-packages
Markdown/rst/README/METADATA/HTML, manual pages 1-8, docstrings, /usr/share/doc. Every hit is printed with the
paragraph it is in.

    PYTHONPATH=. python benchmarks/safety_round33_rule_scan.py [--limit N] [--sources a,b]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round_harness import scan_rules  # noqa: E402
from core.safety import far_languages, reader_duties, reader_roles  # noqa: E402

_ROLES = ("THIRD_PERSON", "PERSONA", "CONDITIONAL")


def _only(name: str):
    def fn(text: str) -> bool:
        low = text.lower()
        if name == "FAR_LANGUAGES":
            far_languages.FAR_LANGUAGES = True
            return bool(far_languages.find(low))
        if name == "READER_DUTIES":
            reader_duties.READER_DUTIES = True
            return bool(reader_duties.find(low))
        for n in _ROLES:
            setattr(reader_roles, n, n == name)
        return bool(reader_roles.find(low))
    return fn


RULES = {name: _only(name) for name in ("FAR_LANGUAGES", *_ROLES, "READER_DUTIES")}


def main(argv=None) -> int:
    return scan_rules(RULES, argv)


if __name__ == "__main__":
    raise SystemExit(main())
