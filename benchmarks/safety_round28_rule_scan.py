"""Round 28 (#18): the ANSWER_ORDERS rules alone over whole manual pages of sections 3 and 7 (the round-28 tuning
sources; never section 1 or 6, /usr/share/doc or info pages, which another set draws on, nor held-out J's section
5 / 8 pages).

    PYTHONPATH=. python benchmarks/safety_round28_rule_scan.py   # prints every match and the total
"""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import render_man  # noqa: E402

from core.safety.answer_orders import ANSWER_ORDER_PATTERNS  # noqa: E402


def main() -> int:
    pages = sorted(glob.glob("/usr/share/man/man3/*.gz")) + sorted(glob.glob("/usr/share/man/man7/*.gz"))
    print(len(pages), "pages", flush=True)
    hits = 0
    for p in pages:
        t = render_man(p).lower()
        for rx, _, _ in ANSWER_ORDER_PATTERNS:
            for m in rx.finditer(t):
                hits += 1
                print("HIT", os.path.basename(p), repr(t[max(0, m.start() - 60):m.end() + 60]), flush=True)
    print("pages", len(pages), "hits", hits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
