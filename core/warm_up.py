"""Load what an app needs before its first user does, in a background thread.

Everything in core loads lazily on first use, so on a freshly started app the first request
paid for the loading: the chatbot's first ingest took 4.3 s for 0.5 s of work, the first image
5.9 s against 1.4 s after it. An app calls `start_warm_up(parts)` once at start; the page serves
at once, and a request that arrives meanwhile waits on the same lazy loader (a lock inside
each) instead of loading twice. Which parts an app loads is listed next to the app
(apps/<name>/warm_up.py).

Loading converts weights through temporary copies (the GGUF dequantised, fused, quantised to
int4; safety tables built): the chatbot's first glibc `malloc_trim` after start gave back 130-380 MB
of heap that loading had freed but the process still held (benchmarks/results/memory_issue15.md).
So the warm-up ends with one trim (core/models/native_memory.py).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)

Parts = dict[str, Callable[[], object]]


def warm_up(parts: Parts) -> dict[str, float]:
    """Load each part; returns seconds per part. A part that fails is logged and skipped:
    the first request that needs it reports the real error to the user."""
    seconds = {}
    for name, load in parts.items():
        t = time.perf_counter()
        try:
            load()
        except Exception as e:  # noqa: BLE001 - warm-up is best effort, the request path reports
            log.warning("warm-up: %s not loaded (%s: %s)", name, type(e).__name__, e)
            continue
        seconds[name] = round(time.perf_counter() - t, 2)
    from core.models.native_memory import release_free_memory

    release_free_memory()  # what loading freed goes back to the OS, not into the app's resident size
    log.info("warm-up done: %s", seconds)
    return seconds


def start_warm_up(parts: Parts) -> threading.Thread:
    thread = threading.Thread(target=warm_up, args=(parts,), name="warm-up", daemon=True)
    thread.start()
    return thread
