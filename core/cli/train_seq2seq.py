"""`python -m core train-seq2seq [--out DIR] [--seed S] [--steps N] [--batch-size B] [--threads T] [--json]`.

Trains the shipped encoder-decoder (a small T5, dates -> ISO 8601) from a seed, with a tqdm
progress bar on stderr, and writes a from_pretrained folder. The defaults reproduce
assets/seq2seq-dates/.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.cli._output import print_json
from core.cli._training import add_training_arguments

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "assets" / "seq2seq-dates"


def register(sub) -> None:
    p = sub.add_parser("train-seq2seq", help="train the small date-normalising encoder-decoder shipped in assets/")
    add_training_arguments(p, DEFAULT_OUT, "model folder", "torch threads (default: GENAI_THREADS, else torch's default = all cores)")
    p.set_defaults(func=run)


def run(args) -> int:
    from tqdm import tqdm

    from core.config import get_settings
    from core.seq2seq.train import TrainConfig, train

    threads = args.threads if args.threads is not None else get_settings().models.threads
    overrides = {k: v for k, v in {"seed": args.seed, "steps": args.steps, "batch_size": args.batch_size,
                                   "lr": args.lr, "threads": threads,
                                   "stop_after": args.stop_after}.items() if v is not None}
    cfg = TrainConfig(**overrides)
    out = train(cfg, args.out, progress=lambda total: tqdm(total=total, desc="train-seq2seq", mininterval=5))
    summary = json.loads((out / "training.json").read_text())
    if args.json:
        print_json({"out": str(out), **summary})
    else:
        last = summary["history"][-1] if summary["history"] else {}
        print(f"saved {out} ({summary['steps_done']} steps, {summary['seconds']} s, "
              f"quick check accuracy {last.get('val_accuracy')})")
    return 0
