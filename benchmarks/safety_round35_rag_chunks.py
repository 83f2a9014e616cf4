"""#18 round 35: what the passage model costs the chatbot's own documents. Every Markdown and text file of the RAG
QA corpora (assets/rag_corpus*, SOURCES.md files left out) is chunked as the chatbot ingests it
(benchmarks/doc_chunks.chunks, default size and overlap) and scanned for injection with the passage model on and
off (injection.PASSAGE_MODEL): flagged chunks per corpus, and every chunk only the passage model flags, printed.

    PYTHONPATH=. python benchmarks/safety_round35_rag_chunks.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.doc_chunks import chunks  # noqa: E402
from benchmarks.safety_round_harness import scan_without_and_with_passage_model  # noqa: E402
from core.safety.injection import InjectionScanner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    scanner = InjectionScanner("static")
    print("| corpus | chunks | flagged, passage model off | flagged, on |\n|---|---|---|---|")
    total = [0, 0, 0]
    added = []
    for corpus in sorted(ROOT.glob("assets/rag_corpus*")):
        files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "SOURCES.md")
        n = off = on = 0
        for f in files:
            for c in chunks(f.name, f.read_text(encoding="utf-8", errors="replace")):
                n += 1
                a, b = scan_without_and_with_passage_model(scanner, c)
                off += a.score >= 0.5
                on += b.score >= 0.5
                if b.score >= 0.5 > a.score:
                    added.append((corpus.name, f.name, b.reasons, c[:300]))
        print(f"| {corpus.name} | {n} | {off} | {on} |", flush=True)
        total = [total[0] + n, total[1] + off, total[2] + on]
    print(f"| all | {total[0]} | {total[1]} | {total[2]} |")
    for a in added:
        print("ADDED", *a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
