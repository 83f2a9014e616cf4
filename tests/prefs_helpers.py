"""Shared setup for the preference tests: a pairs file and labelers."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from net_helpers import free_port as net_free_port

# The prefs_db fixture (conftest.py) runs a test on SQLite and on PostgreSQL; this keeps one on
# SQLite alone (SQLite-specific behaviour, or the database plays no part).
sqlite_only = pytest.mark.parametrize("prefs_db", ["sqlite"], indirect=True)


def write_pairs(path: Path, n: int, contestants=("m1", "m2", "m3")) -> Path:
    """n items; contestants rotate so that every pair of them meets."""
    rows = []
    for i in range(n):
        a, b = contestants[i % len(contestants)], contestants[(i + 1) % len(contestants)]
        rows.append({"id": f"q{i}", "prompt": f"Question number {i}?", "response_a": f"Answer {i} from {a}.",
                     "response_b": f"Reply {i} by {b}, longer.", "model_a": a, "model_b": b})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def load_pairs(tmp_path: Path, n: int) -> None:
    from core.preferences.importing import import_file

    import_file(write_pairs(tmp_path / "pairs.jsonl", n))


def label_all(token: str, choice="left", strength=None, limit=1000) -> int:
    from core.preferences import assignment, submit

    n = 0
    while n < limit:
        served = assignment.next_item(token)
        if served.status != "item":
            return n
        submit.submit(token, served.assignment_id, choice, strength, "", f"cid-{token[:10]}-{served.assignment_id}")
        n += 1
    return n


def free_port() -> int:
    """A free port in this area's range (8650-8699), so parallel suites don't collide."""
    return net_free_port(8650, 8700)


@contextmanager
def running_labeling_app(tmp_path: Path, monkeypatch, n_items: int):
    """The labeling app on a free port over `n_items` pairs, host token 'host-secret'; yields its URL."""
    from apps.labeling.app import build_app
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_PREFS_ADMIN_TOKEN", "host-secret")
    reset_settings()
    load_pairs(tmp_path, n_items)
    app = build_app()
    app.queue().launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        yield app.local_url
    finally:
        app.close()
