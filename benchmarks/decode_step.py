"""Time one batched decode step of the bundled model, by batch size and context length, for the decode
attention this CPU uses and the per-request float32 attention beside it (same process, same weights).

    .venv/bin/python benchmarks/decode_step.py --threads 2 --contexts 40 700

The float32 per-request path is what a CPU without native bfloat16 runs (and what every CPU ran before
the fused bfloat16 attention); on such a CPU both rows are that path. Keys and values are random: the
time of a step does not depend on their values. Take figures on an idle machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.models.batched_decode import BatchKVCache, batched_step  # noqa: E402
from core.models.chat import LocalChatModel  # noqa: E402


def step_ms(fast, batch: int, context: int, steps: int, runs: int) -> float:
    cache = BatchKVCache(fast, batch)
    cache.ensure(context + batch * 10 + steps + 1)
    for layer_k, layer_v in zip(cache.k, cache.v):
        layer_k.normal_()
        layer_v.normal_()
    tokens = [100 + b for b in range(batch)]
    positions = [context + b * 10 for b in range(batch)]  # requests of slightly different lengths
    batched_step(fast, cache, tokens, positions)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(steps):
            batched_step(fast, cache, tokens, positions)
        times.append((time.perf_counter() - t) / steps * 1000)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=int(os.environ.get("GENAI_THREADS", "0")))
    p.add_argument("--contexts", type=int, nargs="+", default=[40, 700])
    p.add_argument("--batches", type=int, nargs="+", default=[1, 2, 4, 8])
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    fast = LocalChatModel(max_batch=1).fast
    native = (fast.cache_dtype, fast.fused_decode_attention)
    paths = {f"{str(native[0]).removeprefix('torch.')} cache, "
             f"{'fused' if native[1] else 'per-request'} attention (this CPU's)": native,
             "float32 cache, per-request attention": (torch.float32, False)}
    print(f"decode step of the bundled model ({fast.quantized}), torch threads {torch.get_num_threads()}, "
          f"median of {args.runs} x {args.steps} steps, load {os.getloadavg()[0]:.1f}")
    print()
    last = args.batches[-1]
    print("| attention | context | " + " | ".join(f"{b} req. ms" for b in args.batches) +
          f" | tokens/s at {last} vs 1 | per request at {last} vs 1 |")
    print("|---|---:|" + "---:|" * len(args.batches) + "---:|---:|")
    for context in args.contexts:
        for name, (dtype, fused) in paths.items():
            fast.cache_dtype, fast.fused_decode_attention = dtype, fused
            ms = [step_ms(fast, b, context, args.steps, args.runs) for b in args.batches]
            per_request = ms[0] / ms[-1]
            print(f"| {name} | {context} | " + " | ".join(f"{m:.1f}" for m in ms) +
                  f" | {per_request * last / args.batches[0]:.2f}x | {per_request:.2f}x |")
    fast.cache_dtype, fast.fused_decode_attention = native
    return 0


if __name__ == "__main__":
    sys.exit(main())
