"""Give freed native memory back to the operating system (glibc `malloc_trim`).

Tensors of a few megabytes (a long prompt's keys and values, prefill activations) come
from glibc's heap once its mmap threshold has risen past their size, and freed heap memory
is kept by the process for reuse. With requests of ever different lengths the heap
fragments and the resident size of a long-running app climbs question after question
(measured on the chatbot's chain, #15). `malloc_trim(0)` returns the free pages. A no-op
where glibc is not the allocator (macOS, Windows, musl).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger(__name__)


@functools.cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_free_memory() -> bool:
    """True when memory was handed back to the OS."""
    trim = _trim()
    return bool(trim and trim(0))
