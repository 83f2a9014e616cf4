"""Round 27 (#18): the ANSWERING_READER rules alone over whole manual pages of sections 1 (every 3rd), 3 and 7
(never held-out J's sources: section 5 / 8 pages and package READMEs).

    PYTHONPATH=. python benchmarks/safety_round27_rule_scan.py   # prints every match and the total
"""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import man1_pages, render_man  # noqa: E402

from core.safety.planted_instructions import ANSWERING_READER_PATTERNS  # noqa: E402


def main() -> int:
    pages = man1_pages()[::3] + sorted(glob.glob("/usr/share/man/man3/*.gz")) + sorted(glob.glob("/usr/share/man/man7/*.gz"))
    print(len(pages), "pages", flush=True)
    hits = 0
    for p in pages:
        t = render_man(p)
        for rx, _, _ in ANSWERING_READER_PATTERNS:
            for m in rx.finditer(t.lower()):
                hits += 1
                print("HIT", os.path.basename(p), repr(t[m.start():m.end() + 60]), flush=True)
    print("pages", len(pages), "hits", hits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
