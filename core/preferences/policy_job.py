"""Policy training and comparison in a child process, so the labeling app keeps serving.

Training a 135M model pegs the CPU for minutes; in a thread of the app process it would also
hold the GIL between torch calls. A child process (`python -m core prefs train-policy
--run-id ID`) with its own torch thread count and a lower scheduling priority leaves the
app's request handling alone. The run folder is the channel: the child writes progress
into run.json; cancel is a file the child checks after every step (and, if it does not stop
within `grace` seconds, the process is terminated).

    job = PolicyJob(data_dir, threads=1)
    run = job.start_training(rows, method="dpo", base_model="bundled", max_steps=-1)
    job.cancel(); job.status()
    job.start_compare(run_id)            # answers + measurements + blind pairs, in a child too
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from core.preferences import policy_runs

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]


class PolicyJob:
    def __init__(self, data_dir: Path, threads: int = 1, nice: int = 5, grace: float = 30.0):
        self.data_dir = Path(data_dir)
        self.threads, self.nice, self.grace = threads, nice, grace
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self.kind: str | None = None  # train | compare
        self.run_id: str | None = None
        self.error: str | None = None

    def busy(self) -> bool:
        """A child is working. A training child whose run is already final (it is only exiting:
        printing, freeing memory) no longer holds the slot."""
        if self._proc is None or self._proc.poll() is not None:
            return False
        if self.kind == "train":
            try:
                return policy_runs.load_run(self.data_dir, self.run_id)["status"] not in policy_runs.FINAL
            except (ValueError, OSError):
                return False
        return True

    def _spawn(self, args: list[str]) -> None:
        env = dict(os.environ, GENAI_THREADS=str(self.threads), GENAI_DATA_DIR=str(self.data_dir),
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        log_path = policy_runs.run_folder(self.data_dir, self.run_id) / f"{self.kind}.log"
        nice = self.nice

        def lower_priority():  # runs in the child before exec
            try:
                os.nice(nice)
            except OSError:
                pass

        with open(log_path, "ab") as log_file:
            self._proc = subprocess.Popen([sys.executable, "-m", "core", "prefs", *args], cwd=str(ROOT), env=env,
                                          stdout=log_file, stderr=subprocess.STDOUT, preexec_fn=lower_priority)
        threading.Thread(target=self._reap, args=(self._proc, self.run_id, self.kind), daemon=True).start()

    def _reap(self, proc: subprocess.Popen, run_id: str, kind: str) -> None:
        """A child that died without finishing its run (killed, crashed) marks it failed."""
        rc = proc.wait()
        if kind != "train":
            if rc != 0:
                self.error = f"comparison failed (exit {rc}); see {kind}.log in the run folder"
            return
        try:
            run = policy_runs.load_run(self.data_dir, run_id)
        except (ValueError, OSError):
            return
        if run["status"] in ("queued", "running"):
            cancelled = policy_runs.cancel_requested(self.data_dir, run_id)
            policy_runs.update_run(self.data_dir, run_id, status="cancelled" if cancelled else "failed",
                                   finished_at=time.time(),
                                   error=None if cancelled else f"training process exited with code {rc}")

    def start_training(self, rows: list[dict], method: str = "dpo", base_model: str = "bundled",
                       **overrides) -> dict:
        from core.preferences.policy_train import start_run

        with self._lock:
            if self.busy():
                raise ValueError(f"a {self.kind} job is running (run {self.run_id}); wait or cancel it")
            run = start_run(self.data_dir, rows, method, base_model, **overrides)
            self.kind, self.run_id, self.error = "train", run["id"], None
            self._spawn(["train-policy", "--run-id", run["id"], "--json"])
            return run

    def start_compare(self, run_id: str, limit: int = 40) -> None:
        with self._lock:
            if self.busy():
                raise ValueError(f"a {self.kind} job is running (run {self.run_id}); wait or cancel it")
            run = policy_runs.load_run(self.data_dir, run_id)
            if run["status"] != "done":
                raise ValueError(f"run {run_id} is {run['status']}; only a finished run can be compared")
            self.kind, self.run_id, self.error = "compare", run_id, None
            self._spawn(["compare", "--run", run_id, "--limit", str(limit), "--json"])

    def cancel(self) -> str:
        with self._lock:
            if not self.busy():
                return "nothing is running"
            if self.kind == "train":
                policy_runs.request_cancel(self.data_dir, self.run_id)
            else:
                self._proc.terminate()
            proc = self._proc
        threading.Thread(target=self._enforce, args=(proc,), daemon=True).start()
        return f"cancelling the {self.kind} job of run {self.run_id}"

    def _enforce(self, proc: subprocess.Popen) -> None:
        try:
            proc.wait(self.grace)
        except subprocess.TimeoutExpired:  # e.g. still loading the model, before the first step
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()

    def stop(self) -> None:
        """End the child now (an app shutting down); its run is marked by _reap."""
        if self._proc is not None and self._proc.poll() is None:
            if self.kind == "train":
                policy_runs.request_cancel(self.data_dir, self.run_id)
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()

    def wait(self, timeout: float | None = None) -> int | None:
        return self._proc.wait(timeout) if self._proc is not None else None

    def status(self) -> dict:
        return {"busy": self.busy(), "kind": self.kind, "run_id": self.run_id, "error": self.error}


_jobs: dict[str, PolicyJob] = {}
_jobs_lock = threading.Lock()


def job_for(data_dir: Path, threads: int = 1) -> PolicyJob:
    """One job slot per data folder per process (the host page's)."""
    key = str(Path(data_dir).resolve())
    with _jobs_lock:
        if key not in _jobs:
            _jobs[key] = PolicyJob(Path(data_dir), threads=threads)
        return _jobs[key]
