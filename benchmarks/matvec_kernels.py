"""Time one token's matrix-vector product for each projection shape of the bundled SmolLM2-135M, with the
weight formats a decode step can use (int4 groups of 32 and int8 per row: torch's CPU kernels that
core/models/fast_llama.py uses; bfloat16 and float32 F.linear), so a CPU's kernels can be compared
without the rest of the decode step.

    .venv/bin/python benchmarks/matvec_kernels.py --threads 2 [--batch 8]

`--batch B`: B rows per call, as in a decode step of B requests (the generation engine); per-stream
cost is the figure divided by B. Weights are random (the time does not depend on their values). Take figures on an idle machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.models.fast_llama import Int4Linear, Int8Linear  # noqa: E402

# (out_features, in_features, times per token) for SmolLM2-135M: 30 layers, hidden 576, MLP 1536, vocab 49152
SHAPES = {"qkv (fused)": (960, 576, 30), "o": (576, 576, 30), "gate+up (fused)": (3072, 576, 30),
          "down": (576, 1536, 30), "output (vocab)": (49152, 576, 1)}


def microseconds(fn, x: torch.Tensor, calls: int) -> float:
    for _ in range(max(5, calls // 40)):
        fn(x)
    start = time.perf_counter()
    for _ in range(calls):
        fn(x)
    return (time.perf_counter() - start) / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--calls", type=int, default=2000, help="calls per timing (a tenth for the vocab matrix)")
    parser.add_argument("--batch", type=int, default=1, help="rows per call (requests in one decode step)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    formats = ("int4", "int8", "bf16", "fp32")
    totals = dict.fromkeys(formats, 0.0)
    print(f"threads={args.threads}  rows per call={args.batch}  microseconds per call (per step: x times per step)")
    print("| projection | shape | " + " | ".join(formats) + " |")
    print("|---|---|" + "---:|" * len(formats))
    for name, (rows, cols, per_token) in SHAPES.items():
        weight = torch.randn(rows, cols) * 0.02
        x16 = torch.randn(args.batch, cols, dtype=torch.bfloat16)
        weight16 = weight.bfloat16()
        calls = args.calls // 10 if rows > 10_000 else args.calls
        kernels = {"int4": (Int4Linear(weight), x16), "int8": (Int8Linear(weight), x16),
                   "bf16": (lambda x, w=weight16: F.linear(x, w), x16),
                   "fp32": (lambda x, w=weight: F.linear(x, w), x16.float())}
        row = {fmt: microseconds(fn, x, calls) for fmt, (fn, x) in kernels.items()}
        for fmt in formats:
            totals[fmt] += row[fmt] * per_token
        print(f"| {name} | {rows}x{cols} (x{per_token}) | " + " | ".join(f"{row[f]:.1f}" for f in formats) + " |")
    print("| **all projections of one step, ms** | | " + " | ".join(f"{totals[f] / 1000:.2f}" for f in formats) + " |")


if __name__ == "__main__":
    main()
