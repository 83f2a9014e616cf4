"""The host's review queue: prompts and items the safety layer held back from labelers.

core.safety flags a prompt or an answer when a scanner scores it past its threshold; the item
is stored but never served (importing.py, contestants.py). Scanners make mistakes both ways
(a benign "explain a neural network to a ten-year-old" scored as toxic), so the host reads
each held-back entry with its reasons (scanner, score) and either releases it to the labelers
or drops it from the store.

    queue = held_back()                 # [{"kind", "id", "prompt", "answer_a", "answer_b", "reasons"}]
    release("item", 7); drop("prompt", 3)
"""
from __future__ import annotations

import logging

from sqlalchemy import delete, func, select

from core.preferences.db import transaction
from core.preferences.schema import Assignment, Item, Label, Prompt

log = logging.getLogger(__name__)
KINDS = ("prompt", "item")


def held_back() -> list[dict]:
    with transaction(durable=False) as s:
        prompts = [{"kind": "prompt", "id": p.id, "prompt": p.text, "answer_a": "", "answer_b": "",
                    "reasons": p.flag_reasons}
                   for p in s.scalars(select(Prompt).where(Prompt.flagged.is_(True)).order_by(Prompt.id))]
        items = [{"kind": "item", "id": it.id, "prompt": text, "answer_a": it.response_a, "answer_b": it.response_b,
                  "reasons": it.flag_reasons}
                 for it, text in s.execute(select(Item, Prompt.text).join(Prompt, Item.prompt_id == Prompt.id)
                                           .where(Item.flagged.is_(True)).order_by(Item.id))]
    return prompts + items


def _row(s, kind: str, entry_id):
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    try:
        entry_id = int(entry_id)
    except (TypeError, ValueError):
        raise ValueError(f"{kind} id must be a number, got {entry_id!r}") from None
    row = s.get(Prompt if kind == "prompt" else Item, entry_id)
    if row is None or not row.flagged:
        raise ValueError(f"{kind} {entry_id} is not in the review queue (already released or dropped?)")
    return row


def release(kind: str, entry_id: int) -> str:
    """Serve it to labelers after all (a released prompt gets answers from the next generation run)."""
    with transaction() as s:
        row = _row(s, kind, entry_id)
        row.flagged = False
        row.flag_reasons = f"released by the host (was: {row.flag_reasons})"[:2000]
    log.info("host released %s %s", kind, entry_id)
    return f"Released {kind} {entry_id}: labelers can now be served it."


def drop(kind: str, entry_id: int) -> str:
    """Delete it (a prompt with its items); refused if anyone has labelled one of them."""
    with transaction() as s:
        row = _row(s, kind, entry_id)
        item_ids = [row.id] if kind == "item" else list(s.scalars(select(Item.id).where(Item.prompt_id == row.id)))
        if item_ids and s.scalar(select(func.count(Label.id)).where(Label.item_id.in_(item_ids))):
            raise ValueError(f"{kind} {entry_id} already has labels; it cannot be dropped")
        if item_ids:
            s.execute(delete(Assignment).where(Assignment.item_id.in_(item_ids)))
            s.execute(delete(Item).where(Item.id.in_(item_ids)))
        if kind == "prompt":
            s.delete(row)
    log.info("host dropped %s %s", kind, entry_id)
    return f"Dropped {kind} {entry_id}."
