"""#18 round 35, rule 5: what the passage model adds to one injection scan of a long document, CPU time.

For docs/safety.md's first 20,000 characters (flagged by the rules) and a benign 20,000-character document (the
first 20,000 characters of assets/rag_corpus_long/python_reference.txt), and a 1,000-character chunk of each: the
scan with injection.PASSAGE_MODEL off and on (median of --repeat scans, alternating), whether the model ran inside
the scan, and the model's own time on the whole text.

    PYTHONPATH=. python benchmarks/safety_round35_cost.py [--repeat 15]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.safety import injection  # noqa: E402
from core.safety.injection import InjectionScanner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def cpu_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    scanner = InjectionScanner("static")
    docs = {"docs/safety.md": (ROOT / "docs" / "safety.md").read_text(encoding="utf-8"),
            "python_reference.txt": (ROOT / "assets" / "rag_corpus_long" / "python_reference.txt").read_text(
                encoding="utf-8")}
    calls = []
    reading = scanner.passages.reading
    scanner.passages.reading = lambda text: calls.append(len(text)) or reading(text)
    print("| text | scan, model off (ms CPU) | scan, model on | model ran in the scan | model alone |")
    print("|---|---|---|---|---|")
    for name, doc in docs.items():
        for size in (20_000, 1_000):
            text = doc[:size]
            scanner.scan(text)  # warm
            off, on = [], []
            for _ in range(2):
                injection.PASSAGE_MODEL = False
                off.append(cpu_ms(lambda: scanner.scan(text), args.repeat))
                injection.PASSAGE_MODEL = True
                calls.clear()
                on.append(cpu_ms(lambda: scanner.scan(text), args.repeat))
            ran = bool(calls)
            alone = cpu_ms(lambda: reading(text), args.repeat)
            print(f"| {name}, first {size:,} characters | {statistics.mean(off):.1f} | {statistics.mean(on):.1f} | "
                  f"{'yes' if ran else 'no'} | {alone:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
