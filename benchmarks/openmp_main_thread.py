"""A FastLlama decode step timed in worker threads, before and after the main thread runs torch's parallel work.

Why (#15): the generation engine decodes in its own thread. With GNU OpenMP (torch's CPU wheel), once the
process's main thread has run a parallel region, every other thread's steps slow down; the chat model is
therefore loaded off the main thread (core/models/openmp_threads.py). This prints ms per step for: thread
A loads the model, threads B and C decode, then the main thread decodes, then thread D.

    .venv/bin/python benchmarks/openmp_main_thread.py [--threads 2]
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    state = {}

    def load():
        from core.models.chat import LocalChatModel

        chat = LocalChatModel("bundled", max_batch=1)
        state["fast"] = chat.fast
        state["ids"] = chat.tokenizer("Tell me a long story about a lighthouse keeper.", return_tensors="pt")["input_ids"][0]

    def bench(where: str):
        fast, ids = state["fast"], state["ids"]
        cache = fast.new_cache(256)
        fast.prefill(ids, cache)
        pos = ids.numel()
        for _ in range(5):
            fast.step(100, cache, pos)
        start = time.perf_counter()
        for i in range(40):
            fast.step(100, cache, pos + i)
        print(f"| {where} | {(time.perf_counter() - start) / 40 * 1e3:.1f} |", flush=True)

    def in_thread(fn, *fn_args):
        worker = threading.Thread(target=fn, args=fn_args)
        worker.start()
        worker.join()

    print(f"| where the step runs ({args.threads} torch threads) | ms per decode step |\n|---|---:|")
    in_thread(load)
    in_thread(bench, "thread B (thread A loaded the model; the main thread has run nothing)")
    in_thread(bench, "thread C")
    bench("main thread (its first parallel region)")
    in_thread(bench, "thread D, after the main thread ran")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
