"""Text-to-image in hosted mode, through its API as anonymous visitors: each sees only their own images,
the host sees all with the token, and an image file cannot be fetched by someone who did not make it."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from gradio_client import Client
from net_helpers import free_port

from core.caches import reset_all
from core.config import reset_settings
from core.diffusion import gallery

PROMPT = "a large red circle in the center on a blue background"
TOKEN = "t2i-host-token-for-tests"
ALICE, BOB = "alice-browser-secret-0123456789", "bob-browser-secret-98765432100"


@pytest.fixture
def hosted(data_dir, monkeypatch):
    for k, v in {"GENAI_HOSTED": "true", "GENAI_HOST_TOKEN": TOKEN, "GENAI_RATE_GENERATE_PER_MIN": "3",
                 "GENAI_MAX_FILE_MB": "1"}.items():
        monkeypatch.setenv(k, v)
    reset_settings()
    reset_all()
    from apps.text2image.app import build_app, launch_options

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(),
                            quiet=True, **launch_options())
    try:
        yield url
    finally:
        demo.close()
        reset_all()


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
