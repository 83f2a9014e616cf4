"""Edge-preserving cleanup of near-uniform regions of a generated image (issue #19 round 29).

Lee's sigma filter (1983): each pixel becomes the mean of the pixels in its (2r+1)^2 window whose
colour lies within `delta` levels (every channel) of its own. Grain on a flat background (a few
levels) is averaged away; a shape's edge (tens to hundreds of levels between the two colours) is
never averaged across, so outlines, sizes and colours stay where the model drew them.
"""
from __future__ import annotations

import numpy as np

# levels of 255: above the grain the model leaves on flat areas (std 2-4), far below any two
# palette colours (>= 80 apart on some channel: yellow and orange), so edges are not averaged across.
DELTA = 8.0


def sigma_filter(pixels: np.ndarray, radius: int = 1, delta: float = DELTA) -> np.ndarray:
    """(B, H, W, 3) or (H, W, 3) uint8 -> same shape, uint8."""
    x = pixels.astype(np.float32)
    single = x.ndim == 3
    if single:
        x = x[None]
    h, w = x.shape[1:3]
    padded = np.pad(x, ((0, 0), (radius, radius), (radius, radius), (0, 0)), mode="edge")
    total = np.zeros_like(x)
    count = np.zeros(x.shape[:3] + (1,), np.float32)
    for dy in range(2 * radius + 1):
        for dx in range(2 * radius + 1):
            nb = padded[:, dy:dy + h, dx:dx + w]
            near = (np.abs(nb - x).max(axis=-1, keepdims=True) <= delta).astype(np.float32)
            total += near * nb
            count += near
    out = np.clip(np.round(total / count), 0, 255).astype(np.uint8)
    return out[0] if single else out
