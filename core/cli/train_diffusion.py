"""`python -m core train-diffusion [--out DIR] [--seed S] [--steps N] [--batch-size B] [--threads T] [--json]`.

Trains the shipped text-to-image model from a seed (tqdm progress bar on stderr) and writes
a diffusers pipeline folder. The defaults reproduce assets/text2image/.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.cli._output import print_json

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "assets" / "text2image"


def register(sub) -> None:
    p = sub.add_parser("train-diffusion", help="train the small text-to-image model shipped in assets/")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"pipeline folder to write (default {DEFAULT_OUT})")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--steps", type=int, default=None)
    p.add_argument("--batch-size", type=int, default=None)
    p.add_argument("--lr", type=float, default=None)
    p.add_argument("--stop-after", type=int, default=None,
                   help="stop and save after N steps of the --steps schedule (a checkpoint of the full run)")
    p.add_argument("--threads", type=int, default=None, help="torch threads (default 1)")
    p.add_argument("--json", action="store_true", help="print the training summary as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from tqdm import tqdm

    from core.diffusion.train import TrainConfig, train

    overrides = {k: v for k, v in {"seed": args.seed, "steps": args.steps, "batch_size": args.batch_size,
                                   "lr": args.lr, "threads": args.threads,
                                   "stop_after": args.stop_after}.items() if v is not None}
    cfg = TrainConfig(**overrides)
    if cfg.steps <= 0 or cfg.batch_size <= 0:
        raise ValueError(f"--steps and --batch-size must be > 0 (got {cfg.steps}, {cfg.batch_size})")
    out = train(cfg, args.out, progress=lambda total: tqdm(total=total, desc="train-diffusion", mininterval=5))
    summary = json.loads((out / "training.json").read_text())
    if args.json:
        print_json({"out": str(out), **summary})
    else:
        print(f"saved {out} ({summary['steps_done']} steps, {summary['seconds']} s)")
    return 0
