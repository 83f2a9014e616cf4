"""Build the "dev readme" TUNING corpus: the Markdown READMEs five other Python packages ship.

Each package's long description (the body of its installed `*.dist-info/METADATA`, after the
header block) is copied verbatim to assets/rag_corpus_dev_readme/<package>.md. The packages are
fixed below; their versions are the ones installed in the project's venv (SOURCES.md lists them).

Usage: .venv/bin/python scripts/make_devreadme_corpus.py [--site-packages DIR] [--check]
  --check: only verify that the shipped files equal the installed METADATA bodies.
"""
import sys
from pathlib import Path

from make_heldout5_corpus import main  # the same copying and checking, other packages and folder

OUT = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_dev_readme"
PACKAGES = ("mmh3", "typer", "orjson", "aiohttp_retry", "bm25s")

if __name__ == "__main__":
    sys.exit(main(OUT, PACKAGES))
