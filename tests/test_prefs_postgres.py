"""The preference store on a PostgreSQL server from the shell, and bad database URLs.

(The store, import and export tests run on PostgreSQL too, through the prefs_db fixture.)
"""
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prefs_helpers import write_pairs

from core.config import reset_settings
from core.preferences import assignment, identity, submit
from core.preferences.db import DatabaseUnavailable, get_engine

ROOT = Path(__file__).resolve().parents[1]
on_postgresql = pytest.mark.parametrize("prefs_db", ["postgresql"], indirect=True)


def _cli(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "core", "prefs", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@on_postgresql
def test_cli_import_and_stats_on_postgresql(prefs_db, tmp_path, data_dir):
    assert os.environ["GENAI_PREFS_DATABASE_URL"].startswith("postgresql+psycopg://")
    r = _cli("import", str(write_pairs(tmp_path / "pairs.jsonl", 4)))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["items_added"] == 4
    ann = identity.join("ann", "studio").token  # this process, same server
    for i in range(2):
        served = assignment.next_item(ann)
        submit.submit(ann, served.assignment_id, "left", "clearly", "", f"pg-cli-{i:04d}")
    r = _cli("stats", "--json", "--bootstrap", "0")
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    assert stats["counts"]["items"] == 4 and stats["counts"]["labels"] == 2
    assert stats["per_labeler"] == {"ann": 2}
    assert not (data_dir / "preferences.db").exists()  # nothing went to the SQLite default
    with get_engine().connect() as c:  # and everything to this test's own schema
        assert c.exec_driver_sql("SELECT current_schema()").scalar().startswith("test_")


def _unresponsive_server():
    """A port that accepts TCP connections and never answers: a server that hangs."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("kind, url, reason", [
    ("garbage", "not a url at all", "not a database URL"),
    ("driver", "postgresql+nodriver://ann:hunter2pw@127.0.0.1/labels", "unknown database or driver name"),
    ("scheme", "postgress://ann:hunter2pw@127.0.0.1/labels", "unknown database or driver name"),
    ("refused", "postgresql+psycopg://ann:hunter2pw@127.0.0.1:{closed}/labels", "Connection refused"),
    ("hangs", "postgresql+psycopg://ann:hunter2pw@127.0.0.1:{hangs}/labels", "timeout"),
], ids=["garbage", "driver", "scheme", "refused", "hangs"])
def test_bad_database_url_fails_fast_and_names_the_setting(monkeypatch, kind, url, reason):
    with _unresponsive_server() as hang:
        url = url.format(closed=_closed_port(), hangs=hang.getsockname()[1])
        monkeypatch.setenv("GENAI_PREFS_DATABASE_URL", url)
        reset_settings()
        start = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as e:
            get_engine()
        took = time.monotonic() - start
    message = str(e.value)
    assert message.startswith("GENAI_PREFS_DATABASE_URL=") and reason in message
    assert "hunter2pw" not in message  # the password is never echoed
    assert took < 15, f"{kind}: {took:.1f} s to fail"  # libpq alone would wait forever on 'hangs'


def test_bad_database_url_stops_the_cli_and_the_app(monkeypatch, capsys):
    from apps.labeling.app import main as app_main
    from core.__main__ import main as cli_main

    monkeypatch.setenv("GENAI_PREFS_DATABASE_URL", f"postgresql+psycopg://ann@127.0.0.1:{_closed_port()}/x")
    reset_settings()
    assert cli_main(["prefs", "stats", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: GENAI_PREFS_DATABASE_URL=") and "Connection refused" in err
    # the app refuses to start, instead of serving a page whose every click fails
    with pytest.raises(SystemExit) as e:
        app_main()
    assert str(e.value.code).startswith("error: GENAI_PREFS_DATABASE_URL=")


@pytest.mark.slow
def test_two_app_processes_share_one_store_under_load(pg_cluster, tmp_path, data_dir, monkeypatch):
    """Two labeling apps (separate processes, as behind a load balancer) on one PostgreSQL
    store; 8 labelers, half on each, submit concurrently with double clicks and retries.
    Every acknowledged label is stored once, none twice, and no item gets more than k labels."""
    import threading

    from net_helpers import free_port_block

    from benchmarks.labeling import check_db, connect, http_labeler, plan, wait_up
    from benchmarks.labeling import write_pairs as write_bench_pairs
    from core.config import reset_settings
    from core.preferences.db import dispose_all

    schema = pg_cluster.create_schema()
    url = pg_cluster.url(schema)
    monkeypatch.setenv("GENAI_PREFS_DATABASE_URL", url)
    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "2")
    reset_settings()
    pairs = tmp_path / "pairs.jsonl"
    write_bench_pairs(pairs, 30)
    assert _cli("import", str(pairs)).returncode == 0
    port = free_port_block(2)
    apps = []
    try:
        for p in (port, port + 1):
            env = {**os.environ, "GENAI_DATA_DIR": str(data_dir), "GRADIO_SERVER_PORT": str(p),
                   "GRADIO_ANALYTICS_ENABLED": "False"}
            apps.append(subprocess.Popen([sys.executable, str(ROOT / "apps" / "labeling" / "app.py")], cwd=ROOT,
                                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
        for p, proc in zip((port, port + 1), apps):
            wait_up(f"http://127.0.0.1:{p}/", proc)
        sessions = [connect(f"http://127.0.0.1:{port + i % 2}/", i) for i in range(8)]  # joins: set-up
        results = [None] * 8

        def labeler(i):
            try:
                results[i] = http_labeler(*sessions[i], plan(i, 6, (0.0, 0.05)))
            except Exception as e:  # noqa: BLE001 - reported by the assertion below
                results[i] = {"acked": [], "errors": [f"{type(e).__name__}: {e}"]}

        threads = [threading.Thread(target=labeler, args=(i,)) for i in range(8)]
        [t.start() for t in threads]
        [t.join(timeout=600) for t in threads]
        assert all(r is not None and not r["errors"] for r in results), results
        acked = [cid for r in results for cid in r["acked"]]
        assert len(acked) == 48
        dispose_all()
        check = check_db(acked, 2)
        assert check == {"acknowledged": 48, "stored": 48, "lost": 0, "extra": 0, "duplicate_client_ids": 0,
                         "same_labeler_twice": 0, "items_over_k": 0}
    finally:
        for proc in apps:
            proc.kill()
            proc.wait()
        dispose_all()
        pg_cluster.drop_schema(schema)
