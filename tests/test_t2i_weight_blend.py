"""Blending a fine-tune back toward the model it started from (#19 round 38,
`train-diffusion --blend-with-start ALPHA`, core/diffusion/weight_blend.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from core.diffusion.weight_blend import WEIGHT_FILES, blend_folders, blend_state

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "GENAI_THREADS": "1"})


def test_blend_is_the_start_at_zero_the_fine_tune_at_one_and_between_them_elsewhere():
    gen = torch.Generator().manual_seed(0)
    start = {"w": torch.randn(4, 3, generator=gen), "steps": torch.tensor([7])}
    tuned = {"w": torch.randn(4, 3, generator=gen), "steps": torch.tensor([9])}
    assert torch.equal(blend_state(start, tuned, 0.0)["w"], start["w"])
    assert torch.allclose(blend_state(start, tuned, 1.0)["w"], tuned["w"], atol=1e-6)
    mid = blend_state(start, tuned, 0.25)
    assert torch.allclose(mid["w"], 0.75 * start["w"] + 0.25 * tuned["w"], atol=1e-6)
    assert torch.equal(mid["steps"], tuned["steps"])  # not a weight: never averaged


@pytest.mark.parametrize("alpha", [-0.1, 1.5])
def test_blend_refuses_an_alpha_outside_zero_one(alpha):
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        blend_state({"w": torch.zeros(2)}, {"w": torch.ones(2)}, alpha)


def test_blend_refuses_two_models_that_are_not_one_fine_tune_of_the_other():
    with pytest.raises(ValueError, match="different tensors"):
        blend_state({"a": torch.zeros(2)}, {"b": torch.zeros(2)}, 0.5)
    with pytest.raises(ValueError, match="shape"):
        blend_state({"a": torch.zeros(2)}, {"a": torch.zeros(3)}, 0.5)


def test_train_diffusion_blend_equals_the_blend_of_the_unblended_fine_tune(tmp_path):
    base = tmp_path / "base"
    r = _cli("train-diffusion", "--out", str(base), "--steps", "2", "--batch-size", "4", "--pixel-head", "8")
    assert r.returncode == 0, r.stderr
    common = ("--init-from", str(base), "--two-object-fraction", "0.5", "--shape-twins", "--lr", "1e-2",
              "--steps", "3", "--batch-size", "4", "--seed", "3", "--checkpoint-every", "0", "--json")
    tuned, blended = tmp_path / "tuned", tmp_path / "blended"
    assert (r := _cli("train-diffusion", *common, "--out", str(tuned))).returncode == 0, r.stderr
    r = _cli("train-diffusion", *common, "--blend-with-start", "0.4", "--out", str(blended))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["train_config"]["blend_with_start"] == 0.4
    by_folders = blend_folders(base, tuned, 0.4, tmp_path / "by_folders")
    for rel in WEIGHT_FILES:
        start, fine, cli, offline = (load_file(d / rel) for d in (base, tuned, blended, by_folders))
        moved = max((fine[k] - start[k]).abs().max().item() for k in start)
        assert moved > 1e-4  # the fine-tune moved the weights, so the blend is not trivially the start
        for k in start:
            # the command's blend is the offline blend of its unblended twin run, tensor by tensor
            assert torch.equal(cli[k], offline[k]), k
            assert torch.allclose(cli[k], start[k] + 0.4 * (fine[k] - start[k]), atol=1e-6), k
    # the blended model loads and draws
    r = _cli("image", "--prompt", "a red circle", "--model", str(blended), "--steps", "2", "--seed", "0",
             "--out", str(tmp_path / "x.png"))
    assert r.returncode == 0, r.stderr


def test_blend_with_start_needs_an_init_from_and_a_share(tmp_path):
    r = _cli("train-diffusion", "--blend-with-start", "0.5", "--out", str(tmp_path / "no"), "--steps", "1")
    assert r.returncode == 2 and "--init-from" in r.stderr
    r = _cli("train-diffusion", "--init-from", str(ROOT / "assets" / "text2image"), "--blend-with-start", "2",
             "--out", str(tmp_path / "no2"), "--steps", "1")
    assert r.returncode == 2 and "--blend-with-start" in r.stderr
