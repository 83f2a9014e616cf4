"""Benchmark the shipped text-to-image model: prompt adherence and speed.

    python benchmarks/text2image.py [--n 48] [--schedulers ddim,euler,dpm++] [--runs 5]

Adherence: images generated for captions the model never saw, judged by core.diffusion.judge:
  - held-out phrasings: training scenes described with sentence templates never used in training;
  - held-out combinations: (colour, shape, position) triples never shown in training.
Speed: median seconds for one 25-step image (guidance on, so two UNet rows per step) and per
step, against the named peer measured in the same run: the same UNet sampled with DDPM's
1000 ancestral steps (the sampler of the training schedule).
Targets from the issue: colour >= 90%, position >= 85%, shape >= 75%, 25 steps <= 1 s.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

import torch

from core.diffusion import dataset  # noqa: E402
from core.diffusion.judge import ATTRIBUTES, judge  # noqa: E402
from core.diffusion.pipeline import load_pipeline, make_scheduler  # noqa: E402

TARGETS = {"colour": 0.90, "position": 0.85, "shape": 0.75}


def held_out_sets(n: int, seed: int = 0) -> dict[str, list[tuple[dataset.Scene, str]]]:
    rng = random.Random(seed)
    phr = [(s, s.caption(rng.choice(dataset.HELDOUT_TEMPLATES))) for s in rng.sample(dataset.train_scenes(), n)]
    combo = [(s, s.caption(rng.choice(dataset.TRAIN_TEMPLATES))) for s in rng.sample(dataset.heldout_scenes(), n)]
    return {"held-out phrasings": phr, "held-out combinations": combo}


def adherence(pipe, items, steps: int, guidance: float, batch: int = 16) -> dict[str, float]:
    hits = {a: 0 for a in ATTRIBUTES}
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        gens = [torch.Generator().manual_seed(1000 + i + k) for k in range(len(chunk))]
        images = pipe([c for _, c in chunk], num_inference_steps=steps, guidance_scale=guidance, generator=gens).images
        for image, (scene, _) in zip(images, chunk):
            for a, ok in judge(image, scene).items():
                hits[a] += ok
    return {a: hits[a] / len(items) for a in ATTRIBUTES}


def time_one(pipe, steps: int, runs: int, guidance: float) -> float:
    times = []
    prompt = "a small blue triangle in the bottom right on a yellow background"
    pipe(prompt, num_inference_steps=2, guidance_scale=guidance)  # warm-up (encoder load, allocations)
    for r in range(runs):
        t0 = time.perf_counter()
        pipe(prompt, num_inference_steps=steps, guidance_scale=guidance, generator=torch.Generator().manual_seed(r))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="bundled", help="pipeline to judge: bundled, a folder (e.g. a training checkpoint) or a Hub id")
    ap.add_argument("--n", type=int, default=48, help="images per held-out set (per scheduler)")
    ap.add_argument("--schedulers", default="ddim,euler,dpm++")
    ap.add_argument("--steps", type=int, default=25)
    ap.add_argument("--guidance", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=5, help="timed runs for the 25-step median")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1 = fastest on a shared 2-core box)")
    ap.add_argument("--peer-steps", type=int, default=1000, help="DDPM steps of the peer (0 = skip)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    loaded = load_pipeline(args.model)
    pipe, base = loaded.pipe, loaded.base_scheduler_config
    sets = held_out_sets(args.n)
    print(f"model {loaded.name}: {sum(p.numel() for p in pipe.unet.parameters()) / 1e6:.2f}M-parameter UNet, "
          f"{pipe.image_size}x{pipe.image_size}, torch threads {torch.get_num_threads()}, "
          f"{args.steps} steps, guidance {args.guidance}, {args.n} images per set\n")
    print(f"{'scheduler':<10} {'set':<24} " + " ".join(f"{a:>10}" for a in ATTRIBUTES))
    summary = {}
    for name in args.schedulers.split(","):
        pipe.scheduler = make_scheduler(name, base)
        for set_name, items in sets.items():
            acc = adherence(pipe, items, args.steps, args.guidance)
            summary[(name, set_name)] = acc
            print(f"{name:<10} {set_name:<24} " + " ".join(f"{acc[a]:>9.0%} " for a in ATTRIBUTES), flush=True)
    print("\ntargets: " + ", ".join(f"{a} >= {t:.0%}" for a, t in TARGETS.items()))

    print(f"\n{'sampler':<34} {'steps':>6} {'s/image':>9} {'ms/step':>9} {'vs ours':>9}")
    rows = []
    for name in args.schedulers.split(","):
        pipe.scheduler = make_scheduler(name, base)
        t = time_one(pipe, args.steps, args.runs, args.guidance)
        rows.append((f"ours: {name}", args.steps, t))
    if args.peer_steps:
        from diffusers import DDPMScheduler

        pipe.scheduler = DDPMScheduler.from_config(base)
        t = time_one(pipe, args.peer_steps, 1, args.guidance)
        rows.append(("peer: same UNet, DDPM ancestral", args.peer_steps, t))
    ref = rows[0][2]
    for label, steps, t in rows:
        print(f"{label:<34} {steps:>6} {t:>9.3f} {1000 * t / steps:>9.1f} {t / ref:>8.1f}x")


if __name__ == "__main__":
    main()
