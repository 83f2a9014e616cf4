"""Round 30 (#18): the link-exfiltration rule (core/safety/link_exfil.py) and the further-language rules
(core/safety/more_languages.py) alone over a large body of benign text.

Sources: round 29's (every manual page of sections 1-8, docstrings of the standard library and of every package in
the venv, the text files under /usr/share/doc), plus every Markdown / reStructuredText / README / HTML file in the
venv's site-packages (wheel READMEs with badges, image links with query strings, API docs with URL templates).
Each text is read paragraph by paragraph by `carries_user_data`; every hit is printed. The language rules also read
the translated manual pages under /usr/share/man/<lang>/ (cs da de es fi fr hr hu id it ja ko nl pl pt ro ru sl sr sv
tr ...), as written (lower-cased) and normalised.

    PYTHONPATH=. python benchmarks/safety_round30_rule_scan.py [--limit N]
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.safety_round29_rule_scan import _TAGS, _TROFF_ESC, _TROFF_LINE, doc_files, docstrings, man_texts  # noqa: E402
from core.safety import link_exfil, more_languages  # noqa: E402
from core.safety.normalize import normalize  # noqa: E402


def package_docs():
    root = str(Path(sys.prefix) / "lib")
    for p in sorted(glob.glob(root + "/**/*", recursive=True)):
        if not re.search(r"(\.md|\.rst|\.txt|\.html?|/README[^/]*|/METADATA)$", p) or not os.path.isfile(p):
            continue
        if os.path.getsize(p) > 2_000_000:
            continue
        t = Path(p).read_text(encoding="utf-8", errors="replace")
        if p.endswith((".html", ".htm")):
            t = _TAGS.sub(" ", t)
        yield p, t


def translated_man_pages():
    import gzip

    for p in sorted(glob.glob("/usr/share/man/*/man[1-8]/*")):
        if re.search(r"/man/man[1-8]/", p):
            continue
        try:
            raw = gzip.open(p).read() if p.endswith(".gz") else Path(p).read_bytes()
        except (OSError, EOFError):
            continue
        t = raw.decode("utf-8", errors="replace")
        yield p, _TROFF_ESC.sub("", _TROFF_LINE.sub("", t)).replace("\\-", "-")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    args = ap.parse_args(argv)
    hits = 0
    total = {}
    for name, gen in (("translated man pages", translated_man_pages), ("site-packages docs", package_docs),
                      ("man pages 1-8", man_texts), ("python docstrings", docstrings), ("/usr/share/doc", doc_files)):
        n = chars = 0
        for p, t in gen():
            n += 1
            chars += len(t)
            low = t.lower()
            if link_exfil.carries_user_data(low):
                hits += 1
                for para in re.split(r"\n[ \t]*\n", low):
                    if link_exfil.carries_user_data(para):
                        print("HIT", name, p, repr(para[:600]), flush=True)
            forms = [low] if low.isascii() else [low, normalize(t)]
            for form in forms:
                for rx, _, why in more_languages.PATTERNS:
                    for m in rx.finditer(form):
                        hits += 1
                        print("HIT(lang)", name, p, why, repr(form[max(0, m.start() - 100):m.end() + 150]), flush=True)
            if args.limit and n >= args.limit:
                break
        total[name] = (n, chars)
        print(f"{name}: {n} texts, {chars / 1e6:.1f} M characters", flush=True)
    print("texts hit", hits, total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
