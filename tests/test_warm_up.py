"""Start-up warm-up of the apps: loads what the first request needs, never crashes the app."""
import logging

from apps.chatbot.warm_up import parts as rag_parts
from apps.text2image.warm_up import parts as text2image_parts
from core.diffusion import pipeline
from core.models import chat, fast_embeddings
from core.warm_up import start_warm_up, warm_up


def test_chatbot_warm_up_loads_the_embedder_and_the_chat_model():
    fast_embeddings._fast.reset()
    chat._chat.reset()
    thread = start_warm_up(rag_parts())
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert fast_embeddings._fast.loaded() and chat._chat.loaded()


def test_text2image_warm_up_loads_the_configured_pipeline():
    pipeline._cache.clear()
    seconds = warm_up(text2image_parts())
    assert set(seconds) == {"pipeline", "safety"}
    assert len(pipeline._cache) == 1
    assert pipeline.load_pipeline() is next(iter(pipeline._cache.values()))  # what generate() will get


def test_a_part_that_fails_is_logged_and_the_rest_still_loads(caplog):
    def broken():
        raise RuntimeError("weights missing")

    loaded = []
    with caplog.at_level(logging.WARNING, logger="core.warm_up"):
        seconds = warm_up({"chat model": broken, "embedder": lambda: loaded.append("embedder")})
    assert list(seconds) == ["embedder"] and loaded == ["embedder"]
    assert "chat model not loaded (RuntimeError: weights missing)" in caplog.text
