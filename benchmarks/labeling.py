"""Labeling under load: 50 simulated labelers through gradio_client against a running app.

    .venv/bin/python benchmarks/labeling.py [--labelers 50] [--labels 20] [--port 8602]
        [--database-url postgresql+psycopg://user@host:5432/postgres]

Each labeler joins, then `--labels` times: next_item, a think pause, submit with a fresh
client id. At random a submit is retried: a "double click" (two identical submits in
flight at once) or a "lost reply" (the same submit sent again after the answer). Then
the database is checked: exactly one label per acknowledged client id, nothing extra,
no (item, labeler) twice, no item over k labels.
Peer, measured in the same run with the same labelers, pauses and retries: direct calls
into core.preferences (no HTTP, no Gradio queue), on a second database. The difference
is what the web layer costs. Storage is SQLite in a temporary data folder, or with
--database-url two fresh databases created on that PostgreSQL server (and dropped after).
Labelers run in several processes (threads inside each) so that the client side is not
one GIL. Every number printed comes from this run.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_pairs(path: Path, n: int) -> None:
    names = ("model-x", "model-y", "model-z")
    with path.open("w") as f:
        for i in range(n):
            a, b = names[i % 3], names[(i + 1) % 3]
            f.write(json.dumps({"id": f"b{i}", "prompt": f"Benchmark prompt {i}: explain idea {i}.",
                                "response_a": f"{a} answers {i}. " * 5, "response_b": f"{b} replies {i}. " * 4,
                                "model_a": a, "model_b": b}) + "\n")


def plan(seed: int, labels: int, think: tuple[float, float]) -> list[tuple[float, str]]:
    """Per label: (pause seconds, retry kind: none | double | again). Same plan for both runs."""
    rng = random.Random(seed)
    out = []
    for _ in range(labels):
        r = rng.random()
        out.append((rng.uniform(*think), "double" if r < 0.15 else "again" if r < 0.30 else "none"))
    return out


# --- one labeler over HTTP -----------------------------------------------------------------

def connect(url: str, idx: int):
    """A gradio_client session that has joined. ssl_verify=False: the URL is plain http on
    loopback, so there is no certificate to check, and it spares gradio_client loading the CA
    bundle on every request (that alone cost ~40 ms of client CPU per call here)."""
    from gradio_client import Client

    c = Client(url, verbose=False, ssl_verify=False)
    return c, c.predict(f"bench{idx}", "studio", api_name="/join")["token"]


def http_labeler(c, token: str, steps) -> dict:
    lat, acked, errors = [], [], []
    for pause, retry in steps:
        item = c.predict(token, api_name="/next_item")
        if item["status"] != "item":
            errors.append(f"no item: {item['status']}")
            break
        time.sleep(pause)
        cid = uuid.uuid4().hex
        args = (token, item["assignment_id"], random.choice(["left", "right", "tie", "both_bad"]), "", "", cid)
        t0 = time.perf_counter()
        if retry == "double":
            jobs = [c.submit(*args, api_name="/submit") for _ in range(2)]
            results = [j.result() for j in jobs]
            lat.append(time.perf_counter() - t0)
            if len({r["label_id"] for r in results}) != 1:
                errors.append("double click gave two label ids")
        else:
            r = c.predict(*args, api_name="/submit")
            lat.append(time.perf_counter() - t0)
            if retry == "again":
                t1 = time.perf_counter()
                r2 = c.predict(*args, api_name="/submit")
                lat.append(time.perf_counter() - t1)
                if r2["label_id"] != r["label_id"] or not r2["duplicate"]:
                    errors.append("retry was not recognised")
        acked.append(cid)
    return {"lat": lat, "acked": acked, "errors": errors}


def http_worker(args, connect_fn=None) -> list[dict]:
    url, indices, steps_by_idx = args
    sessions = [(connect_fn or connect)(url, idx) for idx in indices]  # joins are set-up, not measured
    results = [None] * len(indices)

    def run(k, idx):
        try:
            results[k] = http_labeler(*sessions[k], steps_by_idx[idx])
        except Exception as e:
            results[k] = {"lat": [], "acked": [], "errors": [f"{type(e).__name__}: {e}"]}

    threads = [threading.Thread(target=run, args=(k, i)) for k, i in enumerate(indices)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return results


# --- the peer: the same labelers calling core directly -------------------------------------

def direct_run(n: int, steps_by_idx) -> list[dict]:
    from core.preferences import assignment, identity, submit

    tokens = [identity.join(f"bench{i}", "studio").token for i in range(n)]
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        lat, acked, errors = [], [], []
        barrier.wait()
        for pause, retry in steps_by_idx[i]:
            item = assignment.next_item(tokens[i])
            if item.status != "item":
                errors.append(item.status)
                break
            time.sleep(pause)
            cid = uuid.uuid4().hex
            args = (tokens[i], item.assignment_id, random.choice(["left", "right", "tie", "both_bad"]), None, "", cid)
            t0 = time.perf_counter()
            if retry == "double":
                out = []
                ts = [threading.Thread(target=lambda: out.append(submit.submit(*args))) for _ in range(2)]
                [t.start() for t in ts]
                [t.join() for t in ts]
            else:
                submit.submit(*args)
            lat.append(time.perf_counter() - t0)
            if retry == "again":
                t1 = time.perf_counter()
                submit.submit(*args)
                lat.append(time.perf_counter() - t1)
            acked.append(cid)
        results[i] = {"lat": lat, "acked": acked, "errors": errors}

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return results


# --- checks and report ---------------------------------------------------------------------

def check_db(acked: list[str], k: int) -> dict:
    from sqlalchemy import func, select

    from core.preferences.db import transaction
    from core.preferences.schema import Label

    with transaction() as s:
        stored = list(s.scalars(select(Label.client_id)))
        pairs = list(s.execute(select(Label.item_id, Label.labeler_id)))
        over_k = s.execute(select(Label.item_id).group_by(Label.item_id).having(func.count(Label.id) > k)).all()
    acked_set, stored_set = set(acked), set(stored)
    return {"acknowledged": len(acked), "stored": len(stored), "lost": len(acked_set - stored_set),
            "extra": len(stored_set - acked_set), "duplicate_client_ids": len(stored) - len(stored_set),
            "same_labeler_twice": len(pairs) - len(set(pairs)), "items_over_k": len(over_k)}


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def summary(name: str, results: list[dict], seconds: float) -> dict:
    lat = [x * 1000 for r in results for x in r["lat"]]
    return {"name": name, "submits": len(lat), "p50_ms": statistics.median(lat), "p95_ms": pct(lat, 95),
            "p99_ms": pct(lat, 99), "max_ms": max(lat), "wall_s": seconds,
            "errors": [e for r in results for e in r["errors"]][:5]}


def cpu_seconds(pid: int) -> float:
    """user + system CPU seconds of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def use_data_dir(path: Path, database_url: str = "") -> None:
    os.environ["GENAI_DATA_DIR"] = str(path)
    if database_url:
        os.environ["GENAI_PREFS_DATABASE_URL"] = database_url
    from core.config import reset_settings
    from core.preferences.db import dispose_all

    dispose_all()
    reset_settings()


def server_databases(server_url: str, names: list[str], drop: bool = False) -> list[str]:
    """Create (or drop) databases on the PostgreSQL server of `server_url`; returns their URLs."""
    from sqlalchemy import create_engine, make_url

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        for name in names:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' if drop else f'CREATE DATABASE "{name}"')
    engine.dispose()
    return [make_url(server_url).set(database=n).render_as_string(hide_password=False) for n in names]


def wait_up(url: str, proc) -> None:
    import httpx

    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the app exited during startup")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError("the app did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labelers", type=int, default=50)
    ap.add_argument("--labels", type=int, default=20)
    ap.add_argument("--processes", type=int, default=5, help="client processes for the HTTP run")
    ap.add_argument("--think", type=float, nargs=2, default=(1.0, 4.0), metavar=("MIN", "MAX"),
                    help="seconds a labeler pauses between seeing an item and submitting")
    ap.add_argument("--port", type=int, default=8602)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--database-url", default="", metavar="URL",
                    help="a PostgreSQL server (any database on it) to run on instead of SQLite")
    a = ap.parse_args()
    k = 3
    n_items = (a.labelers * a.labels) // k + 50
    steps = {i: plan(a.seed * 1000 + i, a.labels, tuple(a.think)) for i in range(a.labelers)}
    work = Path(tempfile.mkdtemp(prefix="bench-labeling-"))
    pairs = work / "pairs.jsonl"
    write_pairs(pairs, n_items)
    names = [f"bench_labeling_{os.getpid()}_{run}" for run in ("http", "direct")]
    urls = server_databases(a.database_url, names) if a.database_url else ["", ""]
    try:
        rows, server_cpu = run_both(a, k, steps, work, pairs, urls)
    finally:
        if a.database_url:
            from core.preferences.db import dispose_all

            dispose_all()
            server_databases(a.database_url, names, drop=True)
    return report(a, k, n_items, rows, server_cpu)


def run_both(a, k, steps, work, pairs, urls):
    from core.preferences.importing import import_file

    # the app, in its own process, on its own data folder (or database)
    use_data_dir(work / "http", urls[0])
    import_file(pairs)
    env = dict(os.environ, GENAI_DATA_DIR=str(work / "http"), GRADIO_SERVER_PORT=str(a.port),
               GRADIO_SERVER_NAME="127.0.0.1", GENAI_PREFS_OVERLAP=str(k), GENAI_PREFS_QUOTA=str(a.labels),
               GRADIO_ANALYTICS_ENABLED="False")
    server = subprocess.Popen([sys.executable, "-m", "apps.labeling.app"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{a.port}/"
    try:
        wait_up(url, server)
        groups = [list(range(a.labelers))[p::a.processes] for p in range(a.processes)]
        t0, cpu0 = time.perf_counter(), cpu_seconds(server.pid)
        with mp.get_context("spawn").Pool(a.processes) as pool:
            http_results = [r for chunk in pool.map(http_worker, [(url, g, steps) for g in groups]) for r in chunk]
        http_wall = time.perf_counter() - t0
        server_cpu = cpu_seconds(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(20)
    http_check = check_db([c for r in http_results for c in r["acked"]], k)

    # the peer: same plan, direct core calls, second data folder (or database)
    use_data_dir(work / "direct", urls[1])
    os.environ["GENAI_PREFS_QUOTA"] = str(a.labels)
    from core.config import reset_settings
    reset_settings()
    import_file(pairs)
    t0 = time.perf_counter()
    direct_results = direct_run(a.labelers, steps)
    direct_wall = time.perf_counter() - t0
    direct_check = check_db([c for r in direct_results for c in r["acked"]], k)

    rows = [summary("app via gradio_client (HTTP + queue)", http_results, http_wall) | {"db": http_check},
            summary("peer: direct core calls (no HTTP)", direct_results, direct_wall) | {"db": direct_check}]
    return rows, server_cpu


def report(a, k, n_items, rows, server_cpu) -> int:
    if a.json:
        print(json.dumps(rows, indent=2))
    from sqlalchemy import make_url

    store = (f"PostgreSQL at {make_url(a.database_url).render_as_string(hide_password=True)}" if a.database_url
             else "SQLite (WAL)")
    print(f"\nstore: {store}; {a.labelers} labelers x {a.labels} labels, think {a.think[0]}-{a.think[1]} s, "
          f"~15 % double clicks + ~15 % resent submits, k={k}, {n_items} items")
    print(f"{'run':<40}{'submits':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
          f"{'acked':>7}{'stored':>7}{'lost':>5}{'dup':>5}{'wall s':>8}")
    for r in rows:
        d = r["db"]
        print(f"{r['name']:<40}{r['submits']:>8}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{r['p99_ms']:>9.1f}"
              f"{r['max_ms']:>9.1f}{d['acknowledged']:>7}{d['stored']:>7}{d['lost']:>5}"
              f"{d['duplicate_client_ids'] + d['same_labeler_twice'] + d['extra']:>5}{r['wall_s']:>8.1f}")
    http, direct = rows
    requests = http["submits"] + a.labelers * a.labels  # submits (with retries) + next_item calls
    print(f"server CPU: {server_cpu:.1f} s for ~{requests} requests = {1000 * server_cpu / requests:.1f} ms/request; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"\nweb layer cost at p95: {http['p95_ms'] - direct['p95_ms']:.1f} ms "
          f"({http['p95_ms'] / max(direct['p95_ms'], 1e-9):.1f}x the direct p95)")
    ok = all(r["db"]["lost"] == 0 and r["db"]["extra"] == 0 and r["db"]["duplicate_client_ids"] == 0
             and r["db"]["same_labeler_twice"] == 0 and r["db"]["items_over_k"] == 0
             and r["db"]["acknowledged"] == a.labelers * a.labels and not r["errors"] for r in rows)
    print(f"integrity: {'OK' if ok else 'FAILED'}; p95 target 150 ms: "
          f"{'met' if http['p95_ms'] <= 150 else 'NOT met'} ({http['p95_ms']:.1f} ms)")
    for r in rows:
        if r["errors"]:
            print(f"{r['name']} errors: {r['errors']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
