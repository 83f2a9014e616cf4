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
