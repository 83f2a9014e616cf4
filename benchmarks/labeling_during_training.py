"""Does labeling stay responsive while the host trains a tuned model? Submit latency, with and without training.

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/labeling_during_training.py \
        [--labelers 10] [--labels 12] [--port 7420]

The labeling app runs in its own process; simulated labelers (gradio_client, as in
benchmarks/labeling.py: next_item, a think pause, submit, with double clicks and resent
submits) label through HTTP twice, with the same plan:
  1. nothing else running (the peer);
  2. while the host's training child runs: `PolicyJob` (core/preferences/policy_job.py, what the
     host tab's "Train" button starts) trains DPO on the bundled SmolLM2-135M in a child process
     (1 torch thread, nice 5). Phase 2 starts once the child is in its training loop (an
     optimizer step done, or more CPU spent than loading takes) and the child must still be
     training when the phase ends, else the figure is void; its CPU use in the phase is printed.
Everything inherits this process's CPU affinity: pinned to one core, the app, the labelers'
clients and the training share that core (harsher than the target's two cores).
Target (#16): labeling submit p95 <= 300 ms during training.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labeling import check_db, connect, cpu_seconds, http_worker, plan, summary, use_data_dir, wait_up, write_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def training_rows(n: int) -> list[dict]:
    """Preference pairs for the training child (what they say does not matter here, only the load)."""
    return [{"prompt": f"How do I look after plant number {i}?",
             "chosen": f"Water plant {i} once a week and give it light. I hope this helps!",
             "rejected": "Figure it out yourself, it is obviously not hard."} for i in range(n)]


def patient_connect(url: str, idx: int, tries: int = 4):
    """Joining is set-up, not measured: on a loaded machine the first page fetch can pass the
    client's 20 s timeout, so try again."""
    for attempt in range(tries):
        try:
            return connect(url, idx)
        except Exception:
            if attempt == tries - 1:
                raise
            time.sleep(2)


def run_phase(url: str, first: int, a, steps) -> tuple[list[dict], float]:
    indices = list(range(first, first + a.labelers))
    groups = [indices[p::a.processes] for p in range(a.processes)]
    t0 = time.perf_counter()
    with mp.get_context("spawn").Pool(a.processes) as pool:
        results = [r for chunk in pool.map(partial(http_worker, connect_fn=patient_connect), [(url, g, steps) for g in groups]) for r in chunk]
    return results, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labelers", type=int, default=10)
    ap.add_argument("--labels", type=int, default=12)
    ap.add_argument("--processes", type=int, default=2, help="client processes")
    ap.add_argument("--think", type=float, nargs=2, default=(0.5, 2.0), metavar=("MIN", "MAX"))
    ap.add_argument("--port", type=int, default=7420)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--child-cpu", type=float, default=40.0, help="start phase 2 once the child used this much CPU")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "labeling_during_training.json"))
    a = ap.parse_args()
    k = 1
    work = Path(tempfile.mkdtemp(prefix="bench-label-train-"))
    data = work / "data"
    n_items = 2 * a.labelers * a.labels + 50
    write_pairs(work / "pairs.jsonl", n_items)
    use_data_dir(data)
    from core.preferences import policy_runs
    from core.preferences.importing import import_file
    from core.preferences.policy_job import PolicyJob

    import_file(work / "pairs.jsonl")
    steps = {i: plan(a.seed * 1000 + i, a.labels, tuple(a.think)) for i in range(2 * a.labelers)}
    env = dict(os.environ, GENAI_DATA_DIR=str(data), GRADIO_SERVER_PORT=str(a.port), GRADIO_SERVER_NAME="127.0.0.1",
               GENAI_PREFS_OVERLAP=str(k), GENAI_PREFS_QUOTA=str(a.labels), GRADIO_ANALYTICS_ENABLED="False")
    server = subprocess.Popen([sys.executable, "-m", "apps.labeling.app"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{a.port}/"
    job = PolicyJob(data, threads=1)
    rows, during = [], {}
    try:
        wait_up(url, server)
        patient_connect(url, 999)  # warm the app up (first requests import and build lazily)
        idle, idle_wall = run_phase(url, 0, a, steps)
        rows.append(summary("no training (peer)", idle, idle_wall))

        # no precompute: the first optimizer step (when phase 2 starts) comes sooner; steps are the same work
        run = job.start_training(training_rows(64), "dpo", "bundled", max_steps=10_000, precompute_ref=False)
        t_start = time.perf_counter()
        # In the training loop: an optimizer step done, or the child has spent more CPU than loading
        # the model takes (~15 s; on a crowded core the first step can take minutes).
        while (policy_runs.load_run(data, run["id"])["progress"].get("step") or 0) < 1 \
                and cpu_seconds(job._proc.pid) < a.child_cpu:
            if not job.busy():
                raise RuntimeError(f"training ended before its first step: {policy_runs.load_run(data, run['id'])}")
            time.sleep(1)
        to_first_step = round(time.perf_counter() - t_start, 1)
        child_cpu0 = cpu_seconds(job._proc.pid)
        step0 = policy_runs.load_run(data, run["id"])["progress"]["step"]
        busy, busy_wall = run_phase(url, a.labelers, a, steps)
        progress = policy_runs.load_run(data, run["id"])["progress"]
        still = job.busy() and policy_runs.load_run(data, run["id"])["status"] == "running"
        child_cpu = round(cpu_seconds(job._proc.pid) - child_cpu0, 1)
        during = {"run": run["id"], "steps_before_phase": step0, "steps_after_phase": progress.get("step"),
                  "still_training_at_end": still, "seconds_until_phase_2": to_first_step,
                  "child_cpu_seconds_during_phase_2": child_cpu}
        rows.append(summary("while DPO trains (child, nice 5)", busy, busy_wall))
    finally:
        job.stop()
        server.terminate()
        server.wait(20)
    db = check_db([c for r in idle + busy for c in r["acked"]], k)
    result = {"labelers": a.labelers, "labels": a.labels, "think": a.think, "affinity": sorted(os.sched_getaffinity(0)),
              "load_at_end": os.getloadavg(), "phases": rows, "training": during, "db": db}
    Path(a.out).write_text(json.dumps(result, indent=2))
    print(f"{a.labelers} labelers x {a.labels} labels per phase, think {a.think[0]}-{a.think[1]} s; "
          f"CPUs {result['affinity']}, load average at end {result['load_at_end'][0]:.2f}")
    print(f"{'phase':<36}{'submits':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'wall s':>8}")
    for r in rows:
        print(f"{r['name']:<36}{r['submits']:>8}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{r['p99_ms']:>9.1f}"
              f"{r['max_ms']:>9.1f}{r['wall_s']:>8.1f}")
    print(f"training during phase 2: steps {during['steps_before_phase']} -> {during['steps_after_phase']}, "
          f"still training at the end: {during['still_training_at_end']}, "
          f"child CPU during the phase {during['child_cpu_seconds_during_phase_2']} s of {rows[1]['wall_s']:.0f} s")
    print(f"store: {db['acknowledged']} acknowledged, {db['stored']} stored, {db['lost']} lost")
    valid = during["still_training_at_end"] and not any(r["errors"] for r in rows) and db["lost"] == 0
    p95 = rows[1]["p95_ms"]
    print(f"target submit p95 <= 300 ms during training: {'met' if p95 <= 300 else 'NOT met'} ({p95:.1f} ms)"
          + ("" if valid else "  -- VOID: training stopped early, errors, or lost labels"))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
