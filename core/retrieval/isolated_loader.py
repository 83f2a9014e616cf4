"""Read untrusted files in a worker process with a memory and a time limit.

A hostile file (a decompression bomb, a PDF that makes the parser loop) then fails alone: the worker
runs out of memory or is killed, the upload gets an error naming the limit, and the app keeps serving.
The worker is a fresh, small interpreter (`python -m core.retrieval.isolated_loader`) that imports
only the loaders: it never inherits the app's threads, models or memory, and it does not re-run the
app's main module, as multiprocessing's spawn and forkserver methods would.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from core.retrieval.loaders import LoadedDocument, LoadError

# the settings load_file reads; only these travel (the rest may name parts only this process registered)
LOADER_LIMITS = ("max_upload_mb", "max_unzipped_mb", "max_zip_entries", "max_chars_per_file")


def load_file_isolated(path: str | Path, name: str | None, limits, memory_mb: int,
                       timeout_s: float) -> LoadedDocument:
    """load_file in a worker: LoadError if the file is unusable or breaks a limit."""
    label = name or Path(path).name
    request = json.dumps({"path": str(path), "name": name, "memory_mb": memory_mb,
                          "limits": {f: getattr(limits, f) for f in LOADER_LIMITS}})
    try:
        done = subprocess.run([sys.executable, "-m", "core.retrieval.isolated_loader"], input=request.encode(),
                              capture_output=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:  # run() kills the worker
        raise LoadError(f"{label} took longer than {timeout_s:g} s to read and was stopped "
                        "(setting GENAI_INGEST_WORKER_TIMEOUT_S)") from None
    try:
        answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):  # no answer: killed for memory, or crashed on the way
        answer = {"status": "memory"}
    if answer["status"] == "ok":
        return LoadedDocument(answer["name"], answer["kind"], answer["content_hash"],
                              [(int(p), t) for p, t in answer["pages"]])
    if answer["status"] == "memory":
        raise LoadError(f"{label} needs more than {memory_mb} MB of memory to read and was stopped "
                        "(setting GENAI_INGEST_WORKER_MEMORY_MB)")
    raise LoadError(answer["message"])


def _worker() -> None:
    from types import SimpleNamespace

    from core.retrieval.loaders import load_file

    request = json.loads(sys.stdin.read())
    cap = int(request["memory_mb"]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        limits = SimpleNamespace(**request["limits"])
        doc = load_file(request["path"], request["name"], limits)
        answer = {"status": "ok", "name": doc.name, "kind": doc.kind, "content_hash": doc.content_hash,
                  "pages": doc.pages}
    except LoadError as e:
        answer = {"status": "error", "message": str(e)}
    except MemoryError:
        answer = {"status": "memory"}
    except Exception as e:  # a parser bug on a malformed file is the file's problem, not the app's
        label = request["name"] or Path(request["path"]).name
        answer = {"status": "error", "message": f"{label} could not be read ({type(e).__name__}: {e})"}
    sys.stdout.write("\n" + json.dumps(answer) + "\n")


if __name__ == "__main__":
    _worker()
