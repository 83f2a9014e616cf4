"""`python -m core search --collection NAME [--k K] [--mode vector|bm25|hybrid] [--json] QUERY`.

QUERY '-' reads one query per stdin line and prints one JSON line per query.
"""
from __future__ import annotations

import sys

from core.cli._output import print_json


def register(sub) -> None:
    p = sub.add_parser("search", help="find the chunks of a collection that best match QUERY")
    p.add_argument("query", metavar="QUERY", help="the query ('-' = one query per stdin line, JSON lines out)")
    p.add_argument("--collection", required=True)
    p.add_argument("--k", type=int, default=None, help="results per query (GENAI_RETRIEVAL_K)")
    p.add_argument("--mode", choices=("vector", "bm25", "hybrid"), default=None,
                   help="retrieval mode (GENAI_RETRIEVAL_MODE)")
    p.add_argument("--source", action="append", default=None, help="only this document (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _result(hits) -> list[dict]:
    return [{"text": h.text, "source": h.source, "page": h.page, "score": round(h.score, 6),
             "scores": h.scores, "id": h.id} for h in hits]


def run(args) -> int:
    from core.retrieval.collection import existing_collection
    from core.retrieval.hybrid import search

    col = existing_collection(args.collection)
    if args.query == "-":
        for line in sys.stdin:
            query = line.strip()
            if not query:
                continue
            print_json({"query": query, "results": _result(search(col, query, args.k, args.mode, args.source))})
        return 0
    hits = search(col, args.query, args.k, args.mode, args.source)
    if args.json:
        print_json({"query": args.query, "results": _result(hits)})
        return 0
    for n, h in enumerate(hits, start=1):
        snippet = " ".join(h.text.split())[:160]
        print(f"{n}. {h.source} p.{h.page}  score={h.score:.4f}\n   {snippet}")
    if not hits:
        print("no results")
    return 0
