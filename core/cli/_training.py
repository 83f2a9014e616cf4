"""Arguments shared by the commands that train a model shipped in assets/."""
from __future__ import annotations

from pathlib import Path


def add_training_arguments(p, default_out: Path, what: str, threads_help: str) -> None:
    p.add_argument("--out", type=Path, default=default_out, help=f"{what} to write (default {default_out})")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--steps", type=int, default=None)
    p.add_argument("--batch-size", type=int, default=None)
    p.add_argument("--lr", type=float, default=None)
    p.add_argument("--stop-after", type=int, default=None,
                   help="stop and save after N steps of the --steps schedule (a checkpoint of the full run)")
    p.add_argument("--threads", type=int, default=None, help=threads_help)
    p.add_argument("--json", action="store_true", help="print the training summary as JSON")
