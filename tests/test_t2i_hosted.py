"""Text-to-image in hosted mode, through its API as anonymous visitors: each sees only their own images,
the host sees all with the token, and an image file cannot be fetched by someone who did not make it."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from net_helpers import free_port

from core.caches import reset_all
from core.config import reset_settings
from core.diffusion import gallery
from core.diffusion.metadata import read_record

PROMPT = "a large red circle in the center on a blue background"
TOKEN = "t2i-host-token-for-tests"
ALICE, BOB = "alice-browser-secret-0123456789", "bob-browser-secret-98765432100"


def _launch(monkeypatch):
    for k, v in {"GENAI_HOSTED": "true", "GENAI_HOST_TOKEN": TOKEN, "GENAI_RATE_GENERATE_PER_MIN": "3",
                 "GENAI_MAX_FILE_MB": "1"}.items():
        monkeypatch.setenv(k, v)
    reset_settings()
    reset_all()
    from apps.text2image.app import build_app, launch_options

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(),
                            quiet=True, **launch_options())
    return demo, url


@contextlib.contextmanager
def _served(monkeypatch):
    demo, url = _launch(monkeypatch)
    try:
        yield url
    finally:
        demo.close()
        reset_all()


@pytest.fixture
def hosted(data_dir, monkeypatch):
    with _served(monkeypatch) as url:
        yield url


def _outside(path: Path, folder: str) -> bool:
    return not path.resolve().is_relative_to(Path(folder).resolve())


@pytest.fixture
def hosted_outside_tmp(data_dir, monkeypatch):
    """Hosted, with the data folder where a server keeps it: outside the working directory and the
    temp dir, the two places Gradio copies returned files from without being told (the tests'
    default data folder is under /tmp, where this case never shows)."""
    bases = [b for b in ("/var/tmp", str(Path.home())) if os.access(b, os.W_OK)
             and _outside(Path(b), tempfile.gettempdir()) and _outside(Path(b), os.getcwd())]
    assert bases, "no writable folder outside the temp dir and the working directory"
    folder = Path(tempfile.mkdtemp(prefix="genai-t2i-hosted-", dir=bases[0]))
    monkeypatch.setenv("GENAI_DATA_DIR", str(folder))
    try:
        with _served(monkeypatch) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _prompts(items) -> list[str]:
    return [it["caption"] if isinstance(it, dict) else it[1] for it in (items or [])]


def test_each_visitor_sees_only_their_own_images(hosted):
    alice, bob = Client(hosted, verbose=False), Client(hosted, verbose=False)
    alice.predict(PROMPT, "", "5", 5, 4.0, "default", 1, "32", ALICE, api_name="/generate")
    bob.predict("a small green square in the top left on a white background", "", "6", 5, 4.0, "default", 1, "32",
                BOB, api_name="/generate")
    assert _prompts(alice.predict(ALICE, api_name="/gallery")) == [PROMPT]
    assert PROMPT not in _prompts(bob.predict(BOB, api_name="/gallery"))
    assert _prompts(Client(hosted, verbose=False).predict(None, api_name="/gallery")) == []  # a stranger
    # the host sees both; a visitor without the token sees nothing more
    assert len(Client(hosted, verbose=False).predict(TOKEN, api_name="/gallery_all")) == 2
    with pytest.raises(Exception, match="host token") as refused:
        bob.predict("guess", api_name="/gallery_all")
    assert "collection" not in str(refused.value) and "your own images" in str(refused.value)  # this app's words


def test_an_image_file_is_not_served_to_whoever_guesses_its_path(hosted):
    Client(hosted, verbose=False).predict(PROMPT, "", "5", 5, 4.0, "default", 1, "32", ALICE, api_name="/generate")
    path = gallery.entries(1)[0].path
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(f"{hosted}gradio_api/file={path}", timeout=10)
    assert e.value.code in (403, 404)


def test_images_reach_the_page_with_the_data_folder_outside_tmp(hosted_outside_tmp):
    """Generate, compare and the galleries return copies Gradio may serve; the downloaded PNG still
    restores its parameters; the data folder's own files stay unserved."""
    c = Client(hosted_outside_tmp, verbose=False)
    out = c.predict(PROMPT, "", "5", 5, 4.0, "default", 1, "32", ALICE, api_name="/generate")
    saved = gallery.entries(1)[0]
    assert not saved.display_path.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert Path(out[0]).read_bytes() == saved.display_path.read_bytes()  # the PNG as saved, metadata inside
    assert _prompts(out[2]) == [PROMPT]
    restored = c.predict(handle_file(out[0]), api_name="/restore")
    assert list(restored[:4]) == [PROMPT, "", "5", 5]
    on, off, *_ = c.predict(PROMPT, "", "7", 3, 4.0, "default", "32", ALICE, api_name="/compare")
    assert (read_record(on)["params"]["guidance"], read_record(off)["params"]["guidance"]) == (4.0, 1.0)
    assert len(c.predict(ALICE, api_name="/gallery")) == 3
    assert len(Client(hosted_outside_tmp, verbose=False).predict(TOKEN, api_name="/gallery_all")) == 3
    for path in (saved.path, saved.display_path):
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(f"{hosted_outside_tmp}gradio_api/file={path}", timeout=10)
        assert e.value.code in (403, 404)


def test_an_upload_over_the_limit_is_refused_by_the_server(hosted, tmp_path):
    """GENAI_MAX_FILE_MB (here 1) caps the PNG drop before any of our code reads it."""
    from gradio_client import handle_file

    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 2**20))
    with pytest.raises(Exception, match="(?i)exceed.*maximum"):
        Client(hosted, verbose=False).predict(handle_file(str(big)), api_name="/restore")


def test_generation_is_rate_limited_per_visitor(hosted):
    c = Client(hosted, verbose=False)
    for seed in range(3):  # GENAI_RATE_GENERATE_PER_MIN=3
        c.predict(PROMPT, "", str(seed), 3, 4.0, "default", 1, "32", ALICE, api_name="/generate")
    with pytest.raises(Exception, match="GENAI_RATE_GENERATE_PER_MIN"):
        c.predict(PROMPT, "", "9", 3, 4.0, "default", 1, "32", ALICE, api_name="/generate")
    c.predict(PROMPT, "", "9", 3, 4.0, "default", 1, "32", BOB, api_name="/generate")  # others unaffected


def test_old_visitor_images_are_removed_and_local_ones_kept(data_dir):
    from PIL import Image

    img = Image.new("RGB", (32, 32))
    record = {"params": {"prompt": "p"}}
    gallery.add(img, record, owner="visitor")
    kept = gallery.add(img, record)  # local mode: no owner
    assert gallery.remove_owned_older_than(0, now=gallery.entries(1)[0].created + 10) == 1
    assert [e.id for e in gallery.entries()] == [kept.id]
