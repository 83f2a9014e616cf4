"""Shape twins (#19 round 25, `train-diffusion --shape-twins`): a two-shape pair scene and its twin
with the shapes exchanged between the two colours, trained on the same noise and timestep."""
from __future__ import annotations

import numpy as np
import torch

from core.diffusion import pair_dataset
from core.diffusion.pair_dataset import HELDOUT_PAIRS, MixedSampler, PairScene, Thing, render_pair, shape_swapped
from core.diffusion.train import TrainConfig, batch_randomness


def test_twin_exchanges_the_shapes_between_the_colours_in_scene_and_caption():
    scene = PairScene(Thing("red", "circle", "small"), "to the left of", Thing("blue", "square", None), "green")
    caption = scene.caption("{A} {R} {B}, {b} background", (True, False))
    assert caption == "a small red circle to the left of a blue square, green background"
    twin, twin_caption = shape_swapped(scene, caption)
    assert twin == PairScene(Thing("red", "square", "small"), "to the left of", Thing("blue", "circle", None), "green")
    assert twin_caption == "a small red square to the left of a blue circle, green background"
    # the shape word before a comma is exchanged too
    scene2 = PairScene(Thing("white", "circle", "large"), "above", Thing("black", "triangle", "small"), "orange")
    assert shape_swapped(scene2, scene2.caption("{A} {R} {B}, {b} background"))[1] == \
        "a large white triangle above a small black circle, orange background"


def test_no_twin_for_same_shapes_or_a_held_out_pair():
    same = PairScene(Thing("red", "circle", "small"), "above", Thing("blue", "circle", "large"), "green")
    assert shape_swapped(same, "x") is None
    # a training scene whose twin is a held-out pair (a's colour with b's shape, b's colour with a's shape)
    checked = 0
    for pair in HELDOUT_PAIRS:
        (c1, h1), (c2, h2) = sorted(pair)
        scene = PairScene(Thing(c1, h2, "small"), "above", Thing(c2, h1, "small"), "white")
        if h1 != h2 and c1 != c2 and not pair_dataset.is_heldout(scene):
            assert shape_swapped(scene, scene.caption("{A} {R} {B}")) is None
            checked += 1
    assert checked > 0
    # over every training scene: a twin is never held out
    for scene in pair_dataset.train_pair_scenes()[::97]:
        twin = shape_swapped(scene, scene.caption("{A} {R} {B}"))
        assert twin is None or not pair_dataset.is_heldout(twin[0])


def test_batch_with_twins_keeps_the_batch_draws_and_adds_rendered_twins():
    plain, twinned = MixedSampler(7, 0.5), MixedSampler(7, 0.5)
    seen = 0
    for _ in range(3):
        scenes, captions, pixels = plain.batch(8)
        t_scenes, t_captions, t_pixels, twin_of = twinned.batch_with_twins(8)
        assert t_scenes[:8] == scenes and t_captions[:8] == captions and np.array_equal(t_pixels[:8], pixels)
        assert len(t_scenes) == 8 + len(twin_of)
        for k, i in enumerate(twin_of):
            twin, cap = t_scenes[8 + k], t_captions[8 + k]
            assert (twin, cap) == shape_swapped(scenes[i], captions[i])
            # drawn where its scene was (same jitter): the same pixels as the scene except the shapes
            assert not np.array_equal(t_pixels[8 + k], pixels[i])
            assert t_pixels[8 + k].shape == pixels[i].shape
            seen += 1
    assert seen > 0
    # a twin of an exact scene is the exact render of the swapped scene
    scene = PairScene(Thing("red", "circle", "large"), "below", Thing("blue", "triangle", "large"), "white")
    twin, _ = shape_swapped(scene, scene.caption("{A} {R} {B}"))
    assert np.array_equal(np.asarray(render_pair(twin)), np.asarray(render_pair(
        PairScene(Thing("red", "triangle", "large"), "below", Thing("blue", "circle", "large"), "white"))))


def test_twins_share_their_scene_noise_timestep_and_dropout_and_no_twins_draw_as_before():
    cfg = TrainConfig(batch_size=6, cond_dropout=0.5)
    shape = (12, 16, 16)
    drop, noise, t = batch_randomness(torch.Generator().manual_seed(3), cfg, shape, [1, 4], 1000)
    assert noise.shape == (8, *shape) and t.shape == (8,) and drop.shape == (8,)
    for k, i in enumerate([1, 4]):
        assert torch.equal(noise[6 + k], noise[i]) and t[6 + k] == t[i] and drop[6 + k] == drop[i]
    # the first 6 are the draws without twins, and those are what the trainer drew before round 25
    d0, n0, t0 = batch_randomness(torch.Generator().manual_seed(3), cfg, shape, [], 1000)
    assert torch.equal(d0, drop[:6]) and torch.equal(n0, noise[:6]) and torch.equal(t0, t[:6])
    g = torch.Generator().manual_seed(3)
    old_drop = torch.rand(6, generator=g) < 0.5
    old_noise = torch.randn((6, *shape), generator=g)
    old_t = torch.randint(0, 1000, (6,), generator=g)
    assert torch.equal(d0, old_drop) and torch.equal(n0, old_noise) and torch.equal(t0, old_t)


def test_copy_twin_draws_the_smaller_object_in_the_other_shape_and_changes_one_word():
    scene = PairScene(Thing("red", "circle", "large"), "to the left of", Thing("blue", "square", "small"), "green")
    caption = scene.caption("{A} {R} {B}, {b} background")
    copy, copy_caption = pair_dataset.shape_copied(scene, caption)
    assert copy == PairScene(Thing("red", "circle", "large"), "to the left of", Thing("blue", "circle", "small"), "green")
    assert copy_caption == "a large red circle to the left of a small blue circle, green background"
    # the first object is the smaller one: it is the one that changes
    scene2 = PairScene(Thing("white", "triangle", "small"), "above", Thing("black", "circle", "large"), "orange")
    copy2, caption2 = pair_dataset.shape_copied(scene2, scene2.caption("{b} background with {A} {R} {B}"))
    assert copy2.first == Thing("white", "circle", "small") and copy2.second == scene2.second
    assert caption2 == "orange background with a small white circle above a large black circle"
    # sizes equal: the second object changes
    scene3 = PairScene(Thing("red", "square", "small"), "below", Thing("blue", "triangle", "small"), "white")
    assert pair_dataset.shape_copied(scene3, "x")[0].second.shape == "square"
    # same shapes: nothing to copy
    same = PairScene(Thing("red", "circle", "small"), "above", Thing("blue", "circle", "large"), "green")
    assert pair_dataset.shape_copied(same, "x") is None


def test_copy_twin_is_never_a_held_out_pair():
    made = 0
    for scene in pair_dataset.train_pair_scenes()[::41]:
        copy = pair_dataset.shape_copied(scene, scene.caption("{A} {R} {B}"))
        if copy is not None:
            made += 1
            assert not pair_dataset.is_heldout(copy[0])
            shapes = (copy[0].first.shape, copy[0].second.shape)
            assert shapes[0] == shapes[1] and copy[1].count(shapes[0]) == 2
    assert made > 100


def test_batch_with_copies_keeps_the_batch_draws_and_adds_both_twin_kinds():
    plain, twinned = MixedSampler(11, 0.5), MixedSampler(11, 0.5)
    kinds = {"swap": 0, "copy": 0}
    for _ in range(3):
        scenes, captions, pixels = plain.batch(8)
        t_scenes, t_captions, t_pixels, twin_of = twinned.batch_with_twins(8, copies=True)
        assert t_scenes[:8] == scenes and t_captions[:8] == captions and np.array_equal(t_pixels[:8], pixels)
        for k, i in enumerate(twin_of):
            made = (t_scenes[8 + k], t_captions[8 + k])
            if made == shape_swapped(scenes[i], captions[i]):
                kinds["swap"] += 1
            else:
                assert made == pair_dataset.shape_copied(scenes[i], captions[i])
                kinds["copy"] += 1
            assert t_pixels[8 + k].shape == pixels[i].shape and not np.array_equal(t_pixels[8 + k], pixels[i])
    assert kinds["swap"] > 0 and kinds["copy"] > 0
