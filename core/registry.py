"""A registry of named, pluggable parts: one per kind (scanners, chat backends, ...).

    SCANNERS = Registry("safety scanner", "GENAI_SAFETY_*_SCANNERS")
    SCANNERS.register("toxicity", "core.safety.toxicity:ToxicityScanner")  # imported on first use
    SCANNERS.register("toy", ToyScanner)                                   # or the object itself
    SCANNERS.get("toxicity")   # the class/factory
    SCANNERS.names()           # what settings validation accepts

Entries may be "module:attribute" strings so that listing and validating names never imports
a heavy module (torch, chromadb); the first `get` imports it.
"""
from __future__ import annotations

import importlib
import threading
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, setting: str):
        self.kind = kind  # what an entry is, for error messages
        self.setting = setting  # the variable that chooses entries, for error messages
        self._entries: dict[str, T | str] = {}
        self._meta: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def register(self, name: str, entry: T | str, **meta: Any) -> None:
        """Add (or replace) an entry; `meta` holds per-entry defaults the caller defines."""
        if not name or not isinstance(name, str) or name != name.strip() or "," in name:
            raise ValueError(f"{self.kind} name must be a non-empty word without commas, got {name!r}")
        with self._lock:
            self._entries[name] = entry
            self._meta[name] = meta

    def unregister(self, name: str) -> None:
        with self._lock:
            self._entries.pop(name, None)
            self._meta.pop(name, None)

    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def check(self, name: str, extra: tuple[str, ...] = ()) -> str:
        """`name` if it is registered (or one of `extra`), else a ValueError naming the choices."""
        if name in self._entries or name in extra:
            return name
        raise ValueError(f"unknown {self.kind} {name!r} ({self.setting}); choose from "
                         f"{', '.join(extra + self.names())}")

    def get(self, name: str) -> T:
        self.check(name)
        entry = self._entries[name]
        if isinstance(entry, str):
            module, _, attr = entry.partition(":")
            entry = getattr(importlib.import_module(module), attr)
            with self._lock:
                self._entries[name] = entry
        return entry

    def meta(self, name: str) -> dict[str, Any]:
        self.check(name)
        return dict(self._meta[name])
