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


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        return int(next(line for line in f if line.startswith("VmRSS:")).split()[1]) / 1024


def test_the_warm_up_hands_back_the_memory_loading_freed():
    """Loading converts weights through temporaries (#15: the chatbot started with 130-380 MB of freed
    heap it still held). Here a part frees 200 MB of heap blocks that sit below one it keeps, so
    glibc cannot shrink the heap by itself; after the warm-up that memory is no longer resident."""
    kept = []

    def load_with_temporaries():
        temporaries = [bytearray(64 * 1024) for _ in range(3200)]  # below glibc's mmap threshold: heap
        kept.append(bytearray(64 * 1024))  # allocated after them: the heap's top stays in use
        del temporaries

    before = _rss_mb()
    warm_up({"model": load_with_temporaries})
    assert len(kept) == 1
    assert _rss_mb() - before < 50
