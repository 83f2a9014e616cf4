"""Two image-quality measures for the shipped model's flat-colour scenes (issue #19).

- Background flatness: the per-pixel standard deviation (0-255 levels, mean of R, G, B) of
  the background, away from the shapes (pixels of the background's palette colour, eroded by
  two pixels so anti-aliased edges do not count). A perfect render scores 0; noise, blotches
  and the 2-pixel grid of the space-to-depth models raise it.
- Grid amplitude: the largest gap between the background's mean colour on the four pixel
  phases of a 2x2 block (what a regular 2-pixel grid is made of).
- Shape contrast: how far the shape stands out, as the share of the palette distance between
  the shape's colour and the background's that the image shows (mean shape pixel minus mean
  background pixel, projected on the palette difference). 1 = full contrast, a faint shape
  ~0.3; 0 when no shape is found.
"""
from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

from core.diffusion.dataset import COLOURS
from core.diffusion.judge import _NAMES, _labels


def _rgb(image) -> np.ndarray:
    return np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image, dtype=np.float32)


def background_mask(rgb: np.ndarray, erode: int = 2) -> np.ndarray:
    labels = _labels(rgb)
    bg = np.bincount(labels.ravel(), minlength=len(_NAMES)).argmax()
    mask = ndimage.binary_erosion(labels == bg, iterations=erode, border_value=1)
    return mask if mask.sum() >= 16 else labels == bg


def background_flatness(image) -> float:
    rgb = _rgb(image)
    return float(rgb[background_mask(rgb)].std(axis=0).mean())


def grid_amplitude(image) -> float:
    rgb = _rgb(image)
    mask = background_mask(rgb)
    means = []
    for dy in (0, 1):
        for dx in (0, 1):
            phase = np.zeros_like(mask)
            phase[dy::2, dx::2] = True
            if (mask & phase).sum():
                means.append(rgb[mask & phase].mean(axis=0))
    means = np.array(means)
    return float((means.max(axis=0) - means.min(axis=0)).max()) if len(means) > 1 else 0.0


def shape_contrast(image, shape_mask: np.ndarray | None, shape_colour: str, background_colour: str) -> float:
    """Contrast of the pixels under `shape_mask` against the rest, relative to the palette."""
    rgb = _rgb(image)
    if shape_mask is None or not shape_mask.any() or shape_mask.all():
        return 0.0
    want = np.subtract(COLOURS[shape_colour], COLOURS[background_colour]).astype(np.float32)
    outside = ndimage.binary_dilation(shape_mask, iterations=1)
    got = rgb[shape_mask].mean(axis=0) - rgb[~outside].mean(axis=0)
    return float(np.dot(got, want) / max(1.0, float(np.dot(want, want))))
