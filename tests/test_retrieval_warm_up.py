"""The chatbot's start-up warm-up: loads what the first ingest and question need, never crashes the app."""
import logging

from core.models import chat, fast_embeddings
from core.retrieval.warm_up import start_warm_up, warm_up


def test_warm_up_loads_the_embedder_and_the_chat_model():
    fast_embeddings._fast.reset()
    chat._chat.reset()
    thread = start_warm_up()
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert fast_embeddings._fast.loaded() and chat._chat.loaded()


def test_a_part_that_fails_is_logged_and_the_rest_still_loads(monkeypatch, caplog):
    def broken():
        raise RuntimeError("weights missing")

    monkeypatch.setattr(chat, "get_chat_model", broken)
    fast_embeddings._fast.reset()
    with caplog.at_level(logging.WARNING, logger="core.retrieval.warm_up"):
        seconds = warm_up()
    assert "chat model" not in seconds and {"embedder", "safety"} <= set(seconds)
    assert "chat model not loaded (RuntimeError: weights missing)" in caplog.text
    assert fast_embeddings._fast.loaded()
