"""Load a text-to-image pipeline: the shipped model, a local folder or a Hub id.

    loaded = load_pipeline("bundled")            # assets/text2image, offline
    loaded = load_pipeline("stabilityai/sd-turbo")  # any diffusers text-to-image checkpoint

Each model gets per-family defaults (steps, guidance, size, whether a negative prompt
means anything) and every family samples with the same scheduler choices, built from the
model's own scheduler config so the noise schedule, prediction type and timestep spacing
stay those it was trained with. CPU float32 by default; CUDA float16 when present.
"""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler, EulerDiscreteScheduler

from core.caches import register_cache
from core.config import get_settings
from core.models.device import apply_thread_setting, pick_device
from core.models.hub import ModelUnavailable, is_local, require_model

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "assets" / "text2image"
BUNDLED_NAME = "genai-studio/tiny-shapes-32"
SETTING = "GENAI_IMAGE_MODEL"

SCHEDULERS = {"ddim": "DDIM", "euler": "Euler", "dpm++": "DPM-Solver++ (2M)"}


@dataclass(frozen=True)
class FamilyDefaults:
    family: str
    steps: int
    guidance: float
    width: int
    height: int
    min_steps: int = 1
    max_steps: int = 150
    negative_prompt: bool = True
    negative_reason: str = ""
    sizes: tuple[int, ...] = ()      # allowed square sizes; empty = fixed at width x height
    notes: str = ""


FAMILIES = {
    "tiny": FamilyDefaults("tiny", 25, 4.0, 32, 32, notes="the model shipped with the suite; 32x32 pixels, fixed size"),
    "turbo": FamilyDefaults(
        "turbo", 1, 0.0, 512, 512, min_steps=1, max_steps=4, negative_prompt=False,
        negative_reason="turbo models are distilled to sample in 1-4 steps without classifier-free "
                        "guidance (guidance 0), so a negative prompt would have no effect",
        sizes=(512,)),
    "sdxl-turbo": FamilyDefaults(
        "sdxl-turbo", 1, 0.0, 512, 512, min_steps=1, max_steps=4, negative_prompt=False,
        negative_reason="turbo models are distilled to sample in 1-4 steps without classifier-free "
                        "guidance (guidance 0), so a negative prompt would have no effect",
        sizes=(512,)),
    "sdxl": FamilyDefaults("sdxl", 30, 5.0, 1024, 1024, sizes=(768, 896, 1024)),
    "sd": FamilyDefaults("sd", 25, 7.5, 512, 512, sizes=(256, 384, 512, 640, 768)),
}


def family_of(model_id: str, pipeline_class: str) -> FamilyDefaults:
    name = model_id.lower()
    if pipeline_class == "TinyText2ImagePipeline":
        return FAMILIES["tiny"]
    if "turbo" in name:
        return FAMILIES["sdxl-turbo" if "xl" in name or "XL" in pipeline_class else "turbo"]
    if "XL" in pipeline_class:
        return FAMILIES["sdxl"]
    return FAMILIES["sd"]


def describe(model: str | None = None) -> tuple[str, FamilyDefaults]:
    """(display name, family defaults) of `model` without loading any weights (for UIs)."""
    model = (model or get_settings().image.model).strip()
    if model == "bundled":
        return BUNDLED_NAME, FAMILIES["tiny"]
    if is_local(model):
        try:
            return model, family_of(model, _class_name(Path(model).expanduser()))
        except ModelUnavailable:
            return model, family_of(model, "")
    return model, family_of(model, "StableDiffusionXLPipeline" if "xl" in model.lower() else "")


def folder_config(model: str | None = None) -> dict:
    """The model_index.json of a local model folder ({} for a Hub id or a folder without one), read without loading
    weights: what a UI needs to know of the shipped kind of model's settings (e.g. `background_fill`)."""
    model = (model or get_settings().image.model).strip()
    folder = BUNDLED_DIR if model == "bundled" else Path(model).expanduser() if is_local(model) else None
    try:
        return json.loads((folder / "model_index.json").read_text(encoding="utf-8")) if folder else {}
    except (OSError, ValueError):
        return {}


@dataclass
class LoadedPipeline:
    pipe: object
    name: str
    family: FamilyDefaults
    device: torch.device
    dtype: torch.dtype
    base_scheduler_config: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)  # one generation at a time per pipeline

    @property
    def is_tiny(self) -> bool:
        return self.family.family == "tiny"

    def set_scheduler(self, name: str) -> None:
        self.pipe.scheduler = make_scheduler(name, self.base_scheduler_config)


def make_scheduler(name: str, base_config: dict):
    """Scheduler `name` (ddim | euler | dpm++) from the model's own scheduler config.

    The training schedule (betas, prediction type, zero-terminal-SNR rescale, timestep
    spacing) carries over. A model trained to zero terminal SNR must start sampling at the
    last timestep ("trailing" spacing); DPM-Solver++ then needs its final step to land on
    sigma 0 and a first-order last step to stay stable with few steps.
    """
    cfg = dict(base_config)
    zero_snr = bool(cfg.get("rescale_betas_zero_snr", False))
    if name == "ddim":
        extra = {"clip_sample": False, "set_alpha_to_one": False} if zero_snr else {}
        return DDIMScheduler.from_config(cfg, **extra)
    if name == "euler":
        return EulerDiscreteScheduler.from_config(cfg, final_sigmas_type="zero")
    if name == "dpm++":
        return DPMSolverMultistepScheduler.from_config(
            cfg, algorithm_type="dpmsolver++", solver_order=2, final_sigmas_type="zero",
            lower_order_final=True, thresholding=False)
    raise ValueError(f"scheduler {name!r} is not one of {sorted(SCHEDULERS)}")


def _resolve_dtype(device: torch.device, setting: str) -> torch.dtype:
    if setting == "auto":
        return torch.float16 if device.type == "cuda" else torch.float32
    return getattr(torch, setting)


def _class_name(folder: Path) -> str:
    index = folder / "model_index.json"
    if not index.exists():
        raise ModelUnavailable(f"{folder} is not a diffusers pipeline folder (no model_index.json)")
    return json.loads(index.read_text()).get("_class_name", "")


def _load(model: str, device: torch.device, dtype: torch.dtype, attention_slicing: bool, cpu_offload: bool) -> LoadedPipeline:
    from diffusers import AutoPipelineForText2Image

    from core.diffusion.tiny_pipeline import TinyText2ImagePipeline

    if model == "bundled":
        if not (BUNDLED_DIR / "model_index.json").exists():
            raise ModelUnavailable(f"the shipped model is missing from {BUNDLED_DIR}; "
                                   "run `python -m core train-diffusion` to rebuild it")
        folder, name = BUNDLED_DIR, BUNDLED_NAME
    elif is_local(model):
        folder, name = Path(model).expanduser(), str(Path(model).expanduser())
    else:
        folder, name = None, model
    if folder is not None and _class_name(folder) == "TinyText2ImagePipeline":
        pipe = TinyText2ImagePipeline.from_pretrained(folder, dtype=dtype)
        cls = "TinyText2ImagePipeline"
    else:
        kwargs = require_model(model, SETTING) if folder is None else {}
        try:
            pipe = AutoPipelineForText2Image.from_pretrained(folder or model, dtype=dtype, **kwargs)
        except (OSError, ValueError) as e:
            raise ModelUnavailable(f"could not load text-to-image model {model!r}: {e}") from e
        cls = type(pipe).__name__
    family = family_of(name, cls)
    vae_scale = getattr(pipe, "vae_scale_factor", None)
    if cls != "TinyText2ImagePipeline" and vae_scale and hasattr(pipe, "unet"):
        # The checkpoint's native size comes from its own config (SD 1.5: 512, SDXL: 1024).
        native = int(pipe.unet.config.sample_size) * int(vae_scale)
        family = replace(family, width=native, height=native, sizes=tuple(sorted(set(family.sizes) | {native})))
    if cpu_offload and device.type == "cuda":
        pipe.enable_model_cpu_offload()
    else:
        pipe = pipe.to(device)
    if attention_slicing:
        pipe.enable_attention_slicing()
    pipe.set_progress_bar_config(disable=True)
    log.info("loaded %s (%s, family %s) on %s %s", name, cls, family.family, device, dtype)
    return LoadedPipeline(pipe, name, family, device, dtype, dict(pipe.scheduler.config))


_cache: dict[tuple, LoadedPipeline] = {}
register_cache("diffusion pipelines", _cache.clear)
_cache_lock = threading.Lock()


def load_pipeline(model: str | None = None, *, device: str | torch.device | None = None, dtype: str | None = None,
                  attention_slicing: bool | None = None, cpu_offload: bool | None = None) -> LoadedPipeline:
    """The pipeline for `model` (default: GENAI_IMAGE_MODEL), loaded once per process per options."""
    s = get_settings()
    model = (model or s.image.model).strip()
    if not model:
        raise ValueError("model is empty: use 'bundled', a Hugging Face id or a local folder")
    dev = torch.device(device) if device is not None else pick_device()
    dt = _resolve_dtype(dev, dtype or s.image.dtype)
    slicing = s.image.attention_slicing if attention_slicing is None else attention_slicing
    offload = s.image.cpu_offload if cpu_offload is None else cpu_offload
    key = (model, str(dev), str(dt), slicing, offload)
    apply_thread_setting()
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _load(model, dev, dt, slicing, offload)
        return _cache[key]
