"""Text-to-image with several visitors at once: shared pipeline calls vs one request at a time.

    taskset -c 1 env GENAI_THREADS=1 python benchmarks/text2image_concurrency.py \
        [--visitors 1,4,8] [--requests 3] [--steps 25] [--max-images 8] [--sweep 4,8,16]

Each visitor generates --requests images one after another (its own prompt and seed, no think
time) while the others do the same. "serial" is the old path (GENAI_IMAGE_BATCH_IMAGES=1: one
request per pipeline call); "batched" lets waiting requests share a call (core.diffusion.batcher)
up to --max-images images. Both run in the same process on the shipped model, alternating.
Prints aggregate images/s, median and p95 latency per request, images per pipeline call, and
the load average (the figures are only comparable within one run).
--sweep: with 2x the largest batch of visitors, images/s for each bound on images per call.
--window-sweep: with 1 and 4 visitors, the batched path for each window (ms) a request
reaching an idle model waits for company.
"""
from __future__ import annotations

import argparse
import os
import statistics
import threading
import time

from core.diffusion.batcher import Batcher
from core.diffusion.generate import ImageRequest, generate
from core.diffusion.pipeline import load_pipeline

PROMPTS = ["a large red circle in the center on a blue background",
           "a small green square in the top left on a white background",
           "a blue triangle on a yellow background",
           "a purple star in the bottom right on a black background",
           "a big white triangle on a green background",
           "a tiny orange square at the bottom on a gray background",
           "a yellow circle in the top right on a purple background",
           "a small black circle on the left on a white background"]


def run(loaded, visitors: int, requests: int, steps: int, max_images: int, window_ms: float) -> dict:
    batcher = Batcher(loaded, max_images=max_images, window_s=window_ms / 1000)
    latencies: list[float] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def visitor(v: int) -> None:
        for r in range(requests):
            req = ImageRequest(prompt=PROMPTS[(v + r) % len(PROMPTS)], seed=1000 * v + r, steps=steps)
            t0 = time.perf_counter()
            try:
                generate(req, loaded=loaded, batcher=batcher)
            except Exception as e:  # counted, never hidden
                with lock:
                    errors.append(e)
                continue
            with lock:
                latencies.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=visitor, args=(v,)) for v in range(visitors)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {"images_s": len(lat) / wall, "median_s": statistics.median(lat),
            "p95_s": lat[min(len(lat) - 1, int(0.95 * len(lat)))], "per_call": statistics.mean(batcher.calls),
            "calls": len(batcher.calls), "errors": len(errors), "wall_s": wall}


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visitors", default="1,4,8")
    ap.add_argument("--requests", type=int, default=3, help="images each visitor generates, one after another")
    ap.add_argument("--steps", type=int, default=25)
    ap.add_argument("--max-images", type=int, default=8)
    ap.add_argument("--window-ms", type=float, default=20)
    ap.add_argument("--sweep", default="", help="bounds on images per call to compare, e.g. 4,8,16")
    ap.add_argument("--window-sweep", default="", help="windows in ms to compare, e.g. 0,5,20,50")
    args = ap.parse_args()
    loaded = load_pipeline("bundled")
    generate(ImageRequest(prompt=PROMPTS[0], seed=0, steps=2), loaded=loaded, batcher=Batcher(loaded, 1, 0))  # warm
    print(f"shipped model {loaded.name}, {args.steps} steps, guidance on; torch threads "
          f"{__import__('torch').get_num_threads()}; {load()} at start\n")
    print("| visitors | path | images/s | median latency s | p95 latency s | images per call | errors | load |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for n in [int(x) for x in args.visitors.split(",")]:
        rows = {}
        for path, bound in (("serial", 1), ("batched", args.max_images)):
            r = rows[path] = run(loaded, n, args.requests, args.steps, bound, args.window_ms)
            print(f"| {n} | {path} (max {bound}) | {r['images_s']:.2f} | {r['median_s']:.2f} | {r['p95_s']:.2f} | "
                  f"{r['per_call']:.1f} | {r['errors']} | {load()} |", flush=True)
        print(f"| {n} | batched / serial | {rows['batched']['images_s'] / rows['serial']['images_s']:.2f}x | "
              f"{rows['batched']['median_s'] / rows['serial']['median_s']:.2f}x | | | | |", flush=True)
    if args.window_sweep:
        print(f"\nWindow for company, batched (max {args.max_images}), {args.requests} images per visitor:\n")
        print("| window ms | visitors | images/s | median latency s | p95 latency s | images per call | load |")
        print("|---:|---:|---:|---:|---:|---:|---|")
        for w in [float(x) for x in args.window_sweep.split(",")]:
            for n in (1, 4):
                r = run(loaded, n, args.requests, args.steps, args.max_images, w)
                print(f"| {w:g} | {n} | {r['images_s']:.2f} | {r['median_s']:.2f} | {r['p95_s']:.2f} | "
                      f"{r['per_call']:.1f} | {load()} |", flush=True)
    if args.sweep:
        n = 2 * max(int(x) for x in args.sweep.split(","))
        print(f"\nBound on images per call, {n} visitors x {args.requests} images:\n")
        print("| max images per call | images/s | median latency s | p95 latency s | images per call | load |")
        print("|---:|---:|---:|---:|---:|---|")
        for bound in [int(x) for x in args.sweep.split(",")]:
            r = run(loaded, n, args.requests, args.steps, bound, args.window_ms)
            print(f"| {bound} | {r['images_s']:.2f} | {r['median_s']:.2f} | {r['p95_s']:.2f} | {r['per_call']:.1f} | "
                  f"{load()} |", flush=True)


if __name__ == "__main__":
    main()
