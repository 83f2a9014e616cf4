"""The suite launcher: index page in a real browser, apps up, Ctrl-C stops everything."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from net_helpers import free_port_block, port_open

from apps.registry import APPS, available_apps

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def suite(data_dir):
    port = free_port_block(max(a.port_offset for a in APPS.specs()) + 1)
    proc = subprocess.Popen([sys.executable, "-m", "apps", "--port", str(port)], cwd=REPO,
                            env={**os.environ, "GENAI_DATA_DIR": str(data_dir)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while not port_open(port):
        assert proc.poll() is None, proc.stdout.read()
        assert time.monotonic() < deadline, "index page did not come up"
        time.sleep(0.2)
    yield proc, port
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.mark.browser
@pytest.mark.slow
def test_index_page_lists_running_apps_and_ctrl_c_stops_all(suite, page):
    proc, port = suite
    apps = available_apps()
    page.goto(f"http://127.0.0.1:{port}/")
    assert page.title() == "GenAI Studio"
    cards = page.locator("section.card[data-app]")
    assert cards.count() == len(apps)
    # models line names the bundled chat model
    assert "SmolLM2-135M-Instruct" in page.locator("footer").inner_text()
    if not apps:
        assert page.get_by_text("No apps yet").is_visible()
    for app in apps:  # every app comes up and its link opens it
        page.locator(f"#state-{app.name}.up").wait_for(timeout=240_000)
        href = page.locator(f"#open-{app.name}").get_attribute("href")
        with urllib.request.urlopen(href, timeout=10) as r:
            assert r.status == 200
    app_ports = [port + a.port_offset for a in apps]

    proc.send_signal(signal.SIGINT)  # what Ctrl-C in the terminal sends
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "stopped" in out
    assert not port_open(port)
    assert not any(port_open(p) for p in app_ports)


def test_unknown_app_name_is_rejected():
    r = subprocess.run([sys.executable, "-m", "apps", "--only", "nonexistent"], cwd=REPO,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_busy_port_gives_a_clear_error(data_dir):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "apps", "--port", str(busy)], cwd=REPO,
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and f"127.0.0.1:{busy}" in r.stderr and "--port" in r.stderr


def test_bad_setting_stops_the_launcher_with_its_name():
    r = subprocess.run([sys.executable, "-m", "apps"], cwd=REPO, capture_output=True, text=True,
                       timeout=60, env={**os.environ, "GENAI_PORTT": "1"})
    assert r.returncode == 2 and "GENAI_PORTT" in r.stderr


def _get_json(url: str) -> dict:
    import json

    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


@pytest.mark.slow
def test_a_crashed_app_is_restarted_and_the_index_says_so(data_dir):
    port = free_port_block(max(a.port_offset for a in APPS.specs()) + 1)
    proc = subprocess.Popen([sys.executable, "-m", "apps", "--port", str(port), "--only", "labeling"], cwd=REPO,
                            env={**os.environ, "GENAI_DATA_DIR": str(data_dir)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def wait_for(condition, what, seconds=180):
            deadline = time.monotonic() + seconds
            while True:
                assert proc.poll() is None, proc.stdout.read()
                try:
                    info = _get_json(f"http://127.0.0.1:{port}/apps.json")["labeling"]
                    if condition(info):
                        return info
                except OSError:
                    pass
                assert time.monotonic() < deadline, what
                time.sleep(0.3)

        first = wait_for(lambda i: i["state"] == "up", "labeling did not come up")
        os.kill(first["pid"], signal.SIGKILL)  # a crash: no clean shutdown
        back = wait_for(lambda i: i["state"] == "up" and i["restarts"] == 1, "labeling was not restarted")
        assert back["pid"] != first["pid"]
        assert _get_json(f"http://127.0.0.1:{port}/status.json") == {"labeling": "up"}
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    assert "labeling exited with code -9; restarting" in out and "restarted labeling" in out


def test_restart_back_off_doubles_and_resets(tmp_path):
    from apps import supervisor
    from apps.registry import AppSpec

    script = tmp_path / "crash.py"
    script.write_text("import sys\nsys.exit(3)\n")
    spec = AppSpec("crasher", "Crasher", "gradio", "exits at once", "none", port_offset=50, script=script)
    # The crasher never binds its port, and state() reports "up" whenever the port answers (to show what the
    # port really serves): keep the port bound, not listening, so no other test's server can take it and
    # answer there (a parallel worker did once: "up" instead of "restarting").
    port = free_port_block(1)
    holder = socket.socket()
    holder.bind(("127.0.0.1", port))
    app = supervisor.start(spec, "127.0.0.1", port, tmp_path)
    try:
        now = 1000.0
        delays = []
        for _ in range(4):
            app.process.wait(timeout=30)
            supervisor.check(app, now)  # notices the exit, schedules the restart
            assert app.state() == "restarting"
            delays.append(app.restart_at - now)
            supervisor.check(app, now + delays[-1] - 0.01)  # not yet
            assert app.restart_at is not None
            now += delays[-1]
            supervisor.check(app, now)  # restarts
        assert delays == [1.0, 2.0, 4.0, 8.0] and app.restarts == 4
        app.process.wait(timeout=30)
        # a long back-off, then the app stays up longer than HEALTHY_AFTER: the next crash starts over
        app.process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], start_new_session=True)
        app.delay, app.started = 60.0, now
        supervisor.check(app, now + supervisor.HEALTHY_AFTER + 1)
        assert app.delay == supervisor.FIRST_DELAY
    finally:
        supervisor.stop_all([app], grace=2)
        holder.close()
