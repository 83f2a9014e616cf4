"""The 2-pixel grid of the space-to-depth model, and the two fixes against it (issue #19).

The grid measure (core.diffusion.image_quality.grid_amplitude) is the largest gap, in levels
of 255, between the background's mean colour on the four pixel phases of a 2x2 block; an
exact render scores 0. The threshold here, 3 levels (about 1% of the range), comes from
what the measure means: a regular pattern that faint is at the limit of what an 8-bit
display shows, while the model before the fixes drew 9-20 levels (median 12-15 per set).
"""
from __future__ import annotations

import json
import shutil
import statistics

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.diffusion import dataset
from core.diffusion.image_quality import grid_amplitude
from core.diffusion.judge import judge
from core.diffusion.pipeline import BUNDLED_DIR, load_pipeline, make_scheduler
from core.diffusion.tiny_pipeline import TinyText2ImagePipeline, remove_phase_offsets

GRID_LEVELS = 3.0

# model_index.json as written before the pixel head and flat_phases existed.
OLD_INDEX = {"_class_name": "TinyText2ImagePipeline", "_diffusers_version": "0.42.1", "patch_size": 2,
             "scheduler": ["diffusers", "DDIMScheduler"], "text_encoder": [None, None], "text_hidden_layer": -2,
             "tokenizer": [None, None], "unet": ["diffusers", "UNet2DConditionModel"]}


def _captions(n: int) -> list[str]:
    from benchmarks.text2image import held_out_sets

    sets = held_out_sets(n)
    return [c for _, c in sets["one: held-out phrasings"]] + [c for _, c in sets["two: held-out phrasings"]]


def _images(pipe, captions, steps: int = 25):
    gens = [torch.Generator().manual_seed(1000 + k) for k in range(len(captions))]
    return pipe(captions, num_inference_steps=steps, guidance_scale=4.0, generator=gens).images


def test_remove_phase_offsets_takes_out_a_grid_and_leaves_exact_renders_alone():
    scenes = [dataset.Scene("red", "circle", "top left", "large", "blue"),
              dataset.Scene("yellow", "triangle", "center", "small", "purple")]
    clean = torch.from_numpy(np.stack([dataset.to_tensor_array(dataset.render(s, jitter=(0.5, 0.3))) for s in scenes]))
    x0 = F.pixel_unshuffle(clean, 2)
    # a grid: per image and colour, a fixed offset per pixel phase that sums to zero (the mean colour is kept)
    offsets = torch.tensor([0.08, -0.05, 0.02, -0.05]).repeat(3)[None, :, None, None]
    fixed = F.pixel_shuffle(remove_phase_offsets(x0 + offsets, 2), 2)
    assert (F.pixel_shuffle(x0 + offsets, 2) - clean).abs().max() * 127.5 > 10  # the grid was there
    assert (fixed - clean).abs().max() * 127.5 < 0.5, "the grid is not removed exactly"
    # no grid: shapes' edges (where pixel phases rightly differ) do not move the estimate
    untouched = F.pixel_shuffle(remove_phase_offsets(x0, 2), 2)
    assert (untouched - clean).abs().max() * 127.5 < 0.5
    assert remove_phase_offsets(x0, 1) is x0  # patch size 1: no phases


@pytest.fixture(scope="module")
def shipped(shipped_ddim_pipe):
    return shipped_ddim_pipe


def test_shipped_model_draws_flat_backgrounds_without_the_grid(shipped):
    assert json.loads((BUNDLED_DIR / "model_index.json").read_text())["flat_phases"] is True
    grids = [grid_amplitude(im) for im in _images(shipped, _captions(6))]
    assert statistics.median(grids) < GRID_LEVELS and max(grids) < 2 * GRID_LEVELS, grids


def test_shipped_pixel_head_loads_and_changes_the_output(shipped):
    from core.diffusion.pixel_unet import PixelHead

    assert isinstance(shipped.pixel_head, PixelHead)
    assert sum(f.stat().st_size for f in (BUNDLED_DIR / "pixel_head").glob("*.safetensors")) < 1 * 2**20
    bare = TinyText2ImagePipeline.from_pretrained(BUNDLED_DIR)
    bare.register_modules(pixel_head=None)
    bare.register_to_config(flat_phases=False)
    bare.scheduler = make_scheduler("ddim", dict(shipped.scheduler.config))
    bare.set_progress_bar_config(disable=True)
    captions = _captions(2)
    without = np.stack([np.asarray(im, dtype=np.float32) for im in _images(bare, captions, steps=10)])
    bare.register_modules(pixel_head=shipped.pixel_head)
    with_head = np.stack([np.asarray(im, dtype=np.float32) for im in _images(bare, captions, steps=10)])
    assert np.abs(with_head - without).mean() > 1.0  # levels of 255: the trained head is not the identity


def test_a_model_folder_without_pixel_head_or_flat_phases_still_loads_and_draws(tmp_path):
    folder = tmp_path / "old-model"
    folder.mkdir()
    for part in ("unet", "scheduler"):
        shutil.copytree(BUNDLED_DIR / part, folder / part)
    (folder / "model_index.json").write_text(json.dumps(OLD_INDEX, indent=2))
    loaded = load_pipeline(str(folder))
    pipe = loaded.pipe
    assert pipe.pixel_head is None and pipe.config.flat_phases is False and loaded.family.family == "tiny"
    image = _images(pipe, ["a large red square in the center on a blue background"], steps=10)[0]
    assert image.size == (32, 32)
    assert judge(image, dataset.Scene("red", "square", "center", "large", "blue"))["background"]
