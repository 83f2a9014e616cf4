"""Store a label: one transaction, idempotent by a client-generated id.

    submit(token, assignment_id, "left"|"right"|"tie"|"both_bad", strength, rationale, client_id)

The client makes `client_id` once per item it shows, so a double click or a retried
request after a lost reply stores one label and gets the same answer back. The label
row and the closing of its assignment commit together or not at all. `undo` removes
the labeler's own latest label and reopens that item for them.
"""
from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.config import get_settings
from core.preferences.assignment import Served, _served, done_count, free_slot
from core.preferences.db import transaction
from core.preferences.identity import AccessDenied, labeler_for
from core.preferences.room_settings import room_value
from core.preferences.schema import STRENGTHS, Assignment, Label, utcnow

log = logging.getLogger(__name__)

SHOWN_CHOICES = ("left", "right", "tie", "both_bad")
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")
MAX_RATIONALE = 2000


class Conflict(ValueError):
    """The submission contradicts what is stored (e.g. the item is already labelled)."""


@dataclass
class SubmitResult:
    label_id: int
    duplicate: bool  # True: this client_id was stored before; nothing new was written
    done: int
    quota: int

    def to_dict(self) -> dict:
        return asdict(self)


def to_item_choice(shown: str, left_is_a: bool) -> str:
    if shown == "left":
        return "A" if left_is_a else "B"
    if shown == "right":
        return "B" if left_is_a else "A"
    return shown


def to_shown_choice(item_choice: str, left_is_a: bool) -> str:
    """The inverse of to_item_choice: what the labeler clicked, from the stored item choice."""
    if item_choice == "A":
        return "left" if left_is_a else "right"
    if item_choice == "B":
        return "right" if left_is_a else "left"
    return item_choice


def _validate(choice: str, strength, rationale, client_id) -> tuple[str | None, str]:
    if choice not in SHOWN_CHOICES:
        raise ValueError(f"choice must be one of {SHOWN_CHOICES}, got {choice!r}")
    if not isinstance(client_id, str) or not CLIENT_ID_RE.match(client_id):
        raise ValueError(f"client_id must be 8-64 characters of A-Z a-z 0-9 _ . : -, got {client_id!r}")
    strength = strength or None
    if strength is not None and strength not in STRENGTHS:
        raise ValueError(f"strength must be one of {STRENGTHS} or empty, got {strength!r}")
    if strength is not None and choice not in ("left", "right"):
        raise ValueError(f"strength only applies to a preference (left/right), not to {choice!r}")
    rationale = (rationale or "").strip()
    if len(rationale) > MAX_RATIONALE:
        raise ValueError(f"rationale is {len(rationale)} characters (max {MAX_RATIONALE})")
    return strength, rationale


def _existing(s, labeler_id: int, client_id: str, quota: int) -> SubmitResult | None:
    prior = s.scalar(select(Label).where(Label.client_id == client_id))
    if prior is None:
        return None
    if prior.labeler_id != labeler_id:
        raise AccessDenied("that client_id belongs to another labeler")
    return SubmitResult(prior.id, True, done_count(s, labeler_id), quota)


def submit(token: str, assignment_id: int, choice: str, strength: str | None = None,
           rationale: str = "", client_id: str = "") -> SubmitResult:
    strength, rationale = _validate(choice, strength, rationale, client_id)
    settings = get_settings()
    try:
        with transaction() as s:
            labeler = labeler_for(s, token, lock=True)
            prior = _existing(s, labeler.id, client_id, settings.prefs.quota)
            if prior is not None:
                return prior
            a = s.get(Assignment, int(assignment_id))
            if a is None or a.labeler_id != labeler.id:
                raise AccessDenied(f"assignment {assignment_id} is not yours")
            if a.status == "done":
                raise Conflict("this item is already labelled; use undo to change your label")
            if a.status == "skipped":
                raise Conflict("this item was skipped; ask for the next item")
            if a.status == "expired":  # left open past the lease: label it if a slot is still free
                slot = free_slot(s, a.item_id, room_value(s, "overlap", settings.prefs.overlap))
                if slot is None:
                    raise Conflict("this item was handed to someone else after a long pause; ask for the next item")
                a.slot = slot
            now = utcnow()
            label = Label(client_id=client_id, assignment_id=a.id, item_id=a.item_id, labeler_id=labeler.id,
                          choice=to_item_choice(choice, a.left_is_a), left_is_a=a.left_is_a,
                          strength=strength, rationale=rationale,
                          seconds=max(0.0, (now - a.assigned_at).total_seconds()), created_at=now)
            s.add(label)
            a.status = "done"
            s.flush()
            return SubmitResult(label.id, False, done_count(s, labeler.id), settings.prefs.quota)
    except IntegrityError as e:
        # A concurrent retry with the same client_id won the race (server databases): answer as it did.
        with transaction() as s:
            labeler = labeler_for(s, token)
            prior = _existing(s, labeler.id, client_id, settings.prefs.quota)
        if prior is not None:
            return prior
        # e.g. a late label on an expired item whose slot someone else took in the same moment
        log.info("submit of assignment %s refused by a uniqueness rule: %s", assignment_id, e.orig)
        raise Conflict("this item was handed to someone else meanwhile; ask for the next item") from None


def undo(token: str) -> Served:
    """Delete the labeler's own latest label and serve that item again."""
    settings = get_settings()
    with transaction() as s:
        labeler = labeler_for(s, token, lock=True)
        last = s.scalar(select(Label).where(Label.labeler_id == labeler.id).order_by(Label.id.desc()).limit(1))
        if last is None:
            raise Conflict("nothing to undo")
        a = s.get(Assignment, last.assignment_id)
        previous = {"choice": to_shown_choice(last.choice, last.left_is_a), "strength": last.strength,
                    "rationale": last.rationale}
        s.delete(last)
        a.status, a.assigned_at = "open", utcnow()
        s.flush()
        served = _served(s, a, done_count(s, labeler.id), settings.prefs.quota)
        served.previous = previous
        return served


def my_labels(token: str) -> list[dict]:
    """The caller's own labels (never anyone else's)."""
    with transaction() as s:
        labeler = labeler_for(s, token)
        rows = s.scalars(select(Label).where(Label.labeler_id == labeler.id).order_by(Label.id))
        return [{"label_id": r.id, "item_id": r.item_id, "choice": r.choice, "strength": r.strength,
                 "rationale": r.rationale, "client_id": r.client_id} for r in rows]
