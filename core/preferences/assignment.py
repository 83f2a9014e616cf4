"""Which item a labeler sees next.

Rules (enforced inside one database transaction per call):
- each item is labelled by `overlap` (k) different labelers: an assignment takes one of
  the item's k slots, and UNIQUE(item_id, slot) means two concurrent labelers can never
  hold the same slot, even on PostgreSQL where transactions overlap;
- never twice by the same person: UNIQUE(item_id, labeler_id);
- spread evenly: the least-covered items go first (ties broken at random, which also
  keeps concurrent labelers off the same item);
- a labeler holds at most one open item; asking again returns it (a reload or a retried
  request does not burn slots);
- skipped items, and items left open longer than the lease, give their slot back.
Left/right order is drawn per assignment and stored, so position bias can be measured.
"""
from __future__ import annotations

import logging
import random
from dataclasses import asdict, dataclass
from datetime import timedelta

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.config import get_settings
from core.preferences.db import transaction
from core.preferences.identity import AccessDenied, labeler_for
from core.preferences.room_settings import room_value
from core.preferences.schema import Assignment, Item, Label, Labeler, Prompt, utcnow

log = logging.getLogger(__name__)
_rng = random.SystemRandom()
CANDIDATES = 8  # items tried per call when slots race on a server database


@dataclass
class Served:
    """What a labeler sees. Contestant names are not included: labelling is blind."""
    status: str  # item | quota | empty
    assignment_id: int | None = None
    prompt: str = ""
    left: str = ""
    right: str = ""
    done: int = 0
    quota: int = 0
    message: str = ""
    # after an undo: the label just removed, in the labeler's terms (choice left|right|tie|both_bad)
    previous: dict | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def expire_stale(s: Session) -> int:
    cutoff = utcnow() - timedelta(seconds=get_settings().prefs.lease_seconds)
    # SKIP LOCKED (PostgreSQL; SQLite has no row locks and renders none): a stale row another
    # transaction is expiring or labelling right now is left to it, instead of two requests
    # waiting on each other's rows (or deadlocking when they lock them in different orders).
    stale = (select(Assignment.id).where(Assignment.status == "open", Assignment.assigned_at < cutoff)
             .with_for_update(skip_locked=True))
    res = s.execute(update(Assignment).where(Assignment.id.in_(stale)).values(status="expired", slot=None))
    return res.rowcount or 0


def free_slot(s: Session, item_id: int, k: int) -> int | None:
    taken = set(s.scalars(select(Assignment.slot).where(Assignment.item_id == item_id,
                                                        Assignment.slot.is_not(None))))
    return next((i for i in range(k) if i not in taken), None)


def _served(s: Session, a: Assignment, done: int, quota: int) -> Served:
    item = s.get(Item, a.item_id)
    prompt = s.get(Prompt, item.prompt_id)
    left, right = (item.response_a, item.response_b) if a.left_is_a else (item.response_b, item.response_a)
    return Served("item", a.id, prompt.text, left, right, done, quota)


def done_count(s: Session, labeler_id: int) -> int:
    return s.scalar(select(func.count(Label.id)).where(Label.labeler_id == labeler_id)) or 0


def _candidates(s: Session, labeler: Labeler, k: int) -> list[int]:
    """Up to CANDIDATES item ids in serving order: blind base-vs-tuned pairs (compare.py) first, so
    the room sees its own result soonest; then the least-covered items, ties at random."""
    mine = select(Assignment.item_id).where(Assignment.labeler_id == labeler.id,
                                            Assignment.status != "expired")
    out = _least_covered(s, mine, k, Item.source == "compare")
    out += _untouched(s, mine, CANDIDATES - len(out))
    if len(out) < CANDIDATES:
        out += [i for i in _least_covered(s, mine, k, Item.source != "compare") if i not in out]
    return out[:CANDIDATES]


def _untouched(s: Session, mine, n: int) -> list[int]:
    """Up to n items nobody holds a slot of, walking the ids from a random one. Most of a big
    room's items are untouched; finding them by counting every item's assignments (the grouping
    in _least_covered) or sorting them all at random cost ~100 ms a call at 10,000 items."""
    if n <= 0:
        return []
    low, high = s.execute(select(func.min(Item.id), func.max(Item.id))).one()
    if low is None:
        return []
    start = _rng.randint(low, high)  # where concurrent labelers start differs: they rarely collide
    held = select(Assignment.id).where(Assignment.item_id == Item.id, Assignment.slot.is_not(None))
    free = select(Item.id).where(Item.flagged.is_(False), Item.source != "compare", ~held.exists(),
                                 Item.id.not_in(mine)).order_by(Item.id)
    out = list(s.scalars(free.where(Item.id >= start).limit(n)))
    return out + list(s.scalars(free.where(Item.id < start).limit(n - len(out))))


def _least_covered(s: Session, mine, k: int, which) -> list[int]:
    taken = func.count(Assignment.id)
    q = (select(Item.id).outerjoin(Assignment, and_(Assignment.item_id == Item.id, Assignment.slot.is_not(None)))
         .where(Item.flagged.is_(False), which, Item.id.not_in(mine))
         .group_by(Item.id).having(taken < k)
         .order_by(taken, func.random()).limit(CANDIDATES))
    return list(s.scalars(q))


def _take(s: Session, labeler: Labeler, item_id: int, k: int) -> Assignment | None:
    slot = free_slot(s, item_id, k)
    if slot is None:
        return None
    try:
        with s.begin_nested():  # a slot race on a server DB rolls back just this insert
            a = s.scalar(select(Assignment).where(Assignment.item_id == item_id,
                                                  Assignment.labeler_id == labeler.id))
            if a is None:
                a = Assignment(item_id=item_id, labeler_id=labeler.id, slot=slot, status="open",
                               left_is_a=_rng.random() < 0.5, assigned_at=utcnow())
                s.add(a)
            else:  # this labeler's own expired assignment comes back with a fresh slot
                a.slot, a.status, a.assigned_at = slot, "open", utcnow()
            s.flush()
        return a
    except IntegrityError:
        return None


def next_item(token: str) -> Served:
    """The labeler's open item, or a newly assigned one, or why there is none."""
    settings = get_settings()
    quota = settings.prefs.quota
    # not fsynced: an assignment lost to a power cut is just handed out again
    with transaction(durable=False) as s:
        labeler = labeler_for(s, token, lock=True)
        k = room_value(s, "overlap", settings.prefs.overlap)  # the host may change it while the room runs
        expire_stale(s)
        done = done_count(s, labeler.id)
        open_a = s.scalar(select(Assignment).where(Assignment.labeler_id == labeler.id,
                                                   Assignment.status == "open").order_by(Assignment.id).limit(1))
        if open_a is not None:
            return _served(s, open_a, done, quota)
        if done >= quota:
            return Served("quota", done=done, quota=quota,
                          message=f"You reached your quota of {quota} labels. Thank you!")
        for _attempt in range(3):
            for item_id in _candidates(s, labeler, k):
                a = _take(s, labeler, item_id, k)
                if a is not None:
                    return _served(s, a, done, quota)
        return Served("empty", done=done, quota=quota,
                      message="No items are waiting for you right now. Check back soon.")


def skip(token: str, assignment_id: int) -> Served:
    """Give the item back (its slot goes to someone else) and serve the next one."""
    with transaction() as s:
        labeler = labeler_for(s, token, lock=True)
        a = s.get(Assignment, int(assignment_id))
        if a is None or a.labeler_id != labeler.id:
            raise AccessDenied(f"assignment {assignment_id} is not yours")
        if a.status == "open":
            a.status, a.slot = "skipped", None
    return next_item(token)
