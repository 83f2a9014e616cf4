"""The Gradio app driven through its API (gradio_client against the launched Blocks)."""
from __future__ import annotations

import shutil

import pytest
from gradio_client import Client, handle_file
from net_helpers import free_port
from PIL import Image

from core.diffusion import gallery
from core.diffusion.metadata import read_record

PROMPT = "a large green circle in the bottom left on a white background"


@pytest.fixture
def client(data_dir):
    from apps.text2image.app import build_app

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        yield Client(url, verbose=False)
    finally:
        demo.close()


def test_build_app_is_cheap():
    from apps.text2image.app import build_app
    from core.diffusion import pipeline

    pipeline._cache.clear()
    build_app()
    assert not pipeline._cache  # no model loaded at build time


def test_generate_saves_to_gallery_and_a_dropped_png_restores_params(client, data_dir, tmp_path):
    out = client.predict(PROMPT, "", "77", 15, 4.0, "dpm++", 1, "32", api_name="/generate")
    image, strip, shown, status, seed, batch = out
    assert seed == "77" and "seed 77" in status
    entries = gallery.entries()
    assert len(entries) == 1 and entries[0].record["params"]["prompt"] == PROMPT
    assert Image.open(image).size == (256, 256)  # shown nearest-neighbour enlarged
    assert len(shown) == 1
    # drop the saved PNG back: every control comes back
    dropped = tmp_path / "dropped.png"
    shutil.copy(entries[0].display_path, dropped)
    restored = client.predict(handle_file(str(dropped)), api_name="/restore")
    assert list(restored[:6]) == [PROMPT, "", "77", 15, 4.0, "dpm++"]
    assert read_record(dropped)["params"]["seed"] == 77


def test_bad_input_shows_an_error_and_the_app_keeps_serving(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="prompt is empty"):
        client.predict("", "", "1", 10, 4.0, "default", 1, "32", api_name="/generate")
    with pytest.raises(AppError, match="seed 'abc' is not an integer"):
        client.predict(PROMPT, "", "abc", 10, 4.0, "default", 1, "32", api_name="/generate")
    with pytest.raises(AppError, match="Cannot restore"):
        plain = Image.new("RGB", (8, 8))
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
            plain.save(f.name)
        client.predict(handle_file(f.name), api_name="/restore")
    assert client.predict(PROMPT, "", "2", 5, 4.0, "default", 1, "32", api_name="/generate")[4] == "2"


def test_guidance_on_vs_off_uses_the_same_seed(client):
    on, off, status, _, main = client.predict(PROMPT, "", "9", 10, 5.0, "ddim", "32", api_name="/compare")
    assert "seed 9" in status
    assert list(Image.open(on).getdata()) != list(Image.open(off).getdata())


def test_visitors_at_once_share_the_model_and_each_gets_its_own_image(client, data_dir):
    """Several generations run at once (not one after another): their denoising steps are shared."""
    prompts = [PROMPT, "a small red square in the top right on a black background",
               "a blue triangle on a yellow background", "a large white circle in the center on a green background"]
    jobs = [client.submit(p, "", str(100 + i), 10, 4.0, "default", 1, "32", api_name="/generate")
            for i, p in enumerate(prompts)]
    outs = [job.result(timeout=120) for job in jobs]
    assert [out[4] for out in outs] == [str(100 + i) for i in range(4)]  # each its own seed back
    records = {e.record["params"]["prompt"]: e.record for e in gallery.entries()}
    assert set(records) == set(prompts)
    assert max(r["shared_call"]["requests"] for r in records.values()) >= 2


def test_beyond_the_limit_visitors_wait_and_see_their_queue_position(data_dir, monkeypatch):
    import time

    from gradio_client.utils import Status
    from net_helpers import free_port

    from apps.text2image.app import build_app
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_IMAGE_BATCH_IMAGES", "2")
    reset_settings()
    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        client = Client(url, verbose=False)
        jobs = [client.submit(PROMPT, "", str(i), 25, 4.0, "default", 1, "32", api_name="/generate") for i in range(5)]
        ranks: set[tuple[int, int]] = set()
        deadline = time.time() + 120
        while not all(job.done() for job in jobs) and time.time() < deadline:
            for i, job in enumerate(jobs):
                st = job.status()
                if st.code == Status.IN_QUEUE and st.rank is not None:
                    ranks.add((i, st.rank))
            time.sleep(0.05)
        assert [job.result(timeout=60)[4] for job in jobs] == [str(i) for i in range(5)]
    finally:
        demo.close()
    assert any(rank >= 1 for _, rank in ranks), ranks  # a waiting visitor was told their position
    assert max(e.record["shared_call"]["images"] for e in gallery.entries()) <= 2  # at most 2 at once
