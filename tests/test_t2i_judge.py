"""The judge against exact renders of every scene, and against wrong captions."""
from __future__ import annotations

import random

import numpy as np

from core.diffusion import dataset
from core.diffusion.judge import ATTRIBUTES, analyse, judge


def test_judge_is_right_on_every_rendered_scene_with_jitter():
    rng = random.Random(3)
    wrong = []
    for scene in dataset.all_scenes():
        image = dataset.render(scene, 32, (rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)))
        verdict = judge(image, scene)
        if not all(verdict.values()):
            wrong.append((scene, verdict))
    assert not wrong, wrong[:5]


def test_judge_rejects_each_wrong_attribute():
    scene = dataset.Scene("red", "triangle", "top left", "large", "blue")
    image = dataset.render(scene)
    for attr, other in [("colour", "orange"), ("shape", "circle"), ("position", "bottom right"),
                        ("size", "small"), ("background", "white")]:
        claim = {**scene.to_dict(), attr: other}
        verdict = judge(image, claim)
        assert verdict[attr] is False
        assert all(v for a, v in verdict.items() if a != attr)


def test_plain_noise_and_blank_images_fail_the_judge():
    scene = dataset.Scene("yellow", "square", "center", "small", "black")
    blank = np.zeros((32, 32, 3), dtype=np.uint8)
    assert analyse(blank).shape is None and not judge(blank, scene)["shape"]
    noise = np.random.default_rng(0).integers(0, 256, (32, 32, 3), dtype=np.uint8)
    assert sum(judge(noise, scene).values()) < len(ATTRIBUTES)


def test_vocabulary_and_held_out_splits():
    assert set(dataset.COLOURS) >= {"red", "green", "blue", "yellow", "purple", "orange", "white", "black"}
    assert set(dataset.SHAPES) == {"circle", "square", "triangle"}
    assert set(dataset.POSITIONS) == {"center", "top left", "top right", "bottom left", "bottom right"}
    train = {(s.colour, s.shape, s.position) for s in dataset.train_scenes()}
    assert not train & dataset.HELDOUT_COMBOS and len(dataset.heldout_scenes()) > 0
    assert not set(dataset.TRAIN_TEMPLATES) & set(dataset.HELDOUT_TEMPLATES)
    scenes, captions, pixels = dataset.BalancedSampler(0).batch(8)
    assert pixels.shape == (8, 3, 32, 32) and pixels.min() >= -1 and pixels.max() <= 1
    assert all(s.colour in c and s.shape in c and s.position in c for s, c in zip(scenes, captions))


def test_judge_tells_soft_small_squares_from_circles():
    """Squares and circles drawn soft, as the model draws them (blurred, a little faded, noisy,
    off-centre): the bounding-box fill rule used before #19 round 5 called ~15 % of small squares
    circles (benchmarks/text2image_judge_check.py); the coverage rule gets every one here."""
    from benchmarks.text2image_judge_check import degrade

    rng = random.Random(7)
    wrong = []
    for scene in dataset.all_scenes():
        if scene.shape == "triangle":
            continue
        image = dataset.render(scene, 32, (rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)))
        soft = degrade(image, scene.background, rng)
        got = analyse(soft)
        if got.colour == scene.colour and got.shape != scene.shape:
            wrong.append((scene, got.shape, got.fill_ratio))
    squares = [w for w in wrong if w[0].shape == "square"]
    assert len(wrong) <= 2 and not squares, wrong[:5]
