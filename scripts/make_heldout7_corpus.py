"""Build the seventh held-out RAG corpus: five section-5 manual pages (configuration file formats).

Every earlier set is command manual pages (section 1), pydoc text, git's prose docs, Python packages'
READMEs or /usr/share/doc texts. These five describe configuration files, rendered on this machine
(Debian 12) with `MANWIDTH=90 man --nh --nj -P cat FILE | col -bx` to assets/rag_corpus_heldout7/<name>.

Usage: .venv/bin/python scripts/make_heldout7_corpus.py [--check]
  --check: only verify that the shipped files equal a fresh rendering.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout7"
PAGES = {
    "resolv.conf.5.txt": "/usr/share/man/man5/resolv.conf.5.gz",
    "logind.conf.5.txt": "/usr/share/man/man5/logind.conf.5.gz",
    "login.defs.5.txt": "/usr/share/man/man5/login.defs.5.gz",
    "journald.conf.5.txt": "/usr/share/man/man5/journald.conf.5.gz",
    "nsswitch.conf.5.txt": "/usr/share/man/man5/nsswitch.conf.5.gz",
}


def render(page: str) -> str:
    env = {**os.environ, "MANWIDTH": "90"}
    raw = subprocess.run(["man", "--nh", "--nj", "-P", "cat", page], env=env, capture_output=True, check=True).stdout
    return subprocess.run(["col", "-bx"], input=raw, capture_output=True, check=True).stdout.decode("utf-8")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--check", action="store_true")
    args = p.parse_args()
    return write_or_check({name: render(page) for name, page in PAGES.items()}, OUT, args.check)


def write_or_check(texts: dict[str, str], out_dir: Path, check: bool) -> int:
    """Write each rendered page to `out_dir`, or (check) compare it with the shipped file; 1 on a difference."""
    bad = 0
    for name, text in texts.items():
        out = out_dir / name
        if check:
            ok = out.exists() and out.read_text() == text
            bad += not ok
            print(("ok  " if ok else "DIFF") + f" {name}")
        else:
            out.write_text(text)
            print(f"wrote {name} ({len(text):,} chars)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
