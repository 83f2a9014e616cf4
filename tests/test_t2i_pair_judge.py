"""The two-object judge and the image-quality measures against exact renders and wrong captions."""
from __future__ import annotations

import random

import numpy as np

from core.diffusion import dataset, pair_dataset
from core.diffusion.image_quality import background_flatness, grid_amplitude, shape_contrast
from core.diffusion.pair_dataset import PairScene, Thing, render_pair
from core.diffusion.pair_judge import analyse_pair, judge_pair


def test_pair_judge_is_right_on_rendered_pair_scenes_with_jitter():
    rng = random.Random(5)
    scenes = rng.sample(pair_dataset.all_pair_scenes(), 1500)
    wrong = []
    for scene in scenes:
        image = render_pair(scene, 32, (rng.uniform(-1, 1), rng.uniform(-1, 1)))
        verdict = judge_pair(image, scene)
        if not all(verdict.values()):
            wrong.append((scene, verdict))
    assert not wrong, wrong[:5]


def test_pair_judge_rejects_each_wrong_claim():
    scene = PairScene(Thing("red", "circle", "small"), "to the left of", Thing("blue", "square", "large"), "yellow")
    image = render_pair(scene)
    swapped = PairScene(scene.first, "to the right of", scene.second, "yellow")
    assert judge_pair(image, swapped)["relation"] is False
    above = PairScene(scene.first, "above", scene.second, "yellow")
    assert judge_pair(image, above)["relation"] is False
    other_shape = PairScene(Thing("red", "triangle", "small"), "to the left of", scene.second, "yellow")
    assert judge_pair(image, other_shape)["shapes"] is False
    missing = PairScene(scene.first, "to the left of", Thing("green", "square", "large"), "yellow")
    verdict = judge_pair(image, missing)
    assert not verdict["colours"] and not verdict["shapes"] and not verdict["relation"]
    sizes = PairScene(Thing("red", "circle", "large"), "to the left of", scene.second, "yellow")
    assert judge_pair(image, sizes)["sizes"] is False and judge_pair(image, sizes)["shapes"] is True
    # A one-object image (only the first object) fails "colours" for a two-object caption.
    one = dataset.render(dataset.Scene("red", "circle", "center", "small", "yellow"))
    assert judge_pair(one, scene)["colours"] is False


def test_quality_measures_on_exact_renders_and_degraded_images():
    scene = dataset.Scene("green", "triangle", "center", "large", "white")
    image = np.asarray(dataset.render(scene), dtype=np.float32)
    assert background_flatness(image) < 0.5 and grid_amplitude(image) < 0.5
    as_pair = PairScene(Thing("green", "triangle", "large"), "above", Thing("green", "triangle", "large"), "white")
    mask = analyse_pair(image, as_pair)["first"]["mask"]
    assert shape_contrast(image, mask, "green", "white") > 0.85
    # A 2-pixel grid of +-12 levels on the background is measured as such.
    grid = image.copy()
    grid[0::2, 0::2] += 12
    grid[1::2, 1::2] -= 12
    assert grid_amplitude(np.clip(grid, 0, 255)) > 15 and background_flatness(np.clip(grid, 0, 255)) > 5
    # A faint shape (a third of the way from the background to its colour) has low contrast.
    faint = image.copy()
    white = np.array(dataset.COLOURS["white"], dtype=np.float32)
    faint[mask] = white + (faint[mask] - white) / 3
    assert shape_contrast(faint, mask, "green", "white") < 0.5
    assert shape_contrast(image, None, "green", "white") == 0.0


def test_pair_splits_and_captions():
    train, held = pair_dataset.train_pair_scenes(), pair_dataset.heldout_pair_scenes()
    assert len(train) + len(held) == len(pair_dataset.all_pair_scenes()) and held
    pairs = lambda scenes: {frozenset({(s.first.colour, s.first.shape), (s.second.colour, s.second.shape)}) for s in scenes}  # noqa: E731
    assert not pairs(train) & pairs(held)
    assert not set(pair_dataset.PAIR_TRAIN_TEMPLATES) & set(pair_dataset.PAIR_HELDOUT_TEMPLATES)
    scene = PairScene(Thing("yellow", "triangle", "small"), "above", Thing("green", "circle", "large"), "orange")
    assert scene.caption("{A} {R} {B} on {an_b} background") == \
        "a small yellow triangle above a large green circle on an orange background"
    scenes, captions, pixels = pair_dataset.MixedSampler(0).batch(16)
    assert pixels.shape == (16, 3, 32, 32) and any(isinstance(s, PairScene) for s in scenes)
    assert any(isinstance(s, dataset.Scene) for s in scenes)


class _RenderingPipe:
    """Stands in for a model in benchmarks/text2image.evaluate: draws each caption's scene exactly
    (or with its relation reversed), so the benchmark's judging path is what is tested."""

    def __init__(self, items, reverse: bool = False):
        self.scenes = {caption: scene for scene, caption in items}
        self.reverse = reverse

    def __call__(self, prompts, **_):
        from types import SimpleNamespace

        images = []
        for p in prompts:
            scene = self.scenes[p]
            if isinstance(scene, PairScene):
                if self.reverse:
                    scene = PairScene(scene.second, scene.relation, scene.first, scene.background)
                images.append(render_pair(scene))
            else:
                images.append(dataset.render(scene))
        return SimpleNamespace(images=images)


def test_benchmark_scores_exact_renders_full_and_reversed_relations_zero():
    from benchmarks.text2image import evaluate, held_out_sets

    sets = held_out_sets(12)
    for name in ("two: held-out phrasings", "two: held-out combinations"):
        acc, _ = evaluate(_RenderingPipe(sets[name]), sets[name], steps=1, guidance=1.0)
        assert acc["colours"] == acc["shapes"] == acc["relation"] == 1.0, acc
        assert acc["flatness"] < 0.5 and acc["contrast"] > 0.8 and acc["faint"] == 0.0
        wrong, _ = evaluate(_RenderingPipe(sets[name], reverse=True), sets[name], steps=1, guidance=1.0)
        assert wrong["relation"] == 0.0 and wrong["colours"] == 1.0
    one = sets["one: held-out phrasings"]
    acc, _ = evaluate(_RenderingPipe(one), one, steps=1, guidance=1.0)
    assert acc["colour"] == acc["shape"] == acc["position"] == 1.0


def test_pair_judge_tells_soft_squares_from_circles():
    """Two-object scenes drawn soft (blurred, faded, noisy): each object found in its colour gets
    its shape right in >= 95 % of cases (the fill rule before #19 round 5: 78 % of small squares)."""
    from benchmarks.text2image_judge_check import degrade

    rng = random.Random(11)
    scenes = [s for s in pair_dataset.all_pair_scenes() if "square" in (s.first.shape, s.second.shape)]
    right = found = 0
    for scene in rng.sample(scenes, 300):
        image = render_pair(scene, 32, (rng.uniform(-1, 1), rng.uniform(-1, 1)))
        got = analyse_pair(degrade(image, scene.background, rng), scene)
        for thing, obj in ((scene.first, got["first"]), (scene.second, got["second"])):
            if obj is not None and thing.shape == "square":
                found += 1
                right += obj["shape"] == "square"
    assert found > 250 and right / found >= 0.95, (right, found)


def _drawn(scene: PairScene, background: str, sizes=("large", "small")) -> PairScene:
    """`scene` (no background named, sizes perhaps unsaid) as it could be drawn on `background`."""
    first = Thing(scene.first.colour, scene.first.shape, scene.first.size or sizes[0])
    second = Thing(scene.second.colour, scene.second.shape, scene.second.size or sizes[1])
    return PairScene(first, scene.relation, second, background)


def test_no_background_set_exact_renders_pass_and_object_coloured_backgrounds_fail():
    """#19 round 7: a caption with no background is right on any background but the objects' colours;
    a size the caption does not say is not checked."""
    from benchmarks.text2image import evaluate, held_out_sets

    items = held_out_sets(24)["two: no background"]
    assert all(s.background is None for s, _ in items)
    assert any(s.first.size is None for s, _ in items) and any(s.first.size for s, _ in items)
    assert not any(c in {t.format(A="", R="", B="").strip() for t in pair_dataset.PAIR_TRAIN_TEMPLATES_NO_BACKGROUND}
                   for _, c in items)
    for scene, caption in items:
        assert "background" not in caption and scene.relation in caption
        free = next(c for c in dataset.COLOURS if c not in (scene.first.colour, scene.second.colour))
        for sizes in (("large", "small"), ("small", "large")):
            verdict = judge_pair(render_pair(_drawn(scene, free, sizes)), scene)
            assert all(verdict.values()), (caption, sizes, verdict)
        # the background painted in the first object's colour: that object is gone
        hidden = judge_pair(render_pair(_drawn(scene, scene.first.colour)), scene)
        assert hidden["background"] is False and hidden["colours"] is False, (caption, hidden)

    class _Exact:  # the benchmark's path: evaluate() judges and measures exact renders on a free background
        def __call__(self, prompts, **_):
            from types import SimpleNamespace

            scenes = dict((c, s) for s, c in items)
            free = {c: next(k for k in dataset.COLOURS if k not in (s.first.colour, s.second.colour)) for c, s in scenes.items()}
            return SimpleNamespace(images=[render_pair(_drawn(scenes[p], free[p])) for p in prompts])

    acc, _ = evaluate(_Exact(), items, steps=1, guidance=1.0)
    assert acc["colours"] == acc["shapes"] == acc["relation"] == acc["sizes"] == acc["background"] == 1.0, acc
    assert acc["contrast"] > 0.8
