"""Injection false flags on real benign texts found on this machine (round 6 of issue #18).

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/safety_real_texts.py [--list dev]

Paragraphs of 60-3,000 characters from /usr/share/doc/*/README* (Debian package READMEs) and
from the docstrings of /usr/lib/python3.11/*.py, deduplicated, shuffled with seed 0, the first
6,000 kept, and split by the parity of their md5: "dev" (looked at while fixing false flags)
and "check" (only counted). Each is scanned by the context-stage injection scanner of the
`core` on PYTHONPATH (set PYTHONPATH to another tree to measure it). Numbers depend on the
packages installed; compare trees in the same environment.
"""
from __future__ import annotations

import argparse
import ast
import glob
import gzip
import hashlib
import random
import re
import time


def paragraphs(limit: int = 6000) -> list[dict]:
    found = []
    for f in sorted(glob.glob("/usr/share/doc/*/README*")):
        try:
            raw = gzip.open(f, "rt", errors="replace").read() if f.endswith(".gz") else open(f, errors="replace").read()
        except OSError:
            continue
        found += [("readme", f, p.strip()) for p in re.split(r"\n\s*\n", raw)]
    for f in sorted(glob.glob("/usr/lib/python3.11/*.py")):
        try:
            tree = ast.parse(open(f, errors="replace").read())
        except (SyntaxError, OSError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                found += [("docstring", f, p.strip()) for p in re.split(r"\n\s*\n", doc or "")]
    seen, rows = set(), []
    for src, f, p in found:
        if not 60 <= len(p) <= 3000 or p in seen:
            continue
        seen.add(p)
        half = "dev" if int(hashlib.md5(p.encode()).hexdigest(), 16) % 2 == 0 else "check"
        rows.append({"src": src, "file": f, "half": half, "text": p})
    random.Random(0).shuffle(rows)
    return rows[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", choices=("dev", "check"), help="print the flagged paragraphs of one half")
    args = ap.parse_args()
    import core
    from core.safety.policy import Policy, get_scanner

    scanner = get_scanner("injection", Policy(audit=False))
    rows = paragraphs()
    print(f"core: {core.__file__}\n\n| half | paragraphs | flagged | rate | ms per paragraph |\n|---|---|---|---|---|")
    for half in ("dev", "check"):
        part = [r for r in rows if r["half"] == half]
        t0 = time.perf_counter()
        flagged = [(r, s) for r in part if (s := scanner.scan(r["text"])).score >= 0.5]
        ms = (time.perf_counter() - t0) * 1000 / max(len(part), 1)
        print(f"| {half} | {len(part)} | {len(flagged)} | {len(flagged) / max(len(part), 1):.4f} | {ms:.1f} |")
        if args.list == half:
            for r, s in flagged:
                print(f"\n{s.score:.2f} {s.reasons} {r['file']}\n    " + r["text"][:300].replace("\n", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
