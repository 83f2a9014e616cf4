"""One text-to-image request, validated, safety-checked and made reproducible.

    from core.diffusion.generate import ImageRequest, generate
    result = generate(ImageRequest(prompt="a large red circle in the center on a blue background", seed=7))
    result.images[0].save("out.png")         # result.records[0] is what goes in the PNG

The same request (parameters + seed) on the same device gives the same pixels: noise is
drawn on the CPU from one generator per image, seeded with seed + index. When it shares a
pipeline call with other visitors' requests (core.diffusion.batcher) its pixels may differ
by at most 1 level of 255 from its images made alone (float rounding of batched kernels).
"""
from __future__ import annotations

import logging
import random
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

import numpy as np
from PIL import Image

from core.config import get_settings
from core.diffusion import metadata
from core.diffusion.batcher import Batcher, Cancelled, Job, batcher_for
from core.diffusion.pipeline import SCHEDULERS, LoadedPipeline, load_pipeline
from core.safety import Verdict
from core.safety.image_request import scan_image_request

log = logging.getLogger(__name__)

MAX_SEED = 2**63 - 1
MAX_GUIDANCE = 30.0
SCHEDULER_CHOICES = ("default", *SCHEDULERS)


class PromptBlocked(ValueError):
    """The image-prompt safety policy refused the prompt; `.verdict` says why."""

    def __init__(self, verdict: Verdict):
        self.verdict = verdict
        super().__init__("prompt blocked by the image safety policy: " + "; ".join(verdict.reasons or ["flagged"]))


@dataclass
class ImageRequest:
    prompt: str
    negative_prompt: str = ""
    seed: int | None = None          # None = a random seed (recorded in the result)
    steps: int | None = None         # None = the model family's default
    guidance: float | None = None    # None = the model family's default
    scheduler: str = "default"       # default (the model's own) | ddim | euler | dpm++
    batch_size: int = 1
    width: int | None = None
    height: int | None = None
    model: str | None = None         # None = GENAI_IMAGE_MODEL


@dataclass
class StepInfo:
    step: int          # 0-based index of the denoising step
    total: int
    timestep: int
    x_t: np.ndarray | None    # (B, H, W, 3) uint8: the noisy sample the model saw
    x0: np.ndarray | None     # (B, H, W, 3) uint8: its predicted clean image (None for hub models)


@dataclass
class GenerationResult:
    images: list[Image.Image]
    seeds: list[int]
    records: list[dict]       # one metadata record per image (what goes in the PNG)
    seconds: float
    timeline: list[StepInfo] = field(default_factory=list)


def parse_seed(value) -> int | None:
    """A seed from user input: None/"" = random; otherwise an integer in [0, 2**63-1]."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"seed {value!r} is not an integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"seed {value!r} is not an integer")
        value = int(value)
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValueError(f"seed {value!r} is not an integer") from None
    if not isinstance(value, int) or not 0 <= value <= MAX_SEED:
        raise ValueError(f"seed {value!r} is out of range: use 0 to {MAX_SEED}")
    return value


def random_seed() -> int:
    return random.SystemRandom().randrange(0, 2**32)


def resolve(req: ImageRequest, loaded: LoadedPipeline) -> ImageRequest:
    """Validate `req` for this model and fill the family defaults; errors name the argument."""
    s = get_settings()
    fam = loaded.family
    if not isinstance(req.prompt, str) or not req.prompt.strip():
        raise ValueError("prompt is empty: describe the image to generate")
    if len(req.prompt) > s.image.max_prompt_chars:
        raise ValueError(f"prompt is {len(req.prompt)} characters long; the limit is "
                         f"{s.image.max_prompt_chars} (GENAI_IMAGE_MAX_PROMPT_CHARS)")
    negative = req.negative_prompt or ""
    if not isinstance(negative, str):
        raise ValueError(f"negative_prompt must be text, got {type(negative).__name__}")
    if len(negative) > s.image.max_prompt_chars:
        raise ValueError(f"negative_prompt is {len(negative)} characters long; the limit is {s.image.max_prompt_chars}")
    if negative.strip() and not fam.negative_prompt:
        raise ValueError(f"negative_prompt is not used by {loaded.name}: {fam.negative_reason}")
    steps = fam.steps if req.steps is None else req.steps
    if isinstance(steps, bool) or not isinstance(steps, int):
        raise ValueError(f"steps {steps!r} is not an integer")
    if not fam.min_steps <= steps <= fam.max_steps:
        raise ValueError(f"steps={steps} is out of range for {loaded.name}: choose {fam.min_steps} to {fam.max_steps}")
    guidance = fam.guidance if req.guidance is None else float(req.guidance)
    if not 0.0 <= guidance <= MAX_GUIDANCE or guidance != guidance:
        raise ValueError(f"guidance={req.guidance!r} is out of range: choose 0 to {MAX_GUIDANCE}")
    if req.scheduler not in SCHEDULER_CHOICES:
        raise ValueError(f"scheduler {req.scheduler!r} is not one of {', '.join(SCHEDULER_CHOICES)}")
    if isinstance(req.batch_size, bool) or not isinstance(req.batch_size, int) or not 1 <= req.batch_size <= s.image.max_batch:
        raise ValueError(f"batch_size={req.batch_size!r} is out of range: choose 1 to {s.image.max_batch} (GENAI_IMAGE_MAX_BATCH)")
    width = fam.width if req.width is None else req.width
    height = fam.height if req.height is None else req.height
    if (width, height) != (fam.width, fam.height):
        if not fam.sizes:
            raise ValueError(f"{loaded.name} makes {fam.width}x{fam.height} images only (got {width}x{height})")
        if width != height or width not in fam.sizes:
            raise ValueError(f"size {width}x{height} is not supported by {loaded.name}: choose one of "
                             + ", ".join(f"{x}x{x}" for x in fam.sizes))
    seed = parse_seed(req.seed)
    seed = random_seed() if seed is None else seed
    if seed + req.batch_size - 1 > MAX_SEED:
        raise ValueError(f"seed {seed} is too large for a batch of {req.batch_size}")
    return replace(req, prompt=req.prompt, negative_prompt=negative, seed=seed, steps=steps, guidance=guidance,
                   width=width, height=height, model=loaded.name)


def check_prompt(prompt: str, negative: str = "") -> Verdict:
    """The image safety policy on the prompt and the negative prompt; raises PromptBlocked when it blocks."""
    verdict = scan_image_request(prompt, negative if isinstance(negative, str) else "")
    if not verdict.allowed or verdict.action == "block":
        raise PromptBlocked(verdict)
    return verdict


def generate(req: ImageRequest, on_step: Callable[[StepInfo], None] | None = None, keep_timeline: bool = False,
             cancel: threading.Event | None = None, loaded: LoadedPipeline | None = None,
             batcher: Batcher | None = None) -> GenerationResult:
    """Run `req`. `on_step` is called after every denoising step (for live previews);
    `keep_timeline` keeps every step's x_t and predicted x0 in the result. Concurrent calls
    for the same model share pipeline calls (core.diffusion.batcher); each keeps its own
    images, previews, cancel and errors."""
    verdict = check_prompt(req.prompt if isinstance(req.prompt, str) else "", req.negative_prompt or "")
    loaded = loaded or load_pipeline(req.model)
    req = resolve(req, loaded)
    prompt = verdict.redacted if verdict.action == "redact" and verdict.redacted else req.prompt
    seeds = [req.seed + i for i in range(req.batch_size)]
    timeline: list[StepInfo] = []

    def report(info: StepInfo) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled("generation cancelled")
        if keep_timeline:
            timeline.append(info)
        if on_step is not None:
            on_step(info)

    batcher = batcher or batcher_for(loaded)
    images, nsfw, call = batcher.submit(Job(req, prompt, seeds, report, cancel)).result()
    env = metadata.environment(str(loaded.device), str(loaded.dtype).replace("torch.", ""))
    records = []
    for i, seed in enumerate(seeds):
        params = asdict(replace(req, seed=seed, batch_size=1))
        params["guidance"] = float(params["guidance"])
        records.append({
            "params": params, "batch_index": i, "batch_size": req.batch_size, "model": loaded.name,
            "family": loaded.family.family, "scheduler_class": call.scheduler_class,
            "scheduler_config": call.scheduler_config, "environment": env, "seconds": round(call.seconds, 4),
            "shared_call": {"images": call.call_images, "requests": call.call_requests},
            "safety": {"action": verdict.action, "prompt_redacted": prompt != req.prompt,
                       "nsfw_flagged": bool(nsfw[i]) if nsfw else None}})
    log.info("generated %d image(s) with %s in %.2f s", len(images), loaded.name, call.seconds)
    return GenerationResult(images, seeds, records, call.seconds, timeline)


def upscale(image: Image.Image, size: int = 256) -> Image.Image:
    """Nearest-neighbour upscale (no blur) so 32x32 pixels stay crisp on screen."""
    if image.width >= size:
        return image
    factor = max(1, size // image.width)
    return image.resize((image.width * factor, image.height * factor), Image.Resampling.NEAREST)


def timeline_strip(timeline: list[StepInfo], index: int = 0, tile: int = 96, max_columns: int = 13) -> Image.Image:
    """A teaching strip: top row x_t, bottom row predicted x0, one column per step
    (evenly thinned to at most `max_columns`, always keeping the last step)."""
    if not timeline:
        raise ValueError("the timeline is empty: generate with keep_timeline=True")
    picks = sorted(set(np.linspace(0, len(timeline) - 1, min(max_columns, len(timeline))).round().astype(int).tolist()))
    rows = 2 if any(s.x0 is not None for s in timeline) else 1
    strip = Image.new("RGB", (tile * len(picks), tile * rows), (255, 255, 255))
    for col, k in enumerate(picks):
        info = timeline[k]
        for row, arr in enumerate([info.x_t, info.x0][:rows]):
            if arr is None:
                continue
            im = Image.fromarray(arr[index])
            resample = Image.Resampling.NEAREST if im.width < tile else Image.Resampling.LANCZOS
            strip.paste(im.resize((tile, tile), resample), (col * tile, row * tile))
    return strip
