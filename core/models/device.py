"""The one place that chooses device and dtype (CPU float32 unless told otherwise)."""
from __future__ import annotations

import torch

from core.config import get_settings


def pick_device() -> torch.device:
    wanted = get_settings().models.device
    if wanted == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        return torch.device("cpu")
    return torch.device(wanted)


def pick_dtype(setting: str = "float32", device: torch.device | None = None) -> torch.dtype:
    """`setting` is a dtype name or "auto" (bfloat16 on CPU, float16 on CUDA)."""
    device = device or pick_device()
    if setting == "auto":
        return torch.float16 if device.type == "cuda" else torch.bfloat16
    return getattr(torch, setting)


def apply_thread_setting() -> None:
    threads = get_settings().models.threads
    if threads:
        torch.set_num_threads(threads)
