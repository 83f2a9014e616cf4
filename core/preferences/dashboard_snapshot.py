"""The host dashboard's numbers, computed once for every host that watches them.

An open dashboard refreshes itself every 5 s, and computing it (agreement, bootstrap ratings,
disagreements, three figures over every label) grows with the room: about 5 s at 1000 labels
on a busy core (measured in process), so the refreshes alone kept a core busy and the
labelers' requests queued behind them (benchmarks/room.py). Here a snapshot is recomputed only
when the store changed (labels, assignments, items, room settings) and at most every
`min_interval` seconds, and at least every `max_age` seconds in case a change is one the
version does not see. One computation runs at a time; meanwhile others get the last snapshot.
Host actions pass force=True, so the host sees the effect of their own click at once.

    snapshots = Snapshots(compute=build_parts, version=store_version, scope=database_url)
    parts = snapshots.get().value
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Hashable

from sqlalchemy import func, select

from core.preferences.db import transaction
from core.preferences.schema import Assignment, Item, Label, Prompt, RoomSetting


@dataclass(frozen=True)
class Snapshot:
    serial: int  # 1, 2, ... one per computation
    version: Hashable
    value: Any
    computed_at: float


class Snapshots:
    def __init__(self, compute: Callable[[], Any], version: Callable[[], Hashable],
                 scope: Callable[[], Hashable] = lambda: None, min_interval: float = 10.0, max_age: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self._compute, self._version, self._scope, self._clock = compute, version, scope, clock
        self.min_interval, self.max_age = min_interval, max_age
        self._last: dict[Hashable, Snapshot] = {}  # per scope (database): tests switch data folders
        self._serial = 0
        self._computing = threading.Lock()

    def get(self, force: bool = False) -> Snapshot:
        scope = self._scope()
        last = self._last.get(scope)
        if last is not None and not force and self._fresh(last):
            return last
        # one computation at a time; with a snapshot to show, nobody waits for another's
        if not self._computing.acquire(blocking=last is None or force):
            return last
        try:
            newest = self._last.get(scope)
            if newest is not None and newest is not last and not force:
                return newest  # computed while this call waited
            version = self._version()  # read first: a change during the computation shows next time
            value = self._compute()
            self._serial += 1
            snap = self._last[scope] = Snapshot(self._serial, version, value, self._clock())
            return snap
        finally:
            self._computing.release()

    def clear(self) -> None:
        self._last.clear()

    def _fresh(self, last: Snapshot) -> bool:
        age = self._clock() - last.computed_at
        if age < self.min_interval:
            return True
        return age < self.max_age and self._version() == last.version


def store_version() -> tuple:
    """Changes when anything the dashboard shows changes: one cheap query (indexed counts and maxima)."""
    def count(column, *where):
        return select(func.count(column)).where(*where).scalar_subquery()

    with transaction(durable=False) as s:
        return tuple(s.execute(select(
            select(func.max(Label.id)).scalar_subquery(), count(Label.id),
            select(func.max(Assignment.id)).scalar_subquery(), count(Assignment.id, Assignment.status == "open"),
            count(Assignment.id, Assignment.status == "skipped"), select(func.max(Item.id)).scalar_subquery(),
            count(Item.id, Item.flagged.is_(True)), count(Prompt.id, Prompt.flagged.is_(True)),
            count(Prompt.id),
        )).one()) + tuple(s.execute(select(RoomSetting.key, RoomSetting.value).order_by(RoomSetting.key)))
