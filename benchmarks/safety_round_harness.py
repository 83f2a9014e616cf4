"""The command lines the safety rounds' dev sets and rule scans share (#18 rounds 30-33).

- score_dev_set: a round's hand-written attacks and benign twins (its benchmarks/safety_roundNN_dev.py) scored by
  the shipped injection scanner: flagged per family, then attacks and benign flagged in all (`--show`: every item's
  score and reasons).
- scan_rules: a round's new rules, one at a time, over round 30's body of benign text (SOURCES; `--limit`,
  `--sources`): every text a rule hits is counted and each paragraph it hits printed.

Each round's script keeps its own data and rules and calls these.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable

from benchmarks.safety_round29_rule_scan import doc_files, docstrings, man_texts
from benchmarks.safety_round30_rule_scan import package_docs, translated_man_pages

# round 30's body of benign text (benchmarks/safety_round30_rule_scan.py): translated manual pages, site-packages
# documentation, manual pages 1-8, Python docstrings, /usr/share/doc
SOURCES = {"translated": translated_man_pages, "sitepkg": package_docs, "man": man_texts, "docstrings": docstrings,
           "doc": doc_files}


def scan_without_and_with_passage_model(scanner, text: str):
    """(verdict with injection.PASSAGE_MODEL off, verdict with it on) for one text; the switch is put back."""
    from core.safety import injection

    was = injection.PASSAGE_MODEL
    try:
        injection.PASSAGE_MODEL = False
        off = scanner.scan(text)
        injection.PASSAGE_MODEL = True
        return off, scanner.scan(text)
    finally:
        injection.PASSAGE_MODEL = was


def dev_rows(attacks: list[tuple[str, str]], benign: list[tuple[str, str]]) -> list[dict]:
    return ([{"label": "block", "family": f, "text": t} for f, t in attacks]
            + [{"label": "allow", "family": f, "text": t} for f, t in benign])


def family_kind(family: str) -> str:
    """A family's first word, with `_twin` kept: how rounds 30 and 31 grouped their dev families."""
    return family.split("_")[0] + ("_twin" if family.endswith("twin") else "")


def score_dev_set(attacks: list[tuple[str, str]], benign: list[tuple[str, str]], argv=None,
                  group: Callable[[str], str] | None = None, width: int = 11) -> int:
    """Score a dev set and print flagged/total per family (`group`, when given, maps a row's family to the one
    counted, e.g. family_kind; `width` pads the family in --show lines)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every item's score and reasons")
    args = ap.parse_args(argv)
    from core.safety.policy import Policy, get_scanner

    scanner = get_scanner("injection", Policy(audit=False))
    flagged: Counter = Counter()
    total: Counter = Counter()
    for r in dev_rows(attacks, benign):
        res = scanner.scan(r["text"])
        fam = group(r["family"]) if group else r["family"]
        total[fam] += 1
        flagged[fam] += res.score >= 0.5
        if args.show:
            print(f"{r['label']:5} {r['family']:{width}} {res.score:.2f} {res.reasons} {r['text'][:70]!r}")
    for fam in sorted(total):
        print(f"{fam:12} {flagged[fam]}/{total[fam]} flagged")
    a = sum(flagged[f] for f in total if not f.endswith("twin"))
    b = sum(flagged[f] for f in total if f.endswith("twin"))
    print(f"attacks {a}/{len(attacks)}, benign {b}/{len(benign)}")
    return 0


def scan_rules(rules: dict[str, Callable[[str], bool]], argv=None, lower: bool = False) -> int:
    """Run each of `rules` on every text of the chosen SOURCES (with `lower`, on the lower-cased text, and its
    lower-cased paragraphs are what is printed) and print the hits and the totals."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    ap.add_argument("--sources", default=",".join(SOURCES), help="comma-separated: " + ",".join(SOURCES))
    args = ap.parse_args(argv)
    hits = dict.fromkeys(rules, 0)
    total = {}
    for name in args.sources.split(","):
        t0 = time.time()
        n = chars = 0
        for p, t in SOURCES[name]():
            n += 1
            chars += len(t)
            text = t.lower() if lower else t
            for rule, fn in rules.items():
                if fn(text):
                    hits[rule] += 1
                    for para in re.split(r"\n[ \t]*\n", text):
                        if fn(para):
                            print("HIT", rule, name, p, repr(para[:600]), flush=True)
            if args.limit and n >= args.limit:
                break
        total[name] = (n, round(chars / 1e6, 1), round(time.time() - t0))
        print(f"{name}: {n} texts, {chars / 1e6:.1f} M characters, {time.time() - t0:.0f} s", flush=True)
    print("texts hit per rule", hits, "sources (texts, M chars, s)", total, flush=True)
    return 0
