"""What the text-to-image page draws around a generation: batch previews and the guidance note."""
from __future__ import annotations

import numpy as np
from PIL import Image

from core.diffusion.generate import upscale


def batch_preview(frames: np.ndarray, tile: int = 256, gap: int = 4) -> Image.Image:
    """Every image of a batch side by side ((B, H, W, 3) uint8), so a batch preview shows them all."""
    tiles = [upscale(Image.fromarray(f), tile) for f in frames]
    if len(tiles) == 1:
        return tiles[0]
    side = tiles[0].height
    sheet = Image.new("RGB", (len(tiles) * (tiles[0].width + gap) - gap, side), (255, 255, 255))
    for i, t in enumerate(tiles):
        sheet.paste(t, (i * (t.width + gap), 0))
    return sheet


def guidance_note(on: Image.Image, off: Image.Image, guidance: float, is_tiny: bool) -> str:
    """How different guidance on and off came out, and why for this model."""
    diff = float(np.abs(np.asarray(on, dtype=np.float32) - np.asarray(off, dtype=np.float32)).mean())
    text = (f"Guidance {guidance:g} (left) vs off (right): the images differ by **{diff:.1f}** levels per pixel "
            "on average (0-255). Guidance computes unconditional + scale × (conditional − unconditional): "
            "it pushes the image further from what the model draws with no prompt.")
    if is_tiny:
        text += (" This small model was trained on a closed vocabulary and saw its caption 90% of the time, so "
                 "even without guidance it already draws what a known prompt says; guidance mainly makes colours "
                 "and edges crisper, and matters most for prompts it finds hard (two shapes, small shapes). "
                 "Large models such as Stable Diffusion differ far more.")
    return text
