"""How often the judge's shape class is right, old rule ("fill") against new ("coverage").

    python benchmarks/text2image_judge_check.py [--pairs 600] [--seed 0]

Ground truth is exact: every one-object scene (core.diffusion.dataset.all_scenes: all
colours, shapes, positions, sizes and backgrounds) is drawn by dataset.render, and
`--pairs` two-object scenes by pair_dataset.render_pair. Each is judged twice:
  - exact: the render with a random sub-pixel jitter of up to 1.5 px (1 px for pairs);
  - degraded like model output: the same jitter, a Gaussian blur of sigma 0.4-0.9 px, the
    shapes faded towards the background to 60-100 % of their contrast, and Gaussian noise
    of 6 levels of 255 per channel.
Printed: the share of images whose shape class the judge gets right, per true shape and
size, of all images and of those where the judge found the object in its colour (the
degradation's fading makes some shapes read as another palette colour; that is not the
shape rule's doing), with core.diffusion.judge.SHAPE_RULE = "fill" (the rule before #19 round 5: a
square fills > 0.89 of its bounding box) and = "coverage" (the shape's coverage compared
with an ideal square and circle of its centre and area), and the other attributes'
accuracy with the new rule (they do not depend on it).
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

import numpy as np
from scipy import ndimage

from core.diffusion import dataset, judge, pair_dataset, pair_judge

RULES = ("fill", "coverage")


def degrade(image, background: str, rng: random.Random) -> np.ndarray:
    """Blur, fade towards the background and add noise, as the model's images differ from renders."""
    rgb = np.asarray(image, dtype=np.float32)
    sigma = rng.uniform(0.4, 0.9)
    rgb = np.stack([ndimage.gaussian_filter(rgb[..., k], sigma, mode="nearest") for k in range(3)], -1)
    bg = np.array(dataset.COLOURS[background], dtype=np.float32)
    rgb = bg + (rgb - bg) * rng.uniform(0.6, 1.0)
    noise = np.random.default_rng(rng.randrange(2 ** 31)).normal(0, 6, rgb.shape)
    return np.clip(rgb + noise, 0, 255).astype(np.uint8)


def one_object(seed: int) -> dict:
    """{(condition, rule, shape, size): [right, total]} and {(condition, attribute): [right, total]}."""
    rng = random.Random(seed)
    shape_hits: dict = defaultdict(lambda: [0, 0, 0, 0])
    other: dict = defaultdict(lambda: [0, 0])
    for scene in dataset.all_scenes():
        jitter = (rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5))
        exact = dataset.render(scene, 32, jitter)
        for condition, image in (("exact", exact), ("degraded", degrade(exact, scene.background, rng))):
            for rule in RULES:
                judge.SHAPE_RULE = rule
                verdict = judge.judge(image, scene)
                _count(shape_hits[(condition, rule, scene.shape, scene.size)], verdict["shape"], verdict["colour"])
            for a in judge.ATTRIBUTES:
                if a != "shape":
                    other[(condition, a)][0] += verdict[a]
                    other[(condition, a)][1] += 1
    return shape_hits, other


def _count(hit: list, right: bool, found: bool) -> None:
    """hit = [right, images, right where the object was found in its colour, found]."""
    hit[0] += right
    hit[1] += 1
    hit[2] += right and found
    hit[3] += found


def two_objects(n: int, seed: int) -> dict:
    rng = random.Random(seed)
    hits: dict = defaultdict(lambda: [0, 0, 0, 0])
    for scene in rng.sample(pair_dataset.all_pair_scenes(), n):
        exact = pair_dataset.render_pair(scene, 32, (rng.uniform(-1, 1), rng.uniform(-1, 1)))
        for condition, image in (("exact", exact), ("degraded", degrade(exact, scene.background, rng))):
            for rule in RULES:
                judge.SHAPE_RULE = rule
                got = pair_judge.analyse_pair(image, scene)
                for thing, found in ((scene.first, got["first"]), (scene.second, got["second"])):
                    _count(hits[(condition, rule, thing.shape, thing.size)],
                           found is not None and found["shape"] == thing.shape, found is not None)
                verdict = pair_judge.judge_pair(image, scene)
                _count(hits[(condition, rule, "both shapes", "")], verdict["shapes"], verdict["colours"])
    return hits


def _table(title: str, hits: dict) -> None:
    print(f"\n{title}")
    print(f"{'':<30} {'of all images':>30}   {'of images with the object found':>34}")
    print(f"{'condition':<10} {'true shape':<12} {'size':<6} {'images':>7} {'old (fill)':>11} {'new (coverage)':>15}"
          f"   {'found':>6} {'old (fill)':>11} {'new (coverage)':>15}")
    keys = sorted({(c, s, z) for c, _, s, z in hits}, key=lambda k: (k[0] != "exact", k[1], k[2]))
    for c, s, z in keys:
        old, new = hits[(c, "fill", s, z)], hits[(c, "coverage", s, z)]
        print(f"{c:<10} {s:<12} {z:<6} {old[1]:>7} {old[0] / old[1]:>10.1%} {new[0] / new[1]:>14.1%}"
              f"   {new[3]:>6} {old[2] / max(1, old[3]):>10.1%} {new[2] / max(1, new[3]):>14.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=600, help="two-object scenes to draw (0 = skip)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    saved = judge.SHAPE_RULE
    try:
        shape_hits, other = one_object(args.seed)
        _table("one object: shape class right (every scene, once exact and once degraded)", shape_hits)
        print("\none object, other attributes (new rule): "
              + "; ".join(f"{c} {a} {h[0] / h[1]:.1%}" for (c, a), h in sorted(other.items())))
        if args.pairs:
            _table(f"two objects: each object's shape class right ({args.pairs} scenes; 'both shapes' = the "
                   "benchmark's attribute)", two_objects(args.pairs, args.seed))
    finally:
        judge.SHAPE_RULE = saved


if __name__ == "__main__":
    main()
