"""Build the sixth held-out RAG corpus: five documentation texts Debian installs under /usr/share/doc.

Each file is copied verbatim (gzip-decompressed where Debian compressed it) to
assets/rag_corpus_heldout6/<name>. The five are fixed below; SOURCES.md lists the Debian package
versions they came from and their licences. None of these projects is named by another QA set.

Usage: .venv/bin/python scripts/make_heldout6_corpus.py [--doc-root /usr/share/doc] [--check]
  --check: only verify that the shipped files equal the installed documents.
"""
import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout5_corpus import copy_or_check  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout6"
FILES = {"zlib_faq.txt": "zlib1g-dev/FAQ.gz",
         "dpkg_triggers.txt": "dpkg/spec/triggers.txt",
         "libffi.md": "libffi8/README.md.gz",
         "libjpeg_turbo.md": "libjpeg-dev/README.md.gz",
         "krb5_release_notes.txt": "libkrb5-3/README.gz"}


def read(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--doc-root", type=Path, default=Path("/usr/share/doc"))
    p.add_argument("--check", action="store_true")
    args = p.parse_args()
    bad = sum(not copy_or_check(OUT / name, read(args.doc_root / rel), rel, args.check) for name, rel in FILES.items())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
