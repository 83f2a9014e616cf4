"""A write-ahead record for a collection, so that a crash at any point leaves it consistent.

A collection's truth is its manifest (documents.json): a document exists, with its content
hash, exactly when the manifest says so. Chunks live in two more stores (the vector store and
BM25) that cannot be written together with the manifest in one step. So before a change
touches them, the collection writes `pending.json`: for each document, the hash the manifest
will hold once the change is committed (null: the document is gone), which chunk ids to
remove if it was committed (the old version's) and which if it was not (the new version's).
The manifest write is the commit. When a collection is opened and finds a pending record,
`recover` finishes the change or rolls it back, by comparing the manifest with it.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

FILE = "pending.json"


@dataclass
class PendingDocument:
    hash_after: str | None  # the manifest's hash for the document once committed; None = removed
    drop_if_committed: list[str] = field(default_factory=list)  # e.g. the old version's chunks
    drop_if_not: list[str] = field(default_factory=list)  # e.g. the new version's chunks


def write(folder: Path, docs: dict[str, PendingDocument]) -> None:
    record = {name: vars(d) for name, d in docs.items()}
    tmp = folder / (FILE + ".tmp")
    with open(tmp, "w") as f:
        json.dump({"pid": os.getpid(), "documents": record}, f)
        f.flush()
        os.fsync(f.fileno())  # on disk before any store is touched
    os.replace(tmp, folder / FILE)


def read(folder: Path) -> dict[str, PendingDocument] | None:
    path = folder / FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text())["documents"]
        return {name: PendingDocument(**d) for name, d in raw.items()}
    except (ValueError, KeyError, TypeError) as e:  # a torn write of the record itself: nothing was touched yet
        log.warning("ignoring unreadable %s (%s)", path, e)
        return {}


def clear(folder: Path) -> None:
    (folder / FILE).unlink(missing_ok=True)


def to_drop(pending: dict[str, PendingDocument], manifest: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(chunk ids to delete, names of the documents whose change was committed)."""
    ids, committed = [], []
    for name, d in pending.items():
        if manifest.get(name, {}).get("hash") == d.hash_after:
            ids += d.drop_if_committed
            committed.append(name)
        else:
            ids += d.drop_if_not
    return ids, committed
