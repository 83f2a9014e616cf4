"""One writing process per data folder's collections.

Two processes writing the same Chroma folder do not see each other's vectors until they
restart (each keeps its own in-memory index), so the first process that writes claims the
folder for its lifetime with an OS lock (released by the kernel when it exits, kill -9
included), and another process that tries to write gets a clear refusal naming the owner.
Readers (search, ask) need no claim. The chatbot claims its folder at start, so a
`python -m core ingest` into the same folder while it runs is refused, not silently invisible.
"""
from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

from core.caches import register_cache

_held: dict[str, int] = {}  # lock path -> open file descriptor, kept for the process's lifetime
_lock = threading.Lock()


class FolderBusy(RuntimeError):
    """Another live process writes to this data folder's collections."""


def claim(data_dir: Path) -> None:
    """Claim `data_dir` for writing collections, or raise FolderBusy naming the owner."""
    path = (Path(data_dir) / "retrieval" / ".writer.lock").resolve()
    with _lock:
        if str(path) in _held:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise FolderBusy(
                f"another process (pid {owner}) is writing to the collections in {Path(data_dir).resolve()} "
                "(GENAI_DATA_DIR); it would not see documents added here until it restarts. Add documents "
                "through it (the chatbot's upload), stop it first, or use another GENAI_DATA_DIR.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held[str(path)] = fd


def release_all() -> None:
    """Give every claim of this process up (a process that stops serving its collections)."""
    with _lock:
        for fd in _held.values():
            os.close(fd)  # closing the descriptor drops the lock
        _held.clear()


register_cache("collection writer locks", release_all)
