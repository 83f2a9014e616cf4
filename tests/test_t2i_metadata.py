"""Generation parameters survive a PNG round trip; foreign PNGs are refused clearly."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from core.diffusion import gallery, metadata


def _record():
    return {"params": {"prompt": "a small red circle in the top left on a blue background, ünïcode ✓",
                       "negative_prompt": "green", "seed": 2**40 + 7, "steps": 25, "guidance": 4.5,
                       "scheduler": "dpm++", "batch_size": 1, "width": 32, "height": 32, "model": "bundled"},
            "model": "genai-studio/tiny-shapes-32", "scheduler_class": "DPMSolverMultistepScheduler",
            "environment": metadata.environment("cpu", "float32")}


def test_round_trip_through_file_bytes_and_image(tmp_path):
    img = Image.new("RGB", (32, 32), (10, 20, 30))
    rec = _record()
    path = metadata.save_png(img, rec, tmp_path / "a.png")
    assert metadata.read_record(path) == rec
    assert metadata.read_record(path.read_bytes()) == rec
    assert metadata.read_record(Image.open(path)) == rec
    assert metadata.read_record(io.BytesIO(metadata.png_bytes(img, rec))) == rec
    plain = Image.open(path).text  # readable by any PNG viewer too
    assert plain["prompt"] == rec["params"]["prompt"] and plain["seed"] == str(2**40 + 7)
    env = rec["environment"]
    assert {"torch", "diffusers", "transformers", "device", "dtype"} <= set(env)


def test_png_without_metadata_is_refused(tmp_path):
    path = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(path)
    with pytest.raises(metadata.NoMetadata, match="no 'genai-studio' metadata"):
        metadata.read_record(path)


def test_gallery_persists_in_the_data_folder(data_dir):
    img = Image.new("RGB", (32, 32), (200, 0, 0))
    e1 = gallery.add(img, _record())
    e2 = gallery.add(img, {**_record(), "params": {**_record()["params"], "prompt": "second"}})
    assert e1.path.parent == data_dir / "text2image" / "images"
    assert Image.open(e1.display_path).size == (256, 256)  # nearest-neighbour display copy
    assert metadata.read_record(e1.display_path)["params"]["seed"] == 2**40 + 7
    with open(data_dir / "text2image" / "history.jsonl", "a") as f:
        f.write("{not json\n")  # a damaged line is skipped, nothing else lost
    listed = gallery.entries()
    assert [e.id for e in listed] == [e2.id, e1.id] and listed[0].prompt == "second"
