"""Round 29 (#18): the AI_PAYLOADS rules alone over a large body of benign text, to kill rules that fire on it.

Sources (every one benign, none written by the team): every manual page of sections 1-8 (troff source with the
markup stripped, not rendered: 22,000 pages render in minutes), the docstrings of the Python standard library and
of every package in the project's virtual environment (those of machine-learning packages speak of assistants,
models, chat histories and URLs), and the text files under /usr/share/doc (plain, .gz, .md, .txt, .html with tags
dropped).

    PYTHONPATH=. python benchmarks/safety_round29_rule_scan.py [--limit N]   # prints every match and the totals
"""
from __future__ import annotations

import argparse
import ast
import glob
import gzip
import os
import re
import sys
from pathlib import Path

from core.safety.ai_payloads import AI_PAYLOAD_PATTERNS, ML_AI_PAYLOAD_PATTERNS
from core.safety.normalize import normalize

_TROFF_LINE = re.compile(r"^[.'][^\n]*$", re.M)
_TROFF_ESC = re.compile(r"\\f[BIRPC]|\\f\(..|\\f\[[^\]]*\]|\\\(..|\\\[[^\]]*\]|\\[&|^%]|\\s[-+]?\d")
_TAGS = re.compile(r"<[^>]{0,300}>")


def man_texts():
    for p in sorted(glob.glob("/usr/share/man/man[1-8]/*")):
        try:
            raw = gzip.open(p).read() if p.endswith(".gz") else Path(p).read_bytes()
        except (OSError, EOFError):
            continue
        t = raw.decode("utf-8", errors="replace")
        t = _TROFF_ESC.sub("", _TROFF_LINE.sub("", t)).replace("\\-", "-").replace("\\e", "\\")
        yield p, t


def docstrings():
    roots = ["/usr/lib/python3.11", str(Path(sys.prefix) / "lib")]
    for root in roots:
        for p in sorted(glob.glob(root + "/**/*.py", recursive=True)):
            try:
                tree = ast.parse(Path(p).read_text(encoding="utf-8", errors="replace"))
            except (SyntaxError, ValueError, OSError, RecursionError):
                continue
            docs = [ast.get_docstring(n) for n in ast.walk(tree)
                    if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
            docs = [d for d in docs if d]
            if docs:
                yield p, "\n\n".join(docs)


def doc_files():
    for p in sorted(glob.glob("/usr/share/doc/**/*", recursive=True)):
        if not os.path.isfile(p) or os.path.getsize(p) > 2_000_000:
            continue
        if not re.search(r"(\.gz|\.txt|\.md|\.rst|\.html?|/README[^/]*|/NEWS[^/]*|/changelog[^/]*|/copyright|/TODO[^/]*)$", p):
            continue
        try:
            raw = gzip.open(p).read() if p.endswith(".gz") else Path(p).read_bytes()
        except (OSError, EOFError):
            continue
        t = raw.decode("utf-8", errors="replace")
        if p.endswith((".html", ".htm", ".html.gz")):
            t = _TAGS.sub(" ", t)
        yield p, t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    args = ap.parse_args(argv)
    total = {}
    hits = 0
    for name, gen in (("man pages 1-8", man_texts), ("python docstrings", docstrings), ("/usr/share/doc", doc_files)):
        n = chars = 0
        for p, t in gen():
            n += 1
            chars += len(t)
            low = t.lower()
            for rx, _, _ in AI_PAYLOAD_PATTERNS:
                for m in rx.finditer(low):
                    hits += 1
                    print("HIT", name, p, repr(low[max(0, m.start() - 80):m.end() + 200]), flush=True)
            if any(c in low for c in "äöüéèàçñãõ") or re.search(r"\b(?:ki|ia|taalmodel|sprachmodell|chatbot)\b", low):
                form = normalize(t)
                for rx, _, _ in ML_AI_PAYLOAD_PATTERNS:
                    for m in rx.finditer(form):
                        hits += 1
                        print("HIT(ml)", name, p, repr(form[max(0, m.start() - 80):m.end() + 200]), flush=True)
            if args.limit and n >= args.limit:
                break
        total[name] = (n, chars)
        print(f"{name}: {n} texts, {chars / 1e6:.1f} M characters", flush=True)
    print("hits", hits, total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
