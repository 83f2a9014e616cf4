"""SIGKILL the labeling server mid-session: every acknowledged label survives the restart."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from net_helpers import free_port
from prefs_helpers import load_pairs
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parents[1]


def _start(port: int, data_dir: Path) -> subprocess.Popen:
    env = dict(os.environ, GENAI_DATA_DIR=str(data_dir), GRADIO_SERVER_PORT=str(port),
               GRADIO_SERVER_NAME="127.0.0.1", GENAI_PREFS_QUOTA="1000", GRADIO_ANALYTICS_ENABLED="False")
    proc = subprocess.Popen([sys.executable, "-m", "apps.labeling.app"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the labeling server did not start")


@pytest.mark.slow
def test_sigkill_mid_session_keeps_every_acknowledged_label(tmp_path, data_dir):
    from gradio_client import Client

    from core.preferences.db import dispose_all, transaction
    from core.preferences.schema import Assignment, Label

    load_pairs(tmp_path, 200)
    dispose_all()
    port = free_port()
    server = _start(port, data_dir)
    url = f"http://127.0.0.1:{port}"
    acked: list[str] = []
    tokens: list[str] = []
    stop = threading.Event()

    def labeler(i: int):
        try:
            c = Client(url, verbose=False)
            tok = c.predict(f"crash{i}", "studio", api_name="/join")["token"]
            tokens.append(tok)
            n = 0
            while not stop.is_set():
                item = c.predict(tok, api_name="/next_item")
                cid = f"crash-{i}-{n:05d}"
                c.predict(tok, item["assignment_id"], "left", "", "", cid, api_name="/submit")
                acked.append(cid)  # only after the server answered
                n += 1
        except Exception:
            pass  # the server died under us: expected

    threads = [threading.Thread(target=labeler, args=(i,), daemon=True) for i in range(6)]
    try:
        [t.start() for t in threads]
        deadline = time.time() + 120
        while len(acked) < 40 and time.time() < deadline:
            time.sleep(0.05)
        assert len(acked) >= 40, "labelers did not get going"
        os.kill(server.pid, signal.SIGKILL)  # mid-stream: requests are in flight right now
        server.wait(10)
        stop.set()
        [t.join(30) for t in threads]
        snapshot = list(acked)

        server = _start(port, data_dir)  # restart on the same data folder
        with transaction() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            stored = set(s.scalars(select(Label.client_id)))
            assert set(snapshot) <= stored, f"lost: {sorted(set(snapshot) - stored)[:5]}"
            # nothing half-written: a label exists exactly when its assignment is closed
            done = s.scalar(select(func.count(Assignment.id)).where(Assignment.status == "done"))
            assert done == len(stored)
            orphan = s.scalar(select(func.count(Label.id)).join(Assignment, Label.assignment_id == Assignment.id)
                              .where(Assignment.status != "done"))
            assert orphan == 0
        # the session carries on after the restart with the same labeler token
        c = Client(f"http://127.0.0.1:{port}", verbose=False)
        item = c.predict(tokens[0], api_name="/next_item")
        r = c.predict(tokens[0], item["assignment_id"], "tie", "", "", "after-restart-1", api_name="/submit")
        assert not r["duplicate"]
    finally:
        stop.set()
        server.kill()
        server.wait(10)
