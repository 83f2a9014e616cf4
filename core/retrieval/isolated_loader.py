"""Read untrusted files in a worker process with a memory and a time limit.

A hostile file (a decompression bomb, a PDF that makes the parser loop) then fails alone: the worker
is killed or runs out of memory, the upload gets an error naming the limit, and the app keeps serving.
Workers fork from a small forkserver that has imported only the loaders, so each costs milliseconds,
not a fresh interpreter, and never inherits the app's threads or models.
"""
from __future__ import annotations

import multiprocessing as mp
import resource
import threading
from pathlib import Path

from core.retrieval.loaders import LoadedDocument, LoadError, load_file

_context = None
_context_lock = threading.Lock()


def _forkserver():
    global _context
    with _context_lock:
        if _context is None:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["core.retrieval.loaders"])
            _context = ctx
        return _context


def _work(conn, path: str, name: str | None, limits, memory_mb: int) -> None:
    cap = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        conn.send(("ok", load_file(path, name, limits)))
    except LoadError as e:
        conn.send(("error", str(e)))
    except MemoryError:
        conn.send(("memory", ""))
    except Exception as e:  # a parser bug on a malformed file is the file's problem, not the app's
        conn.send(("error", f"{name or Path(path).name} could not be read ({type(e).__name__}: {e})"))
    finally:
        conn.close()


def load_file_isolated(path: str | Path, name: str | None, limits, memory_mb: int,
                       timeout_s: float) -> LoadedDocument:
    """load_file in a worker: LoadError if the file is unusable or breaks a limit."""
    label = name or Path(path).name
    ctx = _forkserver()
    parent, child = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_work, args=(child, str(path), name, limits, memory_mb), daemon=True)
    worker.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise LoadError(f"{label} took longer than {timeout_s:g} s to read and was stopped "
                            "(setting GENAI_INGEST_WORKER_TIMEOUT_S)")
        try:
            status, value = parent.recv()
        except EOFError:  # the worker died without answering: killed for memory, or crashed
            status, value = "memory", ""
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        parent.close()
    if status == "ok":
        return value
    if status == "memory":
        raise LoadError(f"{label} needs more than {memory_mb} MB of memory to read and was stopped "
                        "(setting GENAI_INGEST_WORKER_MEMORY_MB)")
    raise LoadError(value)
