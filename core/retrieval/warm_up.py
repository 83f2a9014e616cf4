"""Load what a RAG session needs before the first user does: embedder, chat model, safety.

Everything in core loads lazily on first use, so on a fresh app the first ingest paid ~4 s of
loading for 0.4 s of work and the first question paid for the chat model. An app calls
`start_warm_up()` once at start; it loads in a background thread, so the page serves at once,
and a request that arrives meanwhile waits on the same lazy loader instead of loading twice.
"""
from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)


def warm_up() -> dict[str, float]:
    """Load each part; returns seconds per part. A part that fails is logged and skipped:
    the first request that needs it reports the real error to the user."""
    from core.models.chat import get_chat_model
    from core.models.fast_embeddings import get_fast_embedder
    from core.safety import warm_up as warm_up_safety

    steps = (("embedder", lambda: get_fast_embedder().embed(["warm up"])),
             ("safety", warm_up_safety),
             ("chat model", get_chat_model))
    seconds = {}
    for name, load in steps:
        t = time.perf_counter()
        try:
            load()
        except Exception as e:  # noqa: BLE001 - warm-up is best effort, the request path reports
            log.warning("warm-up: %s not loaded (%s: %s)", name, type(e).__name__, e)
            continue
        seconds[name] = round(time.perf_counter() - t, 2)
    log.info("warm-up done: %s", seconds)
    return seconds


def start_warm_up() -> threading.Thread:
    thread = threading.Thread(target=warm_up, name="rag-warm-up", daemon=True)
    thread.start()
    return thread
