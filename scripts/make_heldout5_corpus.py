"""Build the fifth held-out RAG corpus: the Markdown READMEs five Python packages ship.

Each package's long description (the body of its installed `*.dist-info/METADATA`, after the
header block) is copied verbatim to assets/rag_corpus_heldout5/<package>.md. The packages are
fixed below; their versions are the ones installed in the project's venv (SOURCES.md lists them).

Usage: .venv/bin/python scripts/make_heldout5_corpus.py [--site-packages DIR] [--check]
  --check: only verify that the shipped files equal the installed METADATA bodies.
"""
import argparse
import email
import sys
import sysconfig
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout5"
PACKAGES = ("threadpoolctl", "python_dotenv", "annotated_types", "narwhals", "ml_dtypes")


def long_description(site: Path, package: str) -> tuple[str, str, str]:
    """(version, licence, body) of an installed package's METADATA."""
    (meta,) = site.glob(f"{package}-*.dist-info/METADATA")
    msg = email.message_from_string(meta.read_text(encoding="utf-8"))
    licence = msg.get("License-Expression") or msg.get("License") or ""
    return msg["Version"], (licence.strip().splitlines() or [""])[0], msg.get_payload()


def main(out: Path = OUT, packages: tuple[str, ...] = PACKAGES) -> int:
    """Copy (or with --check, compare) each package's long description to out/<package>.md."""
    p = argparse.ArgumentParser()
    p.add_argument("--site-packages", type=Path, default=Path(sysconfig.get_paths()["purelib"]))
    p.add_argument("--check", action="store_true")
    args = p.parse_args()
    bad = 0
    for package in packages:
        version, licence, body = long_description(args.site_packages, package)
        bad += not copy_or_check(out / f"{package}.md", body, f"{package} {version}", args.check, licence)
    return 1 if bad else 0


def copy_or_check(target: Path, body: str, origin: str, check: bool, note: str = "") -> bool:
    """Write body to target, or with check=True compare them; False when they differ."""
    if check:
        same = target.read_text(encoding="utf-8") == body
        print(("ok  " if same else "DIFF") + f" {target.name} ({origin})")
        return same
    target.write_text(body, encoding="utf-8")
    print("\t".join([target.name, origin] + ([note] if note else []) + [f"{len(body)} chars"]))
    return True


if __name__ == "__main__":
    sys.exit(main())
