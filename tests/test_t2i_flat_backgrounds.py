"""Flat backgrounds at inference (issue #19 round 29): the guidance interval and the flat cleanup.

- guidance_min_t: classifier-free guidance only at timesteps >= T. At the last, low-noise steps the
  guided output u + s (c - u) amplifies the leftover texture in which the two predictions differ
  (s - 1 = 3 times); that is most of the grain left on flat backgrounds after the 2-pixel grid fixes.
- flat_cleanup: an edge-preserving sigma filter of the decoded image (core/diffusion/flat_cleanup.py).

Measured through the pipeline on real generated images: two objects, held-out phrasings of the
benchmark's tuning draw (seed 3), 16 images; flatness = the benchmark's per-pixel std of the
background (core.diffusion.image_quality), median over the images. With both switches off the
shipped model draws 3.96 levels on these, with guidance_min_t 160 alone 2.97, with cleanup radius 2
alone 2.80, with both 1.89. (The model before #19's fixes drew 5.9-6.4 on two-object sets.)
"""
from __future__ import annotations

import json
import statistics

import numpy as np
import pytest
import torch

from core.diffusion import dataset
from core.diffusion.flat_cleanup import sigma_filter
from core.diffusion.image_quality import background_flatness
from core.diffusion.judge import judge
from core.diffusion.pipeline import BUNDLED_DIR


@pytest.fixture(scope="module")
def captions():
    from benchmarks.text2image import held_out_sets

    return [c for _, c in held_out_sets(16, seed=3)["two: held-out phrasings"]]


def _median_flatness(pipe, captions, **config) -> float:
    saved = {k: pipe.config.get(k, 0) for k in config}
    try:
        pipe.register_to_config(**config)
        gens = [torch.Generator().manual_seed(31000 + k) for k in range(len(captions))]
        images = pipe(captions, num_inference_steps=25, guidance_scale=4.0, generator=gens).images
    finally:
        pipe.register_to_config(**saved)
    return statistics.median(background_flatness(im) for im in images)


def test_guidance_interval_flattens_two_object_backgrounds(shipped_ddim_pipe, captions):
    off = _median_flatness(shipped_ddim_pipe, captions, guidance_min_t=0, flat_cleanup=0)
    on = _median_flatness(shipped_ddim_pipe, captions, guidance_min_t=160, flat_cleanup=0)
    assert on < 0.85 * off, (on, off)


def test_flat_cleanup_flattens_two_object_backgrounds(shipped_ddim_pipe, captions):
    off = _median_flatness(shipped_ddim_pipe, captions, guidance_min_t=0, flat_cleanup=0)
    on = _median_flatness(shipped_ddim_pipe, captions, guidance_min_t=0, flat_cleanup=2)
    assert on < 0.85 * off, (on, off)


def test_below_guidance_min_t_only_the_conditional_row_runs(shipped_ddim_pipe):
    pipe = shipped_ddim_pipe
    rows = []
    hook = pipe.unet.register_forward_hook(lambda module, args, out: rows.append(args[0].shape[0]))
    saved = pipe.config.get("guidance_min_t", 0)
    try:
        pipe.register_to_config(guidance_min_t=500)
        pipe("a red circle to the left of a blue square", num_inference_steps=10, guidance_scale=4.0,
             generator=torch.Generator().manual_seed(0))
    finally:
        hook.remove()
        pipe.register_to_config(guidance_min_t=saved)
    assert rows == [2 if int(t) >= 500 else 1 for t in pipe.scheduler.timesteps], rows


def test_sigma_filter_removes_grain_and_keeps_edges():
    scenes = [dataset.Scene("red", "circle", "top left", "large", "blue"),
              dataset.Scene("yellow", "triangle", "center", "small", "orange"),
              dataset.Scene("black", "square", "bottom right", "small", "white")]
    rng = np.random.default_rng(0)
    for scene in scenes:
        exact = np.asarray(dataset.render(scene), dtype=np.uint8)
        noisy = np.clip(exact + rng.normal(0, 3, exact.shape), 0, 255).round().astype(np.uint8)
        cleaned = sigma_filter(noisy, radius=2)
        assert background_flatness(cleaned) < 0.5 * background_flatness(noisy)
        assert judge(cleaned, scene) == judge(exact, scene)
        kept = sigma_filter(exact, radius=2)  # no grain: outlines may only move within the delta
        assert np.abs(kept.astype(int) - exact).max() <= 8


def test_the_shipped_model_cleans_flat_areas_and_guides_every_step():
    # round 29: the guidance interval with the filter failed the decision rule on shape contrast (-0.011 on one set);
    # the filter alone passed it (benchmarks/results/text2image_issue19_round29.md, section 6) and ships on; at
    # radius 3 since round 42's blended weights (their grain needs the wider window: text2image_issue19_round40.md)
    index = json.loads((BUNDLED_DIR / "model_index.json").read_text())
    assert index.get("guidance_min_t", 0) == 0 and index.get("flat_cleanup", 0) == 3, index
