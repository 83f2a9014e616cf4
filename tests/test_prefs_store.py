"""Store, assignment and identity rules with threads, on both backends: a real SQLite database
(WAL) and a real PostgreSQL server (the prefs_db fixture in conftest.py)."""
import random
import threading
from collections import Counter

import pytest
from prefs_helpers import label_all, load_pairs, sqlite_only
from sqlalchemy import func, select, text

from core.config import reset_settings
from core.preferences import assignment, identity, submit
from core.preferences.db import get_engine, transaction
from core.preferences.identity import AccessDenied
from core.preferences.schema import Assignment, Item, Label

pytestmark = pytest.mark.usefixtures("prefs_db")


def _labels():
    with transaction() as s:
        return list(s.execute(select(Label.item_id, Label.labeler_id, Label.client_id)))


@sqlite_only
def test_sqlite_runs_in_wal_mode(tmp_path):
    load_pairs(tmp_path, 1)
    with get_engine().connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_idempotent_submit_same_client_id(tmp_path):
    load_pairs(tmp_path, 3)
    tok = identity.join("ann", "studio").token
    served = assignment.next_item(tok)
    first = submit.submit(tok, served.assignment_id, "left", "much", "clear", "click-0001")
    again = submit.submit(tok, served.assignment_id, "left", "much", "clear", "click-0001")
    assert not first.duplicate and again.duplicate and again.label_id == first.label_id
    assert len(_labels()) == 1
    # a different client id for an already labelled item is a conflict, not a second label
    with pytest.raises(submit.Conflict):
        submit.submit(tok, served.assignment_id, "right", None, "", "click-0002")
    assert len(_labels()) == 1


def test_concurrent_retries_store_one_label(tmp_path):
    load_pairs(tmp_path, 2)
    tok = identity.join("ann", "studio").token
    served = assignment.next_item(tok)
    results, barrier = [], threading.Barrier(8)

    def go():
        barrier.wait()
        results.append(submit.submit(tok, served.assignment_id, "tie", None, "", "retry-xyz-1"))

    threads = [threading.Thread(target=go) for _ in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len({r.label_id for r in results}) == 1
    assert sum(not r.duplicate for r in results) == 1
    assert len(_labels()) == 1


def test_choice_is_stored_in_item_terms(tmp_path):
    load_pairs(tmp_path, 1)
    tok = identity.join("ann", "studio").token
    served = assignment.next_item(tok)
    submit.submit(tok, served.assignment_id, "left", None, "", "cid-left-01")
    with transaction() as s:
        a = s.get(Assignment, served.assignment_id)
        item = s.get(Item, a.item_id)
        label = s.scalar(select(Label))
    shown_left = item.response_a if a.left_is_a else item.response_b
    assert served.left == shown_left
    assert label.choice == ("A" if a.left_is_a else "B") and label.left_is_a == a.left_is_a


def test_validation_errors_name_the_field(tmp_path):
    load_pairs(tmp_path, 1)
    tok = identity.join("ann", "studio").token
    aid = assignment.next_item(tok).assignment_id
    with pytest.raises(ValueError, match="choice"):
        submit.submit(tok, aid, "A better", None, "", "cid-000001")
    with pytest.raises(ValueError, match="client_id"):
        submit.submit(tok, aid, "left", None, "", "x")
    with pytest.raises(ValueError, match="strength"):
        submit.submit(tok, aid, "tie", "much", "", "cid-000002")
    assert _labels() == []


def test_identity_rules(tmp_path):
    load_pairs(tmp_path, 4)
    with pytest.raises(AccessDenied, match="join code"):
        identity.join("eve", "wrong")
    with pytest.raises(ValueError, match="name"):
        identity.join("", "studio")
    ann = identity.join("ann", "studio").token
    bob = identity.join("bob", "studio").token
    with pytest.raises(ValueError, match="taken"):
        identity.join("ann", "studio")
    with pytest.raises(AccessDenied):
        assignment.next_item("not-a-token")
    a_item = assignment.next_item(ann)
    # bob cannot label, skip or see ann's assignment
    with pytest.raises(AccessDenied):
        submit.submit(bob, a_item.assignment_id, "left", None, "", "bob-cid-0001")
    with pytest.raises(AccessDenied):
        assignment.skip(bob, a_item.assignment_id)
    submit.submit(ann, a_item.assignment_id, "left", None, "", "ann-cid-0001")
    # bob reusing ann's client id neither reads nor overwrites her label
    b_item = assignment.next_item(bob)
    with pytest.raises(AccessDenied):
        submit.submit(bob, b_item.assignment_id, "right", None, "", "ann-cid-0001")
    assert submit.my_labels(bob) == []
    with pytest.raises(submit.Conflict):
        submit.undo(bob)  # bob's undo never touches ann's label
    assert [l["client_id"] for l in submit.my_labels(ann)] == ["ann-cid-0001"]


@sqlite_only  # a file in the data folder: the database plays no part
def test_admin_token(monkeypatch, data_dir):
    generated = identity.admin_token()  # none configured: one is made and kept
    assert len(generated) >= 16 and identity.admin_token() == generated
    token_file = data_dir / "host-token"  # one token for the whole suite (core/hosting/host_token.py)
    assert token_file.stat().st_mode & 0o777 == 0o600
    identity.check_admin(generated)
    with pytest.raises(AccessDenied, match="wrong"):
        identity.check_admin("anything")
    with pytest.raises(AccessDenied):
        identity.check_admin("")
    monkeypatch.setenv("GENAI_PREFS_ADMIN_TOKEN", "s3cret")
    reset_settings()
    identity.check_admin("s3cret")
    with pytest.raises(AccessDenied):
        identity.check_admin("s3cre")


def test_undo_reopens_own_item(tmp_path):
    load_pairs(tmp_path, 3)
    tok = identity.join("ann", "studio").token
    first = assignment.next_item(tok)
    submit.submit(tok, first.assignment_id, "left", None, "", "cid-undo-01")
    again = submit.undo(tok)
    assert again.assignment_id == first.assignment_id and again.done == 0
    assert assignment.next_item(tok).assignment_id == first.assignment_id
    submit.submit(tok, first.assignment_id, "right", None, "", "cid-undo-02")
    assert [l["choice"] for l in submit.my_labels(tok)] != []
    assert len(_labels()) == 1


def test_open_item_is_returned_again(tmp_path):
    load_pairs(tmp_path, 5)
    tok = identity.join("ann", "studio").token
    ids = {assignment.next_item(tok).assignment_id for _ in range(5)}
    assert len(ids) == 1  # reloads and retries do not burn slots


def test_even_spread_least_covered_first(tmp_path):
    """Every item served is one of the least-labelled items this labeler may still take."""
    load_pairs(tmp_path, 10)  # k=3 by default
    toks = [identity.join(f"u{i}", "studio").token for i in range(5)]
    ids = {t: identity.whoami(t).labeler_id for t in toks}
    for round_ in range(4):  # 5 labelers x 4 labels = 20 labels over 10 items
        for t in toks:
            labels = _labels()
            coverage = Counter(i for i, _, _ in labels)
            mine = {i for i, l, _ in labels if l == ids[t]}
            eligible = [coverage.get(i, 0) for i in range(1, 11) if i not in mine]
            served = assignment.next_item(t)
            with transaction() as s:
                item_id = s.get(Assignment, served.assignment_id).item_id
            assert coverage.get(item_id, 0) == min(eligible)
            submit.submit(t, served.assignment_id, "left", None, "", f"cid-{t[:8]}-{round_}")
    per_item = Counter(i for i, _, _ in _labels())
    assert max(per_item.values()) - min(per_item.values()) <= 2 and len(per_item) == 10


def test_concurrent_labelers_respect_overlap(tmp_path, monkeypatch):
    """12 labelers, each in two tabs (threads) at once, retrying some submits: every pair gets
    exactly k labels, never two from one person, and no retry stores a second label."""
    monkeypatch.setenv("GENAI_PREFS_QUOTA", "100")
    reset_settings()
    load_pairs(tmp_path, 20)
    toks = [identity.join(f"user{i}", "studio").token for i in range(12)]
    errors, acked = [], set()

    def tab(t, seed):
        rng = random.Random(seed)
        try:
            while (served := assignment.next_item(t)).status == "item":
                cid = f"cid-{t[:10]}-{served.assignment_id}"  # both tabs make the same id for an item
                first = submit.submit(t, served.assignment_id, rng.choice(["left", "right", "tie"]), None, "", cid)
                if rng.random() < 0.3:  # a retry after a lost reply
                    assert submit.submit(t, served.assignment_id, "left", None, "", cid).label_id == first.label_id
                acked.add(cid)
        except Exception as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=tab, args=(t, n * 2 + j)) for n, t in enumerate(toks) for j in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []
    labels = _labels()
    per_item = Counter(i for i, _, _ in labels)
    assert len(per_item) == 20 and set(per_item.values()) == {3}  # every pair by exactly k=3
    assert len({(i, l) for i, l, _ in labels}) == len(labels)  # never twice by one person
    assert {c for _, _, c in labels} == acked and len(labels) == 60  # every ack stored, once
    with transaction() as s:
        dup_slots = s.execute(text("SELECT item_id, slot, COUNT(*) FROM assignments WHERE slot IS NOT NULL "
                                   "GROUP BY item_id, slot HAVING COUNT(*) > 1")).all()
        assert dup_slots == []
        assert s.scalar(select(func.count(Assignment.id)).where(Assignment.status == "open")) == 0


def test_skip_gives_the_slot_to_someone_else(tmp_path, monkeypatch):
    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "1")
    reset_settings()
    load_pairs(tmp_path, 1)
    ann = identity.join("ann", "studio").token
    bob = identity.join("bob", "studio").token
    first = assignment.next_item(ann)
    assert assignment.next_item(bob).status == "empty"  # the only slot is held by ann
    assert assignment.skip(ann, first.assignment_id).status == "empty"  # ann never gets it back
    assert assignment.next_item(bob).status == "item"


def test_stale_open_items_return_to_the_pool(tmp_path, monkeypatch):
    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "1")
    monkeypatch.setenv("GENAI_PREFS_LEASE_SECONDS", "0.05")
    reset_settings()
    load_pairs(tmp_path, 1)
    ann = identity.join("ann", "studio").token
    bob = identity.join("bob", "studio").token
    held = assignment.next_item(ann)
    import time
    time.sleep(0.1)
    got = assignment.next_item(bob)
    assert got.status == "item"
    submit.submit(bob, got.assignment_id, "left", None, "", "bob-cid-0001")
    with pytest.raises(submit.Conflict, match="someone else"):
        submit.submit(ann, held.assignment_id, "left", None, "", "ann-cid-0001")


def test_quota(tmp_path, monkeypatch):
    monkeypatch.setenv("GENAI_PREFS_QUOTA", "2")
    reset_settings()
    load_pairs(tmp_path, 5)
    tok = identity.join("ann", "studio").token
    assert label_all(tok) == 2
    assert assignment.next_item(tok).status == "quota"


def test_flagged_items_are_never_served(tmp_path):
    load_pairs(tmp_path, 2)
    with transaction() as s:
        s.execute(Item.__table__.update().values(flagged=True, flag_reasons="test: held back"))
    tok = identity.join("ann", "studio").token
    assert assignment.next_item(tok).status == "empty"
    from core.preferences.stats import collect
    assert len(collect(bootstrap=0)["flagged_items"]) == 2


def _together(n, fn):
    """Run fn(i) in n threads released at the same moment; returns (results, errors)."""
    results, errors, barrier = [], [], threading.Barrier(n)

    def go(i):
        barrier.wait()
        try:
            results.append(fn(i))
        except Exception as e:  # collected for the assertions
            errors.append(e)

    threads = [threading.Thread(target=go, args=(i,)) for i in range(n)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return results, errors


def test_concurrent_next_item_for_one_labeler_holds_one_item(tmp_path):
    """A burst of reloads from one labeler (several tabs, retries) gets one item, not several."""
    load_pairs(tmp_path, 10)
    tok = identity.join("ann", "studio").token
    served, errors = _together(8, lambda i: assignment.next_item(tok))
    assert errors == []
    assert len({s.assignment_id for s in served}) == 1
    with transaction() as s:
        assert s.scalar(select(func.count(Assignment.id)).where(Assignment.status == "open")) == 1


def test_concurrent_submits_with_different_client_ids_store_one_label(tmp_path):
    """Two tabs submitting the same item: one label; the others are told it is already labelled."""
    load_pairs(tmp_path, 3)
    tok = identity.join("ann", "studio").token
    aid = assignment.next_item(tok).assignment_id
    results, errors = _together(6, lambda i: submit.submit(tok, aid, "left", None, "", f"tab-{i}-cid"))
    assert len(results) == 1 and not results[0].duplicate
    assert len(errors) == 5 and all(isinstance(e, submit.Conflict) for e in errors), errors
    assert len(_labels()) == 1
