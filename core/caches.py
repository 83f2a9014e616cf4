"""Every process-wide cache, listed, so that one call resets them all.

Models, clients and indexes are built once per process and shared by every session. Each
module that keeps such a cache registers its clear function here:

    _cache: dict = {}
    register_cache("chat model", _cache.clear)

`reset_all()` (called by `core.config.reset_settings()`) empties them, so a test that changes
the environment starts from a clean process state.
"""
from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)

_clearers: dict[str, Callable[[], None]] = {}


def register_cache(name: str, clear: Callable[[], None]) -> None:
    _clearers[name] = clear


def cache_names() -> list[str]:
    return sorted(_clearers)


def reset_all() -> None:
    for name, clear in list(_clearers.items()):
        try:
            clear()
        except Exception:  # noqa: BLE001 - one cache failing to clear must not keep the others
            log.exception("clearing the %s cache failed", name)
