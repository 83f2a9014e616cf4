"""Hosted mode: visitors' images are removed once older than the idle time (GENAI_PRIVATE_TTL_HOURS)."""
from __future__ import annotations

import logging
import threading
import time

from core.diffusion import gallery

log = logging.getLogger(__name__)


def start_cleanup(ttl_hours: float, every_s: float = 600) -> threading.Thread:
    def loop():
        while True:
            try:
                removed = gallery.remove_owned_older_than(ttl_hours * 3600)
                if removed:
                    log.info("removed %d visitor image(s) older than %g h", removed, ttl_hours)
            except Exception:  # a failed clean-up must not stop the next one
                log.exception("removing old visitor images failed")
            time.sleep(every_s)

    thread = threading.Thread(target=loop, name="gallery-cleanup", daemon=True)
    thread.start()
    return thread
