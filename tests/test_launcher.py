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
