"""A clean-up job every few minutes in a daemon thread, for hosted mode's idle-data removal."""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)


def run_every(seconds: float, job: Callable[[], int], what: str) -> threading.Thread:
    """Call `job` (which returns how many things it removed) every `seconds`; a failure is logged
    and the next round still runs."""
    def loop():
        while True:
            try:
                removed = job()
                if removed:
                    log.info("removed %d %s", removed, what)
            except Exception:
                log.exception("removing %s failed", what)
            time.sleep(seconds)

    thread = threading.Thread(target=loop, name=f"remove {what}", daemon=True)
    thread.start()
    return thread
