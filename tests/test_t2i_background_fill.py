"""#19 round 41: a prompt that names no background is drawn on a colour none of its shapes has."""
from __future__ import annotations

import numpy as np
import torch

from core.diffusion.background_fill import added_background, background_for, fill_background
from core.diffusion.dataset import COLOURS


def test_the_added_colour_is_the_farthest_from_every_object_colour():
    for objects in (["red"], ["white"], ["yellow", "blue"], ["green", "black"]):
        chosen = background_for(objects)
        assert chosen not in objects
        gap = lambda c: min(np.linalg.norm(np.subtract(COLOURS[c], COLOURS[o])) for o in objects)  # noqa: E731
        assert all(gap(chosen) >= gap(other) for other in COLOURS), (objects, chosen)


def test_only_prompts_with_coloured_shapes_and_no_background_are_filled():
    assert fill_background("a green triangle in the centre") == "a green triangle in the centre on a white background"
    assert fill_background("a white square.") == "a white square on a black background"
    assert added_background("a small red triangle above a large green circle") is not None
    for unchanged in ("a red circle on a blue background", "red square, blue backdrop", "a cat", "a circle", ""):
        assert fill_background(unchanged) == unchanged


def test_the_pipeline_draws_a_filled_prompt_as_if_the_background_were_written(shipped_ddim_pipe):
    pipe = shipped_ddim_pipe
    saved = pipe.config.get("background_fill", False)

    def draw(prompt: str, fill: bool) -> np.ndarray:
        pipe.register_to_config(background_fill=fill)
        out = pipe(prompt, num_inference_steps=4, guidance_scale=4.0, generator=torch.Generator().manual_seed(7))
        return np.asarray(out.images[0])

    try:
        filled = draw("a green triangle in the centre", True)
        written = draw("a green triangle in the centre on a white background", False)
        unfilled = draw("a green triangle in the centre", False)
    finally:
        pipe.register_to_config(background_fill=saved)
    assert np.array_equal(filled, written)
    assert not np.array_equal(filled, unfilled)


def test_no_caption_that_names_its_background_is_changed():
    """Every caption of the benchmark's held-out sets (draws 0-19) and of every training and held-out template:
    a background said in any form ("of a blue image", "blue backdrop") is left alone; only the no-background set
    is filled."""
    from benchmarks.text2image import held_out_sets
    from core.diffusion import dataset, pair_dataset

    changed, filled = [], 0
    for seed in range(20):
        for set_name, items in held_out_sets(12, seed).items():
            for _, caption in items:
                if set_name == "two: no background":
                    filled += fill_background(caption) != caption
                elif fill_background(caption) != caption:
                    changed.append(caption)
    scene = dataset.train_scenes()[0]
    for template in (*dataset.TRAIN_TEMPLATES, *dataset.HELDOUT_TEMPLATES):
        if fill_background(scene.caption(template)) != scene.caption(template):
            changed.append(scene.caption(template))
    pair = pair_dataset.train_pair_scenes()[0]
    for template in (*pair_dataset.PAIR_TRAIN_TEMPLATES, *pair_dataset.PAIR_HELDOUT_TEMPLATES):
        if fill_background(pair.caption(template)) != pair.caption(template):
            changed.append(pair.caption(template))
    assert not changed, changed[:5]
    assert filled == 20 * 12


def test_the_page_says_which_background_the_model_adds():
    from apps.text2image.prompt_help import check_markdown
    from core.diffusion.pipeline import folder_config

    assert folder_config().get("background_fill") is True  # the shipped folder fills
    note = check_markdown("a green triangle in the centre", True, True)
    assert "on a white background" in note and note.startswith("✓")
    assert "background" not in check_markdown("a green triangle in the centre", True, False)
    assert "No background named" not in check_markdown("a green triangle on a blue background", True, True)
