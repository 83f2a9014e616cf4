"""`python -m core train-diffusion [--out DIR] [--seed S] [--steps N] [--batch-size B] [--threads T] [--json]`.

Trains the shipped text-to-image model from a seed (tqdm progress bar on stderr) and writes
a diffusers pipeline folder. The defaults reproduce the one-object model shipped before #19;
the shipped assets/text2image/ is that model continued with `--init-from BASE --two-object-fraction 0.5
--grid-weight 4 --lr 3e-4 --steps 3200 --batch-size 16`, then with `--pixel-head 32` (docs/text2image.md);
`--shape-weight W [--shape-edges] [--shape-keep-background]` weights the loss up on the shapes (and their outlines);
`--shape-twins` adds shape-swapped twins of two-shape pair scenes on the same noise (#19 round 25, off by default),
`--shape-copy-twins` also a twin with the smaller object in the other's shape (#19 round 37);
`--blend-with-start ALPHA` saves the fine-tune's weights moved back toward the `--init-from` model's (#19 round 38).
"""
from __future__ import annotations

import json
from pathlib import Path

from core.cli._output import print_json
from core.cli._training import add_training_arguments

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "assets" / "text2image"


def register(sub) -> None:
    p = sub.add_parser("train-diffusion", help="train the small text-to-image model shipped in assets/")
    add_training_arguments(p, DEFAULT_OUT, "pipeline folder", "torch threads (default 1)")
    p.add_argument("--two-object-fraction", type=float, default=None,
                   help="share of two-object scenes per batch (default 0 = the one-object recipe; the shipped model: 0.5)")
    p.add_argument("--grid-weight", type=float, default=None, help="weight of the 2-pixel-grid (phase offset) loss (default 0)")
    p.add_argument("--init-from", default=None, help="continue training the UNet of this pipeline folder")
    p.add_argument("--pixel-head", type=int, default=None,
                   help="channels of a pixel-resolution output stage against the 2-pixel grid (default 0 = none; #19: 32)")
    p.add_argument("--shape-weight", type=float, default=None,
                   help="extra loss weight on the shapes' pixels (default 0 = plain MSE; weights keep mean 1 per image)")
    p.add_argument("--shape-edges", action="store_true", default=None,
                   help="with --shape-weight, also weight a band one pixel either side of each shape's outline")
    p.add_argument("--shape-keep-background", action="store_true", default=None,
                   help="with --shape-weight, do not rescale the weights to mean 1: background pixels keep weight 1")
    p.add_argument("--omit-background", type=float, default=None,
                   help="with --two-object-fraction > 0: share of captions that name no background (default 0.2)")
    p.add_argument("--shape-twins", action="store_true", default=None,
                   help="with --two-object-fraction > 0: add each two-shape pair's shape-swapped twin to the batch, "
                        "on the same noise and timestep (off by default; #19 round 25)")
    p.add_argument("--shape-copy-twins", action="store_true", default=None,
                   help="with --shape-twins: also add a twin with the smaller object drawn in the other's shape "
                        "(off by default; #19 round 37)")
    p.add_argument("--blend-with-start", type=float, default=None, metavar="ALPHA",
                   help="with --init-from: save start + ALPHA x (fine-tune - start), a weight-space blend of the "
                        "fine-tune with the model it continued (default 1 = the fine-tune itself; #19 round 38)")
    p.add_argument("--checkpoint-every", type=int, default=None, help="save the EMA pipeline every N steps (default 250)")
    p.set_defaults(func=run)


def run(args) -> int:
    from tqdm import tqdm

    from core.diffusion.train import TrainConfig, train

    overrides = {k: v for k, v in {"seed": args.seed, "steps": args.steps, "batch_size": args.batch_size,
                                   "lr": args.lr, "threads": args.threads,
                                   "stop_after": args.stop_after, "two_object_fraction": args.two_object_fraction,
                                   "checkpoint_every": args.checkpoint_every, "grid_weight": args.grid_weight,
                                   "init_from": args.init_from, "pixel_head": args.pixel_head,
                                   "shape_weight": args.shape_weight, "shape_edges": args.shape_edges,
                                   "shape_keep_background": args.shape_keep_background,
                                   "omit_background": args.omit_background,
                                   "shape_twins": args.shape_twins,
                                   "shape_copy_twins": args.shape_copy_twins,
                                   "blend_with_start": args.blend_with_start}.items() if v is not None}
    if args.init_from:  # continue a saved pipeline: its architecture, not the defaults
        from core.diffusion.train import architecture_of

        overrides = {**architecture_of(args.init_from), **overrides}
    cfg = TrainConfig(**overrides)
    if cfg.steps <= 0 or cfg.batch_size <= 0:
        raise ValueError(f"--steps and --batch-size must be > 0 (got {cfg.steps}, {cfg.batch_size})")
    if cfg.pixel_head < 0:
        raise ValueError(f"--pixel-head must be >= 0 (got {cfg.pixel_head})")
    if cfg.shape_weight < 0:
        raise ValueError(f"--shape-weight must be >= 0 (got {cfg.shape_weight})")
    if cfg.shape_edges and not cfg.shape_weight:
        raise ValueError("--shape-edges needs --shape-weight > 0 (it weights the outline band by that weight)")
    if cfg.shape_keep_background and not cfg.shape_weight:
        raise ValueError("--shape-keep-background needs --shape-weight > 0")
    if not 0 <= cfg.omit_background <= 1:
        raise ValueError(f"--omit-background must be in [0, 1] (got {cfg.omit_background})")
    if cfg.shape_twins and not cfg.two_object_fraction:
        raise ValueError("--shape-twins needs --two-object-fraction > 0 (twins are two-object scenes)")
    if cfg.shape_copy_twins and not cfg.shape_twins:
        raise ValueError("--shape-copy-twins needs --shape-twins (the copies are a second kind of twin)")
    if not 0 <= cfg.blend_with_start <= 1:
        raise ValueError(f"--blend-with-start must be in [0, 1] (got {cfg.blend_with_start})")
    if cfg.blend_with_start < 1 and not cfg.init_from:
        raise ValueError("--blend-with-start needs --init-from (it blends the fine-tune with the model it started from)")
    if not 0 <= cfg.two_object_fraction <= 1:
        raise ValueError(f"--two-object-fraction must be in [0, 1] (got {cfg.two_object_fraction})")
    out = train(cfg, args.out, progress=lambda total: tqdm(total=total, desc="train-diffusion", mininterval=5))
    summary = json.loads((out / "training.json").read_text())
    if args.json:
        print_json({"out": str(out), **summary})
    else:
        print(f"saved {out} ({summary['steps_done']} steps, {summary['seconds']} s)")
    return 0
