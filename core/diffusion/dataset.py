"""Procedurally generated, captioned scenes: one coloured shape on a coloured background.

The vocabulary is finite (colours x shapes x positions x sizes x backgrounds), so every
scene can be described exactly and every generated image can be checked against its
caption (core/diffusion/judge.py). Some phrasings and some (colour, shape, position)
combinations are held out of training so the benchmark can measure generalisation.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image, ImageDraw

# Saturated, well-separated RGB values: the judge classifies pixels by nearest colour.
COLOURS: dict[str, tuple[int, int, int]] = {
    "red": (220, 30, 30),
    "green": (30, 160, 50),
    "blue": (30, 70, 220),
    "yellow": (245, 220, 30),
    "purple": (140, 40, 180),
    "orange": (255, 140, 0),
    "white": (245, 245, 245),
    "black": (15, 15, 15),
}
SHAPES = ("circle", "square", "triangle")
POSITIONS = ("center", "top left", "top right", "bottom left", "bottom right")
SIZES = ("small", "large")

# Shape centre as a fraction of the image side, per position.
ANCHORS: dict[str, tuple[float, float]] = {
    "center": (0.5, 0.5),
    "top left": (0.25, 0.25),
    "top right": (0.75, 0.25),
    "bottom left": (0.25, 0.75),
    "bottom right": (0.75, 0.75),
}
# Shape side (or diameter) as a fraction of the image side.
EXTENT = {"small": 0.28, "large": 0.46}

# Phrasings seen in training. {s} size, {c} colour, {h} shape, {p} position, {b} background.
TRAIN_TEMPLATES = (
    "a {s} {c} {h} in the {p} on a {b} background",
    "{s} {c} {h}, {p}, {b} background",
    "a {b} background with a {s} {c} {h} in the {p}",
    "there is a {s} {c} {h} at the {p} of a {b} image",
    "{c} {h} ({s}) placed {p}, background {b}",
    "an image of a {s} {c} {h} located in the {p}, {b} backdrop",
)
# Phrasings never seen in training (the benchmark's held-out phrasings).
HELDOUT_TEMPLATES = (
    "draw a {s} {c} {h} in the {p} over a {b} background",
    "{b} background, {p}: one {s} {c} {h}",
    "picture with a {s} {c} {h} in the {p} and a {b} background",
)
# (colour, shape, position) triples never shown in training.
HELDOUT_COMBOS = frozenset({
    ("red", "triangle", "top right"), ("green", "circle", "bottom left"),
    ("blue", "square", "center"), ("yellow", "triangle", "bottom right"),
    ("purple", "circle", "top left"), ("orange", "square", "bottom left"),
    ("white", "triangle", "center"), ("black", "circle", "top right"),
    ("red", "square", "bottom right"), ("blue", "circle", "top left"),
    ("green", "triangle", "top left"), ("yellow", "square", "top right"),
})


@dataclass(frozen=True)
class Scene:
    colour: str
    shape: str
    position: str
    size: str
    background: str

    def caption(self, template: str) -> str:
        return template.format(s=self.size, c=self.colour, h=self.shape, p=self.position, b=self.background)

    def to_dict(self) -> dict:
        return asdict(self)


def all_scenes() -> list[Scene]:
    """Every scene, background always different from the shape's colour."""
    return [Scene(c, h, p, s, b)
            for c, h, p, s, b in itertools.product(COLOURS, SHAPES, POSITIONS, SIZES, COLOURS)
            if b != c]


def train_scenes() -> list[Scene]:
    return [sc for sc in all_scenes() if (sc.colour, sc.shape, sc.position) not in HELDOUT_COMBOS]


def heldout_scenes() -> list[Scene]:
    return [sc for sc in all_scenes() if (sc.colour, sc.shape, sc.position) in HELDOUT_COMBOS]


def render(scene: Scene, size: int = 32, jitter: tuple[float, float] = (0.0, 0.0), supersample: int = 4) -> Image.Image:
    """Draw `scene` at `size` x `size`; drawn 4x larger and downsampled for smooth edges.

    `jitter` shifts the shape by that many pixels (x, y) of the final image.
    """
    big = size * supersample
    img = Image.new("RGB", (big, big), COLOURS[scene.background])
    draw = ImageDraw.Draw(img)
    ax, ay = ANCHORS[scene.position]
    cx, cy = (ax * size + jitter[0]) * supersample, (ay * size + jitter[1]) * supersample
    half = EXTENT[scene.size] * big / 2
    draw_shape(draw, scene.shape, cx, cy, half, COLOURS[scene.colour])
    return img.resize((size, size), Image.Resampling.BOX)


def draw_shape(draw: ImageDraw.ImageDraw, shape: str, cx: float, cy: float, half: float, fill) -> None:
    """One shape centred at (cx, cy), `half` its half side (or radius)."""
    if shape == "circle":
        draw.ellipse([cx - half, cy - half, cx + half, cy + half], fill=fill)
    elif shape == "square":
        draw.rectangle([cx - half, cy - half, cx + half, cy + half], fill=fill)
    else:  # upright isosceles triangle filling its bounding box
        draw.polygon([(cx, cy - half), (cx + half, cy + half), (cx - half, cy + half)], fill=fill)


def to_tensor_array(img: Image.Image) -> np.ndarray:
    """HWC uint8 image -> CHW float32 in [-1, 1] (the UNet's pixel space)."""
    return (np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / 127.5) - 1.0


class BalancedSampler:
    """Yields (scene, caption) pairs, cycling through shuffled passes over all training
    scenes so every combination is seen equally often (no attribute dominates a batch);
    the phrasing is drawn at random per sample."""

    def __init__(self, seed: int, scenes: list[Scene] | None = None, templates=TRAIN_TEMPLATES,
                 image_size: int = 32, max_jitter: float = 1.0):
        self.rng = random.Random(seed)
        self.scenes = list(scenes if scenes is not None else train_scenes())
        self.templates = tuple(templates)
        self.image_size = image_size
        self.max_jitter = max_jitter
        self._order: list[Scene] = []

    def next(self) -> tuple[Scene, str, Image.Image]:
        if not self._order:
            self._order = self.scenes[:]
            self.rng.shuffle(self._order)
        scene = self._order.pop()
        caption = scene.caption(self.rng.choice(self.templates))
        j = (self.rng.uniform(-self.max_jitter, self.max_jitter), self.rng.uniform(-self.max_jitter, self.max_jitter))
        return scene, caption, render(scene, self.image_size, j)

    def batch(self, n: int) -> tuple[list[Scene], list[str], np.ndarray]:
        items = [self.next() for _ in range(n)]
        pixels = np.stack([to_tensor_array(im) for _, _, im in items])
        return [s for s, _, _ in items], [c for _, c, _ in items], pixels
