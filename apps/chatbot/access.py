"""Which stored collection a chatbot request names, and whether this visitor may change it.

Local mode: names are used as typed, every visitor may change everything (one person on a laptop).
Hosted mode: each visitor has private collections (core/retrieval/private_collections.py); shared
ones, `sample` included, are read-only unless the request carries the host token.
"""
from __future__ import annotations

from pathlib import Path

import gradio as gr

from apps.hosting import Room
from core.config import get_settings
from core.retrieval import private_collections as pc

SHARED_DEFAULT = "sample"


def last_used() -> pc.LastUsed:
    return pc.LastUsed(get_settings().data_dir / "hosting" / "private-collections.json")


def _all_names() -> list[str]:
    from core.retrieval.collection import list_collection_names

    return list_collection_names()


def resolve(room: Room, requested, visitor_key: str) -> pc.Resolved:
    """The collection this visitor means; gr.Error for a bad name or another visitor's."""
    from core.retrieval.store import check_collection_name

    requested = (requested or "").strip() if isinstance(requested, str) else ""
    try:
        if not room.hosted:
            return pc.Resolved(check_collection_name(requested), requested, True)
        _, shared = pc.visible(_all_names(), visitor_key)
        resolved = pc.resolve(requested, visitor_key, sorted(set(shared) | {SHARED_DEFAULT}))
    except ValueError as e:
        raise gr.Error(str(e)) from None
    if resolved.private:
        last_used().touch(resolved.name)
    return resolved


def require_writable(room: Room, resolved: pc.Resolved, token, request) -> None:
    if not resolved.private:
        room.require_host(token, request, f"Changing the shared collection '{resolved.shown}'",
                          "use your own private collection")


def check_room_for(room: Room, target: pc.Resolved, visitor_key: str) -> None:
    """A visitor may keep a bounded number of private collections (GENAI_MAX_PRIVATE_COLLECTIONS)."""
    if not room.hosted or not target.private:
        return
    mine, _ = pc.visible(_all_names(), visitor_key)
    limit = room.settings.apps.max_private_collections
    if target.name not in mine and len(mine) >= limit:
        raise gr.Error(f"You already have {len(mine)} private collections, the most this server keeps per "
                       f"visitor (setting GENAI_MAX_PRIVATE_COLLECTIONS): add to one of them, or delete its "
                       "documents first.")


def choices(room: Room, visitor_key: str) -> list:
    """Dropdown choices: every collection (local), or this visitor's and the shared ones (hosted)."""
    names = _all_names()
    if not room.hosted:
        return names if SHARED_DEFAULT in names else [SHARED_DEFAULT] + names
    mine, shared = pc.visible(names, visitor_key)
    shared = shared if SHARED_DEFAULT in shared else [SHARED_DEFAULT] + shared
    return ([(f"{pc.shown_name(n)} (private)", n) for n in mine]
            + [(f"{n} (shared)", n) for n in shared])


def ensure_shared_sample(sample_dir) -> int:
    """Hosted mode starts with the sample corpus in the shared `sample` collection; returns chunks added."""
    from core.retrieval.collection import open_collection

    col = open_collection(SHARED_DEFAULT)
    if col.documents():
        return 0
    return col.ingest(sorted(p for p in Path(sample_dir).iterdir() if p.is_file())).chunks_added


def sweep_idle(ttl_hours: float) -> list[str]:
    """Remove private collections idle for longer than ttl_hours; returns their stored names."""
    from core.retrieval.collection import remove_collection

    used = last_used()
    removed = []
    for name in used.idle(_all_names(), ttl_hours * 3600):
        remove_collection(name)
        used.forget(name)
        removed.append(name)
    return removed
