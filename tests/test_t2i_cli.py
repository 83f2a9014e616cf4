"""`python -m core image` and `python -m core train-diffusion` from a shell."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.__main__ import main
from core.diffusion.metadata import read_record
from core.safety import Verdict

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "GENAI_THREADS": "1", **(env or {})})


def test_image_verb_writes_png_with_metadata_and_is_reproducible(tmp_path):
    out = tmp_path / "a.png"
    r = _cli("image", "--prompt", "a small yellow circle in the top right on a purple background", "--seed", "11",
             "--steps", "12", "--guidance", "3.5", "--scheduler", "dpm++", "--out", str(out), "--json")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    rec = read_record(out)
    assert info["files"] == [str(out)] and info["records"][0] == rec
    p = rec["params"]
    assert (p["seed"], p["steps"], p["guidance"], p["scheduler"]) == (11, 12, 3.5, "dpm++")
    assert rec["scheduler_class"] == "DPMSolverMultistepScheduler" and rec["environment"]["device"] == "cpu"
    # the same command in-process gives the same pixels
    again = tmp_path / "b.png"
    assert main(["image", "--prompt", p["prompt"], "--seed", "11", "--steps", "12", "--guidance", "3.5",
                 "--scheduler", "dpm++", "--out", str(again)]) == 0
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(Image.open(again)))


@pytest.mark.parametrize("args, message", [
    (["--prompt", ""], "prompt is empty"),
    (["--prompt", "x" * 10_000], "prompt is 10000 characters long"),
    (["--prompt", "a red circle", "--steps", "0"], "steps=0 is out of range"),
    (["--prompt", "a red circle", "--steps", "10000"], "steps=10000 is out of range"),
    (["--prompt", "a red circle", "--seed", "abc"], "seed 'abc' is not an integer"),
])
def test_image_verb_bad_input(tmp_path, capsys, args, message):
    out = tmp_path / "x.png"
    assert main(["image", *args, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_image_verb_safety_block_in_process(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("core.diffusion.generate.scan_image_request", lambda text, negative="", policy=None: Verdict(
        allowed=False, action="block", redacted=text, reasons=["test policy: blocked"]))
    out = tmp_path / "x.png"
    assert main(["image", "--prompt", "anything", "--out", str(out), "--json"]) == 3
    body = json.loads(capsys.readouterr().out)
    assert body["blocked"] is True and body["verdict"]["reasons"] == ["test policy: blocked"] and not out.exists()


def test_image_verb_safety_block_real_policy(tmp_path):
    out = tmp_path / "x.png"
    r = _cli("image", "--prompt", "a naked woman, nsfw", "--out", str(out), "--json")
    assert r.returncode == 3 and json.loads(r.stdout)["blocked"] is True and not out.exists()


def test_train_diffusion_runs_a_few_steps_and_writes_a_loadable_pipeline(tmp_path):
    out = tmp_path / "model"
    r = _cli("train-diffusion", "--out", str(out), "--steps", "3", "--batch-size", "4", "--json")
    assert r.returncode == 0, r.stderr
    assert "train-diffusion" in r.stderr  # the tqdm progress bar
    summary = json.loads(r.stdout)
    assert summary["steps_done"] == 3 and summary["train_config"]["seed"] == 0
    r2 = _cli("image", "--prompt", "a red circle", "--model", str(out), "--steps", "2", "--seed", "0",
              "--out", str(tmp_path / "x.png"))
    assert r2.returncode == 0, r2.stderr
    _assert_pipeline_encodes_with_the_layer_it_was_trained_on(out, summary["train_config"]["text_hidden_layer"])
    # the shipped recipe's second stage: continue that pipeline on one- and two-object scenes
    more = tmp_path / "more"
    r3 = _cli("train-diffusion", "--init-from", str(out), "--two-object-fraction", "0.5", "--grid-weight", "4",
              "--out", str(more), "--steps", "2", "--batch-size", "4", "--json")
    assert r3.returncode == 0, r3.stderr
    cont = json.loads(r3.stdout)["train_config"]
    assert cont["init_from"] == str(out) and cont["two_object_fraction"] == 0.5
    _assert_continued_from(out, more)
    # the #19 pixel head: added to a continued pipeline, saved in its own folder, loaded back
    head = tmp_path / "head"
    r4 = _cli("train-diffusion", "--init-from", str(more), "--pixel-head", "8", "--out", str(head),
              "--steps", "2", "--batch-size", "4", "--json")
    assert r4.returncode == 0, r4.stderr
    _assert_continued_from(more, head)
    from core.diffusion.tiny_pipeline import TinyText2ImagePipeline

    pipe = TinyText2ImagePipeline.from_pretrained(head)
    assert pipe.pixel_head is not None and pipe.pixel_head.config.channels == 8 and pipe.config.flat_phases
    assert TinyText2ImagePipeline.from_pretrained(more).pixel_head is None
    # #19 round 5: the shape-weighted loss, recorded in training.json; --shape-edges needs a weight
    shaped = tmp_path / "shaped"
    r5 = _cli("train-diffusion", "--init-from", str(head), "--shape-weight", "4", "--shape-edges", "--out", str(shaped),
              "--steps", "2", "--batch-size", "4", "--json")
    assert r5.returncode == 0, r5.stderr
    cfg = json.loads(r5.stdout)["train_config"]
    assert cfg["shape_weight"] == 4.0 and cfg["shape_edges"] is True
    _assert_continued_from(head, shaped)
    r6 = _cli("train-diffusion", "--init-from", str(head), "--shape-edges", "--out", str(tmp_path / "no"), "--steps", "1")
    assert r6.returncode == 2 and "--shape-weight" in r6.stderr
    # #19 round 6: --shape-keep-background (background pixels keep weight 1) reaches training.json; needs a weight
    assert cfg["shape_keep_background"] is False
    r7 = _cli("train-diffusion", "--init-from", str(head), "--shape-weight", "4", "--shape-keep-background",
              "--out", str(tmp_path / "kept"), "--steps", "2", "--batch-size", "4", "--json")
    assert r7.returncode == 0, r7.stderr
    assert json.loads(r7.stdout)["train_config"]["shape_keep_background"] is True
    r8 = _cli("train-diffusion", "--init-from", str(head), "--shape-keep-background", "--out", str(tmp_path / "no2"),
              "--steps", "1")
    assert r8.returncode == 2 and "--shape-weight" in r8.stderr
    # #19 round 7: --omit-background (share of captions without a background) reaches training.json; checked range
    assert cfg["omit_background"] == 0.2
    r9 = _cli("train-diffusion", "--init-from", str(head), "--two-object-fraction", "0.5", "--omit-background", "0.4",
              "--out", str(tmp_path / "nobg"), "--steps", "2", "--batch-size", "4", "--json")
    assert r9.returncode == 0, r9.stderr
    assert json.loads(r9.stdout)["train_config"]["omit_background"] == 0.4
    r10 = _cli("train-diffusion", "--init-from", str(head), "--omit-background", "1.5", "--out", str(tmp_path / "no3"),
               "--steps", "1")
    assert r10.returncode == 2 and "--omit-background" in r10.stderr
    # #19 round 25: --shape-twins reaches training.json (off by default); needs two-object scenes
    assert cfg["shape_twins"] is False
    r11 = _cli("train-diffusion", "--init-from", str(head), "--two-object-fraction", "0.5", "--shape-twins",
               "--out", str(tmp_path / "twins"), "--steps", "2", "--batch-size", "4", "--json")
    assert r11.returncode == 0, r11.stderr
    assert json.loads(r11.stdout)["train_config"]["shape_twins"] is True
    r12 = _cli("train-diffusion", "--init-from", str(head), "--shape-twins", "--out", str(tmp_path / "no4"), "--steps", "1")
    assert r12.returncode == 2 and "--two-object-fraction" in r12.stderr


def test_init_from_takes_the_architecture_of_the_shipped_folder():
    from core.diffusion.pipeline import BUNDLED_DIR
    from core.diffusion.train import architecture_of

    arch = architecture_of(BUNDLED_DIR)
    trained = json.loads((BUNDLED_DIR / "training.json").read_text())["train_config"]
    assert {k: list(v) if isinstance(v, tuple) else v for k, v in arch.items()} == {k: trained[k] for k in arch}


def _assert_continued_from(base, continued):
    """Two warm-up steps move the weights a little; a fresh initialisation would be far away."""
    from safetensors.torch import load_file

    a = load_file(next((base / "unet").glob("*.safetensors")))
    b = load_file(next((continued / "unet").glob("*.safetensors")))
    assert a.keys() == b.keys()
    assert max((a[k] - b[k]).abs().max().item() for k in a) < 0.01


def _assert_pipeline_encodes_with_the_layer_it_was_trained_on(folder, layer):
    import torch

    from core.diffusion.text import load_bundled_encoder
    from core.diffusion.tiny_pipeline import TinyText2ImagePipeline

    pipe = TinyText2ImagePipeline.from_pretrained(folder)
    assert pipe.config.text_hidden_layer == layer == -2
    states, _ = pipe.encode_prompt(["a red circle in the top left"])
    tokenizer, model = load_bundled_encoder()
    with torch.no_grad():
        hidden = model(**tokenizer(["a red circle in the top left"], return_tensors="pt"), output_hidden_states=True).hidden_states
    assert torch.allclose(states, hidden[layer], atol=1e-5)
    assert not torch.allclose(states, hidden[-1], atol=1e-2)
