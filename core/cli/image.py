"""`python -m core image --prompt P [--negative N] [--seed S] [--steps K] [--guidance G]
[--scheduler NAME] [--model ID] --out FILE.png [--json]`.

Writes the PNG with its full generation parameters in PNG text chunks. The prompt goes
through the image safety policy first; a blocked prompt exits with status 3.
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.cli._output import print_json


def register(sub) -> None:
    p = sub.add_parser("image", help="generate an image from a text prompt")
    p.add_argument("--prompt", required=True, help="what to draw ('-' reads stdin)")
    p.add_argument("--negative", default="", help="negative prompt (what to steer away from)")
    p.add_argument("--seed", default=None, help="integer seed (default: random, printed)")
    p.add_argument("--steps", type=int, default=None, help="denoising steps (default: per model family)")
    p.add_argument("--guidance", type=float, default=None, help="classifier-free guidance scale (default: per model)")
    p.add_argument("--scheduler", default="default", help="default | ddim | euler | dpm++")
    p.add_argument("--model", default=None, help="'bundled', a Hugging Face id or a local folder (default GENAI_IMAGE_MODEL)")
    p.add_argument("--batch-size", type=int, default=1, help="images to make; FILE-1.png, FILE-2.png, ... when > 1")
    p.add_argument("--timeline", type=Path, default=None, help="also write the denoising strip (x_t over predicted x0) here")
    p.add_argument("--out", required=True, type=Path, help="PNG file to write")
    p.add_argument("--json", action="store_true", help="print the metadata record(s) as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from core.cli._output import read_text_arg
    from core.diffusion.generate import ImageRequest, PromptBlocked, generate, parse_seed, timeline_strip
    from core.diffusion.metadata import save_png

    if args.out.suffix.lower() != ".png":
        raise ValueError(f"--out {str(args.out)!r} must end in .png (the parameters live in PNG text chunks)")
    req = ImageRequest(prompt=read_text_arg(args.prompt), negative_prompt=args.negative, seed=parse_seed(args.seed),
                       steps=args.steps, guidance=args.guidance, scheduler=args.scheduler,
                       batch_size=args.batch_size, model=args.model)
    try:
        result = generate(req, keep_timeline=args.timeline is not None)
    except PromptBlocked as e:
        if args.json:
            print_json({"error": str(e), "blocked": True, "verdict": e.verdict.to_dict()})
        else:
            print(f"blocked: {e}", file=sys.stderr)
        return 3
    paths = []
    for i, (image, record) in enumerate(zip(result.images, result.records)):
        path = args.out if len(result.images) == 1 else args.out.with_name(f"{args.out.stem}-{i + 1}{args.out.suffix}")
        paths.append(str(save_png(image, record, path)))
    if args.timeline is not None:
        strip = timeline_strip(result.timeline)
        if args.timeline.suffix.lower() == ".png":  # the strip restores its image's parameters too
            save_png(strip, result.records[0], args.timeline)
        else:
            args.timeline.parent.mkdir(parents=True, exist_ok=True)
            strip.save(args.timeline)
    if args.json:
        print_json({"files": paths, "seconds": round(result.seconds, 4), "records": result.records})
    else:
        print(f"wrote {', '.join(paths)} (seed {result.seeds[0]}, {result.seconds:.2f} s)")
    return 0
