"""Start every app in its own process, restart the ones that crash, stop them all cleanly.

An app that exits while the suite runs is started again after a back-off that doubles with
each crash in a row (1 s, 2 s, 4 s ... up to a minute) and resets once the app has stayed up
for a minute, so a crash loop cannot eat the CPU. What the index page shows comes from the
app's port: "up" whenever it answers, whoever answers it.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from apps.registry import REPO_ROOT, AppSpec

log = logging.getLogger(__name__)

FIRST_DELAY, MAX_DELAY, HEALTHY_AFTER = 1.0, 60.0, 60.0  # seconds


@dataclass
class RunningApp:
    spec: AppSpec
    host: str
    port: int
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    started: float = field(default_factory=time.monotonic)
    restarts: int = 0
    delay: float = FIRST_DELAY  # back-off before the next restart
    restart_at: float | None = None  # set while waiting to restart a crashed process

    def state(self, host: str | None = None) -> str:
        """up (the port answers) | starting (process alive, port silent) | restarting (crashed,
        waiting for its back-off) | stopped."""
        if answers(host or self.host, self.port):
            return "up"
        if self.process.poll() is None:
            return "starting"
        return "restarting" if self.restart_at is not None else "stopped"

    def describe(self) -> dict:
        return {"state": self.state(), "port": self.port, "pid": self.process.pid,
                "restarts": self.restarts, "exit_code": self.process.poll()}


def answers(host: str, port: int, timeout: float = 1.0) -> bool:
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    try:
        with urllib.request.urlopen(f"http://{probe_host}:{port}/", timeout=timeout) as r:
            return r.status < 500
    except (urllib.error.URLError, OSError):
        return False


def _spawn(spec: AppSpec, host: str, port: int, data_dir: Path, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, **spec.env(host, port), "GENAI_DATA_DIR": str(data_dir)}
    with open(log_path, "ab") as out:
        # own session: the launcher decides when children stop, and can stop their children too
        return subprocess.Popen(spec.command(host, port), cwd=REPO_ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def start(spec: AppSpec, host: str, port: int, data_dir: Path) -> RunningApp:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{spec.name}.log"
    process = _spawn(spec, host, port, data_dir, log_path)
    log.info("started %s on port %d (pid %d, log %s)", spec.name, port, process.pid, log_path)
    return RunningApp(spec, host, port, data_dir, process, log_path)


def check(app: RunningApp, now: float | None = None) -> None:
    """One supervision step for one app: schedule or perform its restart, reset its back-off."""
    now = time.monotonic() if now is None else now
    code = app.process.poll()
    if code is None:
        if app.delay > FIRST_DELAY and now - app.started > HEALTHY_AFTER:
            app.delay = FIRST_DELAY  # it stayed up: the next crash is not part of a loop
        return
    if app.restart_at is None:
        app.restart_at = now + app.delay
        log.warning("%s exited with code %s; restarting in %.0f s (restart %d, log %s)",
                    app.spec.name, code, app.delay, app.restarts + 1, app.log_path)
        return
    if now >= app.restart_at:
        app.process = _spawn(app.spec, app.host, app.port, app.data_dir, app.log_path)
        app.restarts += 1
        app.started, app.restart_at = now, None
        app.delay = min(app.delay * 2, MAX_DELAY)
        log.warning("restarted %s on port %d (pid %d, restart %d)", app.spec.name, app.port,
                    app.process.pid, app.restarts)


def supervise(apps: list[RunningApp], stopping: threading.Event, interval: float = 0.5) -> threading.Thread:
    """Watch the apps in a background thread until `stopping` is set."""
    def loop():
        while not stopping.wait(interval):
            for app in apps:
                try:
                    check(app)
                except OSError:  # could not spawn (e.g. fork failed): try again next round
                    log.exception("could not restart %s", app.spec.name)

    thread = threading.Thread(target=loop, name="supervisor", daemon=True)
    thread.start()
    return thread


def stop_all(apps: list[RunningApp], grace: float = 10.0) -> None:
    for app in apps:
        app.restart_at = None
        if app.process.poll() is None:
            os.killpg(app.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for app in apps:
        try:
            app.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(app.process.pid, signal.SIGKILL)
            app.process.wait()
