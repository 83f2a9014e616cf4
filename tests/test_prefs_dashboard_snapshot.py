"""The host dashboard is computed once for every host watching it, not once per refresh per host
(core/preferences/dashboard_snapshot.py): recomputed when the store changed, at most every few seconds."""
from __future__ import annotations

import threading
import time

from prefs_helpers import label_all, load_pairs, sqlite_only


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def counting_snapshots(clock, seconds: float = 0.0):
    from core.preferences.dashboard_snapshot import Snapshots, store_version
    from core.preferences.db import database_url
    from core.preferences.stats import collect

    calls = []

    def compute():
        calls.append(1)
        time.sleep(seconds)
        return collect(bootstrap=5)["counts"]["labels"]

    return Snapshots(compute, store_version, database_url, min_interval=10, max_age=60, clock=clock), calls


@sqlite_only
def test_recomputed_only_after_a_change_and_the_minimum_interval(tmp_path, prefs_db):
    from core.preferences import identity

    load_pairs(tmp_path, 6)
    clock = Clock()
    snaps, calls = counting_snapshots(clock)
    assert snaps.get().value == 0 and snaps.get().value == 0 and len(calls) == 1

    label_all(identity.join("ann", "studio").token, limit=2)
    clock.now += 5
    assert snaps.get().value == 0 and len(calls) == 1  # changed, but shown 5 s ago: the last one
    clock.now += 6
    assert snaps.get().value == 2 and len(calls) == 2  # changed and 11 s old: counted again
    clock.now += 30
    assert snaps.get().value == 2 and len(calls) == 2  # nothing changed: nothing recounted
    clock.now += 31
    assert snaps.get().value == 2 and len(calls) == 3  # over a minute: recounted anyway
    label_all(identity.join("bob", "studio").token, limit=1)
    assert snaps.get(force=True).value == 3 and len(calls) == 4  # the host's own action: at once


@sqlite_only
def test_many_hosts_refreshing_at_once_cause_one_computation(tmp_path, prefs_db):
    load_pairs(tmp_path, 4)
    snaps, calls = counting_snapshots(Clock(), seconds=0.3)
    got = []
    threads = [threading.Thread(target=lambda: got.append(snaps.get().serial)) for _ in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len(calls) == 1 and got == [1] * 6


@sqlite_only
def test_a_room_setting_or_an_undo_is_a_change(tmp_path, prefs_db):
    from core.preferences import identity, submit
    from core.preferences.dashboard_snapshot import store_version
    from core.preferences.room_settings import set_room_values

    load_pairs(tmp_path, 4)
    token = identity.join("ann", "studio").token
    label_all(token, limit=1)
    before = store_version()
    set_room_values({"overlap": 2})
    after_setting = store_version()
    submit.undo(token)
    assert len({before, after_setting, store_version()}) == 3
