"""`python -m core ingest --collection NAME [--json] PATH...` (a folder means its supported files)."""
from __future__ import annotations

import sys
from pathlib import Path

from core.cli._output import print_json
from core.retrieval.loaders import SUFFIXES


def register(sub) -> None:
    p = sub.add_parser("ingest", help="add documents (PDF, DOCX, Markdown, HTML, text) to a collection")
    p.add_argument("paths", metavar="PATH", nargs="+", help="files, or folders to read the supported files of")
    p.add_argument("--collection", required=True, help="collection (workspace) name")
    p.add_argument("--chunk-size", type=int, default=None, help="characters per chunk (GENAI_CHUNK_SIZE)")
    p.add_argument("--chunk-overlap", type=int, default=None, help="overlap (GENAI_CHUNK_OVERLAP)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=run)


def expand(paths: list[str]) -> list[Path]:
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(path)  # a missing file is reported per file by the collection
    return out


def run(args) -> int:
    from core.retrieval.collection import open_collection

    files = expand(args.paths)
    if not files:
        raise ValueError(f"no supported files in {args.paths}")
    report = open_collection(args.collection).ingest(
        files, chunk_size=args.chunk_size, chunk_overlap=args.chunk_overlap)
    if args.json:
        print_json(report.to_dict())
    else:
        for f in report.files:
            detail = f.message or f"{f.chunks} chunks"
            print(f"{f.status:9} {f.name}: {detail}")
        print(f"{report.chunks_added} chunks added to {args.collection} in {report.seconds:.1f} s")
    if not report.ok:
        print("some files were not ingested (see above)", file=sys.stderr)
        return 1
    return 0
