"""Every way an image leaves text-to-image carries its parameters, and dropping it back restores them.

Save paths: the main image's own download (the generate output), each image of a batch, both
guidance-comparison images, the gallery files, and the CLI's PNG and timeline strip.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from net_helpers import free_port
from PIL import Image

from core.diffusion import gallery
from core.diffusion.metadata import read_record

PROMPT = "a small red circle to the left of a large blue square on a white background"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def client(data_dir):
    from apps.text2image.app import build_app

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        yield Client(url, verbose=False)
    finally:
        demo.close()


def _restores(client, path, tmp_path, name: str) -> list:
    """Drop a copy of `path` (as a browser would upload it) and return the restored controls."""
    dropped = tmp_path / f"dropped-{name}.png"
    shutil.copy(path, dropped)
    assert Image.open(dropped).format == "PNG"
    return list(client.predict(handle_file(str(dropped)), api_name="/restore"))


def test_main_image_and_each_batch_image_download_as_png_with_parameters(client, tmp_path):
    image, _, shown, _, seed, batch = client.predict(PROMPT, "", "500", 12, 4.0, "ddim", 3, "32", api_name="/generate")
    assert seed == "500"
    # The main image's own download is the file the page shows: a PNG with the record.
    assert read_record(image)["params"]["seed"] == 500
    assert _restores(client, image, tmp_path, "main")[:6] == [PROMPT, "", "500", 12, 4.0, "ddim"]
    # Every image of the batch is shown, each with its own seed.
    batch = batch["value"] if isinstance(batch, dict) else batch  # a gr.update (the gallery shows for batches only)
    paths = [item["image"]["path"] if isinstance(item["image"], dict) else item["image"] for item in batch]
    assert len(paths) == 3 and len(shown) == 3
    seeds = [read_record(p)["params"]["seed"] for p in paths]
    assert seeds == [500, 501, 502]
    for path, s in zip(paths, seeds):
        assert _restores(client, path, tmp_path, f"batch{s}")[2] == str(s)
    # The gallery's files (original size and display size) restore too.
    for e in gallery.entries():
        assert read_record(e.path)["params"]["prompt"] == PROMPT
        assert read_record(e.display_path)["params"]["prompt"] == PROMPT


def test_guidance_comparison_images_are_pngs_with_their_own_guidance(client, tmp_path):
    on, off, status, _, main = client.predict(PROMPT, "", "9", 10, 6.0, "ddim", "32", api_name="/compare")
    assert "seed 9" in status and "levels per pixel" in status
    assert _restores(client, on, tmp_path, "on")[4] == 6.0
    assert _restores(client, off, tmp_path, "off")[4] == 1.0
    # The main image now shows the guided image, not whatever was there before.
    assert read_record(main)["params"]["guidance"] == 6.0


def test_cli_png_and_timeline_restore_in_the_app(client, tmp_path, data_dir):
    out, strip = tmp_path / "cli.png", tmp_path / "cli-timeline.png"
    proc = subprocess.run([sys.executable, "-m", "core", "image", "--prompt", PROMPT, "--seed", "31", "--steps", "8",
                           "--out", str(out), "--timeline", str(strip), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"] == [str(out)]
    for path in (out, strip):
        assert _restores(client, path, tmp_path, path.stem)[:4] == [PROMPT, "", "31", 8]


def test_prompt_check_endpoint_flags_before_generating(client):
    assert "Outside what this model was trained on" in client.predict("a cat", api_name="/check_prompt")
    assert "negation" in client.predict("a circle that is not red", api_name="/check_prompt")
    assert client.predict(PROMPT, api_name="/check_prompt").startswith("✓")


def test_hub_model_skips_the_vocabulary_check(data_dir, monkeypatch):
    from apps.text2image.app import build_app
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_IMAGE_MODEL", "stabilityai/sd-turbo")
    reset_settings()
    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        assert Client(url, verbose=False).predict("a cat astronaut", api_name="/check_prompt") == ""
    finally:
        demo.close()
        reset_settings()
