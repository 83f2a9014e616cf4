"""Resident memory of the RAG chain over repeated distinct questions, in one process (#15).

    GENAI_DATA_DIR=/tmp/mem-data .venv/bin/python benchmarks/chain_memory.py abstractive 20
    GENAI_LLM_MAX_BATCH=1 GENAI_DATA_DIR=/tmp/mem-data .venv/bin/python benchmarks/chain_memory.py abstractive 20

Ingests the sample corpus into collection "sample" (once), asks two warm-up questions, then
N distinct questions (24 new tokens each), printing RSS and tracemalloc's traced Python
memory every 5, and the call sites whose Python allocations grew most.
"""
from __future__ import annotations

import gc
import sys
import tracemalloc
from pathlib import Path

from core.models.sampling import SamplingParams
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

WORDS = ["widget", "ledger", "license", "warranty", "amendment", "python", "senators", "village", "oil", "errors",
         "apps", "studio", "BSD", "ISC", "MIT", "Zanzibar", "Marmot", "record", "weights", "grade"]


def rss_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) // 1024


def question(i: int) -> str:
    return f"What does the corpus say about {WORDS[i % len(WORDS)]} and {WORDS[(i * 7 + 3) % len(WORDS)]} (question {i})?"


def main() -> int:
    mode, n = sys.argv[1], int(sys.argv[2])
    col = open_collection("sample")
    if col.count() == 0:
        col.ingest(sorted(p for p in (Path(__file__).resolve().parents[1] / "assets/rag_corpus").iterdir() if p.is_file()))
    print("chunks", col.count(), "rss MB", rss_mb(), flush=True)

    def ask(i: int) -> None:
        RagChain("sample", answer_mode=mode, params=SamplingParams(max_new_tokens=24)).ask(question(i))

    ask(999)
    ask(998)  # warm-up: models and scanners load
    gc.collect()
    tracemalloc.start(25)
    before = tracemalloc.take_snapshot()
    for i in range(n):
        ask(i)
        if i % 5 == 4:
            gc.collect()
            print(i + 1, "questions, rss MB", rss_mb(), "traced MB",
                  round(tracemalloc.get_traced_memory()[0] / 1e6, 1), flush=True)
    for stat in tracemalloc.take_snapshot().compare_to(before, "traceback")[:6]:
        print(stat.size_diff // 1024, "KB in", stat.count_diff, "blocks")
        print("   " + "\n   ".join(stat.traceback.format()[-6:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
