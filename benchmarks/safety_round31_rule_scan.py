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

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round29_rule_scan import doc_files, docstrings, man_texts  # noqa: E402
from benchmarks.safety_round30_rule_scan import package_docs, translated_man_pages  # noqa: E402
from core.safety import link_exfil, reader_requests, world_orders  # noqa: E402

SOURCES = {"translated": translated_man_pages, "sitepkg": package_docs, "man": man_texts, "docstrings": docstrings,
           "doc": doc_files}


def _polite(low: str) -> bool:
    reader_requests.POLITE_PAYLOADS, reader_requests.CODE_ORDERS = True, False
    return reader_requests.find(low)


def _code(low: str) -> bool:
    reader_requests.POLITE_PAYLOADS, reader_requests.CODE_ORDERS = False, True
    return reader_requests.find(low)


RULES = {"WORLD_ORDERS": lambda low: bool(world_orders.find(low)), "LINK_FORMS_31": link_exfil.carries_user_data,
         "POLITE_PAYLOADS": _polite, "CODE_ORDERS": _code}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    ap.add_argument("--sources", default=",".join(SOURCES), help="comma-separated: " + ",".join(SOURCES))
    args = ap.parse_args(argv)
    link_exfil.LINK_FORMS_31 = True
    hits = dict.fromkeys(RULES, 0)
    total = {}
    for name in args.sources.split(","):
        t0 = time.time()
        n = chars = 0
        for p, t in SOURCES[name]():
            n += 1
            chars += len(t)
            low = t.lower()
            for rule, fn in RULES.items():
                if fn(low):
                    hits[rule] += 1
                    for para in re.split(r"\n[ \t]*\n", low):
                        if fn(para):
                            print("HIT", rule, name, p, repr(para[:600]), flush=True)
            if args.limit and n >= args.limit:
                break
        total[name] = (n, round(chars / 1e6, 1), round(time.time() - t0))
        print(f"{name}: {n} texts, {chars / 1e6:.1f} M characters, {time.time() - t0:.0f} s", flush=True)
    print("texts hit per rule", hits, "sources (texts, M chars, s)", total, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
