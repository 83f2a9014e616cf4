"""Context-stage latency per retrieved chunk (PII + injection, the scanners the RAG chain runs on each chunk).

    PYTHONPATH=<checkout> GENAI_THREADS=1 taskset -c 1 python benchmarks/safety_context_latency.py [--repeat 3]

Chunks: the long-document corpus (assets/rag_corpus_long) cut as ingested (1000/200). Prints wall and
CPU p50 / p95 in ms and which `core` was timed; run once per checkout, back to back, to compare.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, chunks  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import core
    from core.safety.policy import Policy, get_scanner

    policy = Policy(audit=False)
    scanners = [get_scanner(n, policy) for n in policy.stages["context"]]
    texts = [c for f in sorted((ROOT / "assets" / "rag_corpus_long").glob("*.txt"))
             for c in chunks(f.name, f.read_text(encoding="utf-8"))]
    for s in scanners:
        s.scan("warm up")
    wall, cpu = [], []
    for _ in range(args.repeat):
        for t in texts:
            w0, c0 = time.perf_counter(), time.process_time()
            for s in scanners:
                s.scan(t)
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    print(f"core {Path(core.__file__).parent}; {len(texts)} chunks x {args.repeat}; load {os.getloadavg()[0]:.1f}")
    print(f"context stage ms: wall p50 {np.percentile(wall, 50):.2f} p95 {np.percentile(wall, 95):.2f} | "
          f"CPU p50 {np.percentile(cpu, 50):.2f} p95 {np.percentile(cpu, 95):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
