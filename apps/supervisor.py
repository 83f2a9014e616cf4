"""Start every app in its own process, watch whether it answers, stop them all cleanly."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from apps.registry import REPO_ROOT, AppSpec

log = logging.getLogger(__name__)


@dataclass
class RunningApp:
    spec: AppSpec
    port: int
    process: subprocess.Popen
    log_path: Path
    started: float = field(default_factory=time.monotonic)

    def state(self, host: str) -> str:
        """starting | up | failed: failed once the process has exited."""
        if self.process.poll() is not None:
            return "failed"
        return "up" if answers(host, self.port) else "starting"


def answers(host: str, port: int, timeout: float = 1.0) -> bool:
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    try:
        with urllib.request.urlopen(f"http://{probe_host}:{port}/", timeout=timeout) as r:
            return r.status < 500
    except (urllib.error.URLError, OSError):
        return False


def start(spec: AppSpec, host: str, port: int, data_dir: Path) -> RunningApp:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{spec.name}.log"
    env = {**os.environ, **spec.env(host, port), "GENAI_DATA_DIR": str(data_dir)}
    with open(log_path, "ab") as out:
        # own session: the launcher decides when children stop, and can stop their children too
        process = subprocess.Popen(spec.command(host, port), cwd=REPO_ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    log.info("started %s on port %d (pid %d, log %s)", spec.name, port, process.pid, log_path)
    return RunningApp(spec, port, process, log_path)


def stop_all(apps: list[RunningApp], grace: float = 10.0) -> None:
    for app in apps:
        if app.process.poll() is None:
            os.killpg(app.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for app in apps:
        try:
            app.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(app.process.pid, signal.SIGKILL)
            app.process.wait()
