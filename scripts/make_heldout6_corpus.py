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
    bad = 0
    for name, rel in FILES.items():
        body, target = read(args.doc_root / rel), OUT / name
        if args.check:
            same = target.read_text(encoding="utf-8") == body
            bad += not same
            print(("ok  " if same else "DIFF") + f" {name} ({rel})")
        else:
            target.write_text(body, encoding="utf-8")
            print(f"{name}\t{rel}\t{len(body)} chars")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
