"""Draw the sample sheets in docs/: what the shipped model makes next to what the caption asks.

    python benchmarks/text2image_samples.py [--model bundled] [--out docs]

Writes two PNGs (each cell 128x128, nearest-neighbour upscaled from 32x32):
- text2image_samples.png: 8 captions in held-out phrasings; top row the exact render of the
  caption (core.diffusion.dataset.render), then DDIM / Euler / DPM-Solver++ for the same seed.
- text2image_heldout_combos.png: 16 (colour, shape, position) combinations never shown in
  training; exact render above, DDIM sample below.
- text2image_two_objects.png: 16 two-object captions (8 in held-out phrasings, 8 held-out
  pairs of objects); exact render above, DDIM sample below.
- text2image_examples.png: the prompts visitors tried in issue #19, one row each for the seeds 0-7.
Captions and seeds are fixed (seed 0 for the choice), so the sheets are reproducible.
--prefix names the files differently (e.g. to draw a candidate model beside the shipped one).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

import torch
from PIL import Image

from core.diffusion import dataset, pair_dataset  # noqa: E402
from core.diffusion.pipeline import load_pipeline, make_scheduler  # noqa: E402

CELL = 128
# Prompts from issue #19 (what visitors typed), drawn for seeds 0-7.
EXAMPLES = ("a red circle to the left of a blue square", "a small yellow triangle above a large green circle",
            "a green triangle in the centre", "a purple triangle")


def _sample(pipe, captions: list[str], seed: int = 0) -> list[Image.Image]:
    gens = [torch.Generator().manual_seed(seed + i) for i in range(len(captions))]
    return pipe(captions, num_inference_steps=25, guidance_scale=4.0, generator=gens).images


def _sheet(rows: list[list[Image.Image]]) -> Image.Image:
    sheet = Image.new("RGB", (CELL * len(rows[0]), CELL * len(rows)), "white")
    for r, row in enumerate(rows):
        for c, im in enumerate(row):
            sheet.paste(im.resize((CELL, CELL), Image.Resampling.NEAREST), (c * CELL, r * CELL))
    return sheet


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="bundled")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs")
    ap.add_argument("--prefix", default="text2image", help="file name prefix of the sheets")
    args = ap.parse_args()
    torch.set_num_threads(1)
    loaded = load_pipeline(args.model)
    pipe, base = loaded.pipe, loaded.base_scheduler_config
    rng = random.Random(0)

    scenes = rng.sample(dataset.train_scenes(), 8)
    captions = [s.caption(rng.choice(dataset.HELDOUT_TEMPLATES)) for s in scenes]
    rows = [[dataset.render(s) for s in scenes]]
    for name in ("ddim", "euler", "dpm++"):
        pipe.scheduler = make_scheduler(name, base)
        rows.append(_sample(pipe, captions))
    _sheet(rows).save(args.out / f"{args.prefix}_samples.png")

    pipe.scheduler = make_scheduler("ddim", base)
    combos = rng.sample(dataset.heldout_scenes(), 16)
    captions = [s.caption(rng.choice(dataset.TRAIN_TEMPLATES)) for s in combos]
    images = _sample(pipe, captions)
    renders = [dataset.render(s) for s in combos]
    _sheet([renders[:8], images[:8], renders[8:], images[8:]]).save(args.out / f"{args.prefix}_heldout_combos.png")
    for i, c in enumerate(captions):
        print(f"combo {i + 1:>2}: {c}")

    rng2 = random.Random(1)
    pairs = rng2.sample(pair_dataset.train_pair_scenes(), 8) + rng2.sample(pair_dataset.heldout_pair_scenes(), 8)
    captions = ([s.caption(rng2.choice(pair_dataset.PAIR_HELDOUT_TEMPLATES)) for s in pairs[:8]]
                + [s.caption(rng2.choice(pair_dataset.PAIR_TRAIN_TEMPLATES)) for s in pairs[8:]])
    images = _sample(pipe, captions)
    renders = [pair_dataset.render_pair(s) for s in pairs]
    _sheet([renders[:8], images[:8], renders[8:], images[8:]]).save(args.out / f"{args.prefix}_two_objects.png")
    for i, c in enumerate(captions):
        print(f"pair {i + 1:>2}: {c}")

    rows = []
    for prompt in EXAMPLES:
        gens = [torch.Generator().manual_seed(i) for i in range(8)]
        rows.append(pipe([prompt] * 8, num_inference_steps=25, guidance_scale=4.0, generator=gens).images)
    _sheet(rows).save(args.out / f"{args.prefix}_examples.png")
    for i, p in enumerate(EXAMPLES):
        print(f"example row {i + 1}: {p}")


if __name__ == "__main__":
    main()
