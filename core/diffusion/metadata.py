"""Generation parameters inside the PNG itself (tEXt/iTXt chunks), and back.

Every image the suite writes carries one JSON chunk under KEY with the full parameters
(prompt, negative prompt, seed, steps, guidance, scheduler, size, model) and the
environment (library versions, device, dtype), plus a few plain chunks (prompt, seed, ...)
that any PNG viewer shows. Dropping the PNG back on the app restores the parameters.
"""
from __future__ import annotations

import io
import json
import platform
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

KEY = "genai-studio"  # the chunk holding the JSON record
PLAIN = ("prompt", "negative_prompt", "seed", "steps", "guidance", "scheduler", "model")


def environment(device: str, dtype: str) -> dict:
    """Library versions and compute that decide the exact pixels."""
    import diffusers
    import torch
    import transformers

    return {"device": device, "dtype": dtype, "torch": torch.__version__, "diffusers": diffusers.__version__,
            "transformers": transformers.__version__, "python": platform.python_version()}


def png_info(record: dict) -> PngInfo:
    info = PngInfo()
    info.add_itxt(KEY, json.dumps(record, sort_keys=True, default=str))
    params = record.get("params", {})
    for k in PLAIN:
        if k in params and params[k] is not None:
            info.add_itxt(k, str(params[k]))
    return info


def save_png(image: Image.Image, record: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", pnginfo=png_info(record))
    return path


def png_bytes(image: Image.Image, record: dict) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", pnginfo=png_info(record))
    return buf.getvalue()


class NoMetadata(ValueError):
    """The PNG was not written by GenAI Studio (or its chunks were stripped)."""


def read_record(source) -> dict:
    """The JSON record from a PNG path, bytes, file object or PIL image."""
    if isinstance(source, Image.Image):
        img = source
    elif isinstance(source, (bytes, bytearray)):
        img = Image.open(io.BytesIO(source))
    else:
        img = Image.open(source)
    text = getattr(img, "text", None) or img.info
    raw = text.get(KEY)
    if raw is None:
        raise NoMetadata(f"this image has no {KEY!r} metadata chunk (not made by GenAI Studio, or stripped)")
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise NoMetadata(f"the {KEY!r} chunk is not valid JSON: {e}") from None
    if not isinstance(record, dict) or not isinstance(record.get("params"), dict):
        raise NoMetadata(f"the {KEY!r} chunk has no 'params' object")
    return record
