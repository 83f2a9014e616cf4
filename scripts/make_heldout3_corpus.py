"""Renders the third held-out RAG corpus (assets/rag_corpus_heldout3/) from pydoc, offline.

`python -m pydoc MODULE` for five standard-library modules, trimmed to the documented API:
inherited-member listings (repeated from builtins in every exception class), the machine's
FILE path and the generic "automatically generated" notice are dropped; the rest is verbatim.
Run: .venv/bin/python scripts/make_heldout3_corpus.py
"""
import re
import subprocess
import sys
from pathlib import Path

MODULES = ("json", "shutil", "subprocess", "textwrap", "zipfile")
OUT = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout3"
# a block inside a class listing that only repeats what a base class documents
INHERITED = re.compile(r"^\s*\|\s+(Methods|Data descriptors|Data and other attributes|Class methods|"
                       r"Static methods|Readonly properties) inherited from|^\s*\|\s+Method resolution order:")
SEPARATOR = re.compile(r"^\s*\|\s+-{20,}")
TOP_SECTION = re.compile(r"^[A-Z][A-Z ]+$")


def trim(text: str) -> str:
    out, skipping, section = [], False, ""
    for line in text.splitlines():
        if TOP_SECTION.match(line):
            section = line
        if section in ("FILE", "MODULE REFERENCE"):
            continue  # a path on this machine; boilerplate about pydoc
        if INHERITED.match(line):
            skipping = True
            continue
        if skipping:
            if SEPARATOR.match(line) or not line.startswith("    ") or re.match(r"^    class ", line):
                skipping = False
                if SEPARATOR.match(line):
                    continue
            else:
                continue
        out.append(line.rstrip())
    text = re.sub(r" at 0x[0-9a-f]+>", ">", "\n".join(out))  # memory addresses differ per run
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in MODULES:
        text = subprocess.run([sys.executable, "-m", "pydoc", name], capture_output=True, text=True,
                              check=True, env={"PAGER": "cat", "MANPAGER": "cat"}).stdout
        (OUT / f"{name}.pydoc.txt").write_text(trim(text))
        print(name, len(text), "->", len(trim(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
