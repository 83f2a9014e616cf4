"""Check a two-object image against its caption: both colours, both shapes, the relation.

Same method as core/diffusion/judge.py (no model): each pixel gets the nearest palette
colour, the most common is the background. For each object the caption names, the largest
connected region of that object's colour is taken as the object (at least MIN_AREA pixels,
about a third of the smallest shape), its mask refined against the background colour, and
classified like a single shape (judge.SHAPE_RULE: square vs circle by pixel coverage since
round 5). The relation holds when the first object's centre lies on
the named side of the second's by at least RELATION_MARGIN of the image side, and more
along that axis than across it. On exact renders it is right on every attribute (tested).

A caption may leave things out (issue #19 round 7): an object whose size is None has no size
to check, and a scene whose background is None passes "background" when the image's
background is neither object's colour (a background painted in an object's colour hides
that object, so "colours" fails too).
"""
from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

from core.diffusion.judge import _NAMES, _PALETTE, _labels, coverage, describe_mask
from core.diffusion.pair_dataset import PairScene

PAIR_ATTRIBUTES = ("colours", "shapes", "relation", "sizes", "background")
MIN_AREA = 12
RELATION_MARGIN = 0.15
# (axis, sign): the first object's centre minus the second's along axis (0 = x, 1 = y) has this sign.
_RELATION_AXIS = {"to the left of": (0, -1), "to the right of": (0, 1), "above": (1, -1), "below": (1, 1)}


def find_object(rgb: np.ndarray, labels: np.ndarray, colour: str, background: int, other: str | None = None) -> dict | None:
    """The largest region of `colour` (shape, size, centre, mask) or None when there is none big enough;
    pixels labelled `other` (the other object's colour) never count as this object."""
    c = _NAMES.index(colour)
    if c == background:
        return None
    blobs, n = ndimage.label(labels == c)
    if n == 0:
        return None
    sizes = ndimage.sum(np.ones_like(blobs), blobs, index=range(1, n + 1))
    if sizes.max() < MIN_AREA:
        return None
    blob = blobs == (int(np.argmax(sizes)) + 1)
    near = ndimage.binary_dilation(blob, iterations=1)
    d_fg = ((rgb - _PALETTE[c]) ** 2).sum(-1)
    d_bg = ((rgb - _PALETTE[background]) ** 2).sum(-1)
    mask = near & (d_fg < d_bg)
    if other is not None:
        mask &= labels != _NAMES.index(other)
    if not mask.any():
        mask = blob
    cover = coverage(rgb, c, background)
    if other is not None:  # the other object's pixels are no coverage of this one (the shape rule reads it)
        cover = np.where(labels == _NAMES.index(other), 0.0, cover)
    shape, _, size, fill, area, centre = describe_mask(mask, cover)
    return {"shape": shape, "size": size, "fill": fill, "area": area, "centre": centre, "mask": mask}


def analyse_pair(image: Image.Image | np.ndarray, scene: PairScene) -> dict:
    """What the image shows for each object the caption names (None where it is missing)."""
    rgb = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image, dtype=np.float32)
    labels = _labels(rgb)
    bg = int(np.bincount(labels.ravel(), minlength=len(_NAMES)).argmax())
    return {"background": _NAMES[bg],
            "first": find_object(rgb, labels, scene.first.colour, bg, scene.second.colour),
            "second": find_object(rgb, labels, scene.second.colour, bg, scene.first.colour)}


def relation_holds(first_centre, second_centre, relation: str) -> bool:
    axis, sign = _RELATION_AXIS[relation]
    delta = np.subtract(first_centre, second_centre)
    return bool(sign * delta[axis] >= RELATION_MARGIN and abs(delta[axis]) > abs(delta[1 - axis]))


def judge_pair(image: Image.Image | np.ndarray, scene: PairScene | dict, check_sizes: bool = True) -> dict[str, bool]:
    """{attribute: image matches the caption} for PAIR_ATTRIBUTES; sizes pass when not checked."""
    scene = scene if isinstance(scene, PairScene) else PairScene.from_dict(scene)
    got = analyse_pair(image, scene)
    a, b = got["first"], got["second"]
    both = a is not None and b is not None
    def size_ok(found: dict, wanted: str | None) -> bool:
        return wanted is None or found["size"] == wanted

    if scene.background is None:
        background_ok = got["background"] not in (scene.first.colour, scene.second.colour)
    else:
        background_ok = got["background"] == scene.background
    return {
        "colours": both,
        "shapes": both and a["shape"] == scene.first.shape and b["shape"] == scene.second.shape,
        "relation": both and relation_holds(a["centre"], b["centre"], scene.relation),
        "sizes": (not check_sizes) or (both and size_ok(a, scene.first.size) and size_ok(b, scene.second.size)),
        "background": background_ok,
    }
