"""Blend a fine-tune's weights back toward the model it started from (issue #19, round 38).

W = start + alpha x (tuned - start), tensor by tensor (WiSE-FT, Wortsman et al. 2022): alpha 1 is the
fine-tune, 0 the starting model. Why: every fine-tune of the shipped text-to-image model gained what it was
trained for (two shapes each tied to its colour) but also moved what it was not (background grain, shape
contrast); a point between the two keeps part of the gain with less of the drift.

`train-diffusion --blend-with-start ALPHA` applies it to the finished EMA weights; `blend_folders` does the same
for two saved pipeline folders (UNet and pixel head), which is how round 38's candidates were built.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

WEIGHT_FILES = ("unet/diffusion_pytorch_model.safetensors", "pixel_head/diffusion_pytorch_model.safetensors")


def blend_state(start: dict[str, torch.Tensor], tuned: dict[str, torch.Tensor], alpha: float) -> dict[str, torch.Tensor]:
    """start + alpha x (tuned - start) for every floating-point tensor; other tensors are the tuned ones."""
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"blend alpha must lie in [0, 1], got {alpha}")
    if start.keys() != tuned.keys():
        missing = sorted(set(start) ^ set(tuned))[:5]
        raise ValueError(f"the two models hold different tensors (e.g. {missing}); only a fine-tune and the "
                         f"model it started from can be blended")
    out = {}
    for name, t in tuned.items():
        s = start[name]
        if s.shape != t.shape:
            raise ValueError(f"{name}: shape {tuple(s.shape)} vs {tuple(t.shape)}")
        # Computed in float32 whatever the stored dtype (alpha 1 gives the fine-tune back to float rounding).
        out[name] = (s.float() + alpha * (t.float() - s.float())).to(t.dtype) if t.is_floating_point() else t.clone()
    return out


def blend_module(start: dict[str, torch.Tensor], tuned: torch.nn.Module, alpha: float) -> None:
    """Blend `tuned`'s weights in place toward the state dict `start` it was trained from."""
    with torch.no_grad():
        tuned.load_state_dict(blend_state(start, tuned.state_dict(), alpha))


def blend_folders(start_dir: str | Path, tuned_dir: str | Path, alpha: float, out_dir: str | Path) -> Path:
    """A pipeline folder whose weights blend `tuned_dir`'s toward `start_dir`'s; everything else (configs,
    scheduler, model_index.json with its inference settings) comes from `start_dir`."""
    start_dir, tuned_dir, out_dir = Path(start_dir), Path(tuned_dir), Path(out_dir)
    shutil.copytree(start_dir, out_dir)
    for rel in WEIGHT_FILES:
        if not (start_dir / rel).exists() and not (tuned_dir / rel).exists():
            continue
        save_file(blend_state(load_file(start_dir / rel), load_file(tuned_dir / rel), alpha), out_dir / rel)
    info_path = out_dir / "training.json"
    info = json.loads(info_path.read_text()) if info_path.exists() else {}
    info["blend"] = {"start": str(start_dir), "tuned": str(tuned_dir), "alpha": alpha}
    info_path.write_text(json.dumps(info, indent=2))
    return out_dir
