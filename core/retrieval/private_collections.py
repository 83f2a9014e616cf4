"""Hosted mode's private collections: one namespace per visitor, removed after an idle time.

A visitor's collection "notes" is stored as "v<visitor key>-notes", so names never collide with the
shared ones (which contain no such prefix) nor with another visitor's. The visitor key is derived on
the server from a secret only that browser holds (apps/visitor.py), so knowing a stored name does not
let anyone else open it: `resolve` refuses another visitor's prefix.
"""
from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from core.retrieval.store import check_collection_name

_PRIVATE = re.compile(r"^v([0-9a-f]{12})-(.+)$")
KEY_CHARS = 12


@dataclass(frozen=True)
class Resolved:
    name: str          # the stored collection name
    shown: str         # what the visitor sees
    private: bool      # the visitor's own (they may change it); shared ones are read-only in hosted mode


def private_name(visitor_key: str, name: str) -> str:
    return check_collection_name(f"v{visitor_key[:KEY_CHARS]}-{name}", shown=name)  # a message names theirs, not ours


def owner(stored: str) -> str | None:
    m = _PRIVATE.match(stored)
    return m.group(1) if m else None


def shown_name(stored: str) -> str:
    m = _PRIVATE.match(stored)
    return m.group(2) if m else stored


def resolve(requested: str, visitor_key: str, shared: list[str]) -> Resolved:
    """What `requested` (a dropdown value or a typed name) means for this visitor.

    Their own stored name or a name of theirs -> private; an existing shared name -> shared;
    another visitor's stored name -> ValueError (indistinguishable from a name that is not there).
    A new name becomes a private collection of this visitor.
    """
    requested = (requested or "").strip()
    mine = visitor_key[:KEY_CHARS]
    who = owner(requested)
    if who is not None:
        if who != mine:
            raise ValueError(f"no collection named {requested!r}")
        return Resolved(check_collection_name(requested), shown_name(requested), True)
    if requested in shared:
        return Resolved(requested, requested, False)
    return Resolved(private_name(visitor_key, requested), requested, True)


def visible(all_names: list[str], visitor_key: str) -> tuple[list[str], list[str]]:
    """(this visitor's stored names, shared names) among all collections."""
    mine = visitor_key[:KEY_CHARS]
    return ([n for n in all_names if owner(n) == mine], [n for n in all_names if owner(n) is None])


class LastUsed:
    """When each private collection was last used, kept in the data folder (survives restarts)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def _read(self) -> dict[str, float]:
        try:
            return json.loads(self.path.read_text())
        except (FileNotFoundError, ValueError):
            return {}

    def _write(self, seen: dict[str, float]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(seen))
        os.replace(tmp, self.path)

    def touch(self, stored: str, now: float | None = None) -> None:
        with self._lock:
            seen = self._read()
            seen[stored] = time.time() if now is None else now
            self._write(seen)

    def idle(self, existing: list[str], ttl_s: float, now: float | None = None) -> list[str]:
        """Private collections unused for more than ttl_s (ones never recorded count from now)."""
        now = time.time() if now is None else now
        seen = self._read()
        for n in existing:
            if owner(n) is not None and n not in seen:
                self.touch(n, now)
        return [n for n in existing if owner(n) is not None and now - seen.get(n, now) > ttl_s]

    def forget(self, stored: str) -> None:
        with self._lock:
            seen = self._read()
            if seen.pop(stored, None) is not None:
                self._write(seen)
