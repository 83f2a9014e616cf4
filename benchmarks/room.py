"""A workshop on one machine: the whole suite under a room's load, per-action latency and memory.

    .venv/bin/python benchmarks/room.py [--minutes 5] [--labelers 50] [--chat 10] [--image 10]
        [--port 8800] [--memory-every 10]

Starts the real suite (`python -m apps`) in a fresh data folder with labeling items imported and
the sample corpus in the chatbot, then for --minutes runs at once:
  - labelers (gradio_client, in client processes): next item, think --think seconds (1-4), submit; the UI's
    label event is submit + next item, timed together as "label -> next item";
  - the host dashboard open in Chromium (it refreshes itself every 5 s);
  - chatbot visitors asking a question (extractive answers, the default) every 10-30 s;
  - image visitors generating a 25-step image every 10-30 s;
  - explorer page views in Chromium (load, wait for the first section) every 30 s.
Prints p50/p95 per action, errors, and each app's memory (RSS) at the start, the peak and the
end, sampled every --memory-every seconds; --soak-report writes the memory series as CSV.
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "room-benchmark-host-token"
QUESTIONS = ["What does the MIT license disclaim?", "How many senators does each state have?",
             "What is the home-office budget?", "When must a permit be renewed?",
             "What does the BSD license require when redistributing?", "Who may propose amendments?"]
PROMPTS = ["a large red circle in the center on a blue background", "a small green square in the top left on a white background",
           "a yellow triangle in the bottom right on a black background", "a blue circle on a yellow background"]


def pct(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


# --- labelers, in client processes -----------------------------------------------------------

def labeler_worker(args) -> list[dict]:
    from gradio_client import Client

    url, indices, until, think = args
    out = []

    def run(idx):
        rec = {"label -> next item": [], "errors": []}
        try:
            c = Client(url, verbose=False, ssl_verify=False)
            token = c.predict(f"room{idx}", "studio", api_name="/join")["token"]
            item = c.predict(token, api_name="/next_item")
            while time.time() < until and item.get("status") == "item":
                time.sleep(random.uniform(*think))
                t0 = time.perf_counter()
                c.predict(token, item["assignment_id"], random.choice(["left", "right", "tie"]), "", "",
                          uuid.uuid4().hex, api_name="/submit")
                item = c.predict(token, api_name="/next_item")
                rec["label -> next item"].append(time.perf_counter() - t0)
        except Exception as e:
            rec["errors"].append(f"{type(e).__name__}: {str(e)[:120]}")
        out.append(rec)

    threads = [threading.Thread(target=run, args=(i,)) for i in indices]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return out


# --- chatbot and image visitors, threads in this process ------------------------------------

def visitor(kind: str, url: str, until: float, rec: dict) -> None:
    from gradio_client import Client

    try:
        c = Client(url, verbose=False, ssl_verify=False)
    except Exception as e:
        rec["errors"].append(f"{kind} connect: {e}")
        return
    time.sleep(random.uniform(0, 10))
    while time.time() < until:
        t0 = time.perf_counter()
        try:
            if kind == "ask":
                c.predict(random.choice(QUESTIONS), [], "sample", "hybrid", 4, "zero_shot", [], "extractive",
                          api_name="/ask")
            else:
                c.predict(random.choice(PROMPTS), "", str(random.randint(0, 10**6)), 25, 4.0, "default", 1, "32",
                          api_name="/generate")
            rec[kind].append(time.perf_counter() - t0)
        except Exception as e:
            rec["errors"].append(f"{kind}: {type(e).__name__}: {str(e)[:120]}")
        time.sleep(random.uniform(10, 30))


def browser_views(ports: dict, until: float, rec: dict, chromium: str) -> None:
    """The host dashboard stays open; the explorer is loaded every 30 s."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            host = b.new_page()  # the host signs in; the dashboard then refreshes itself every 5 s
            host.goto(f"http://127.0.0.1:{ports['labeling']}/")
            host.get_by_role("tab", name="Host").click()
            host.locator("#host-token input").fill(TOKEN)
            host.locator("#btn-host-open").click()
            explorer = b.new_page()
            while time.time() < until:
                t0 = time.perf_counter()
                try:
                    explorer.goto(f"http://127.0.0.1:{ports['explorer']}/")
                    explorer.get_by_text("Tokenization").first.wait_for(timeout=60_000)
                    rec["explorer page view"].append(time.perf_counter() - t0)
                except Exception as e:
                    rec["errors"].append(f"explorer: {type(e).__name__}: {str(e)[:120]}")
                time.sleep(30)
        finally:
            b.close()


def warm_up(ports: dict) -> None:
    from gradio_client import Client

    Client(f"http://127.0.0.1:{ports['chatbot']}/", verbose=False).predict(
        QUESTIONS[0], [], "sample", "hybrid", 4, "zero_shot", [], "extractive", api_name="/ask")
    Client(f"http://127.0.0.1:{ports['text2image']}/", verbose=False).predict(
        PROMPTS[0], "", "1", 25, 4.0, "default", 1, "32", api_name="/generate")


# --- the suite -----------------------------------------------------------------------------

def start_suite(data: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, GENAI_DATA_DIR=str(data), GENAI_PREFS_OVERLAP="3", GENAI_PREFS_QUOTA="1000",
               GENAI_HOST_TOKEN=TOKEN,
               GRADIO_ANALYTICS_ENABLED="False")
    proc = subprocess.Popen([sys.executable, "-m", "apps", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            states = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/status.json", timeout=2).read())
            if states and all(s == "up" for s in states.values()):
                return proc
        except OSError:
            pass
        time.sleep(2)
    raise RuntimeError("the suite did not come up")


def app_pids(port: int) -> dict[str, int]:
    apps = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/apps.json", timeout=5).read())
    return {name: a["pid"] for name, a in apps.items() if a.get("pid")}


def rss_mb(pid: int) -> float:
    try:
        return psutil.Process(pid).memory_info().rss / 2**20
    except psutil.Error:
        return float("nan")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=5)
    p.add_argument("--labelers", type=int, default=50)
    p.add_argument("--chat", type=int, default=10)
    p.add_argument("--image", type=int, default=10)
    p.add_argument("--port", type=int, default=8800)
    p.add_argument("--processes", type=int, default=4, help="client processes for the labelers")
    p.add_argument("--think", type=float, nargs=2, default=(1.0, 4.0), metavar=("MIN", "MAX"),
                   help="seconds a labeler reads before answering (default 1 4: a stress test; people reading "
                        "two answers take 10 30 or more)")
    p.add_argument("--memory-every", type=float, default=10)
    p.add_argument("--soak-report", type=Path, help="write the memory series (CSV) here")
    p.add_argument("--chromium", default="/usr/bin/chromium")
    a = p.parse_args(argv)

    data = Path(tempfile.mkdtemp(prefix="room-"))
    os.environ["GENAI_DATA_DIR"] = str(data)
    from labeling import write_pairs  # benchmarks/labeling.py (the script folder is on sys.path)

    from core.config import reset_settings
    from core.preferences.importing import import_file
    from core.retrieval.collection import open_collection
    from core.retrieval.writer_lock import release_all

    reset_settings()
    pairs = data / "pairs.jsonl"
    write_pairs(pairs, a.labelers * 200)
    import_file(pairs)
    open_collection("sample").ingest(sorted((ROOT / "assets" / "rag_corpus").iterdir()))
    release_all()  # the chatbot app is this data folder's writer from now on
    suite = start_suite(data, a.port)
    ports = {name: a.port + off for name, off in (("explorer", 1), ("chatbot", 2), ("labeling", 3), ("text2image", 4))}
    pids = app_pids(a.port)
    warm_up(ports)  # models load on first use: that is start-up, not the room
    memory: list[dict] = []
    rec: dict = {"ask": [], "generate": [], "explorer page view": [], "errors": []}
    load_before = os.getloadavg()[0]
    until = time.time() + a.minutes * 60
    try:
        threads = [threading.Thread(target=visitor, args=("ask", f"http://127.0.0.1:{ports['chatbot']}/", until, rec))
                   for _ in range(a.chat)]
        threads += [threading.Thread(target=visitor, args=("generate", f"http://127.0.0.1:{ports['text2image']}/",
                                                          until, rec)) for _ in range(a.image)]
        threads.append(threading.Thread(target=browser_views, args=(ports, until, rec, a.chromium)))
        [t.start() for t in threads]
        groups = [list(range(a.labelers))[k::a.processes] for k in range(a.processes)]
        pool = mp.get_context("spawn").Pool(a.processes)
        labeled = pool.map_async(labeler_worker, [(f"http://127.0.0.1:{ports['labeling']}/", g, until, tuple(a.think))
                                                  for g in groups])
        t0 = time.time()
        while time.time() < until + 5:
            memory.append({"t": round(time.time() - t0), **{n: round(rss_mb(pid)) for n, pid in pids.items()}})
            time.sleep(a.memory_every)
        labelers = [r for chunk in labeled.get(timeout=600) for r in chunk]
        pool.close()
        [t.join(timeout=300) for t in threads]
        restarts = {n: s.get("restarts", 0) for n, s in json.loads(urllib.request.urlopen(
            f"http://127.0.0.1:{a.port}/apps.json", timeout=5).read()).items()}
    finally:
        suite.terminate()
        suite.wait(60)

    rec["label -> next item"] = [x for r in labelers for x in r["label -> next item"]]
    rec["errors"] += [e for r in labelers for e in r["errors"]]
    print(f"\nroom: {a.labelers} labelers (think {a.think[0]:g}-{a.think[1]:g} s), {a.chat} chatbot and {a.image} "
          "image visitors, host dashboard and "
          f"explorer in Chromium, {a.minutes:g} min; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; app restarts {restarts}\n")
    print("| action | n | p50 s | p95 s | max s |\n|---|---|---|---|---|")
    for action in ("label -> next item", "ask", "generate", "explorer page view"):
        v = rec[action]
        print(f"| {action} | {len(v)} | {pct(v, .5):.3f} | {pct(v, .95):.3f} | {max(v, default=float('nan')):.3f} |")
    print(f"\nerrors: {len(rec['errors'])}" + "".join(f"\n  {e}" for e in rec["errors"][:10]))
    # growth is counted from the first sample after a minute: the first requests load models
    print("\n| app | RSS first MB | at 1 min MB | peak MB | end MB | end vs 1 min |\n|---|---|---|---|---|---|")
    for name in pids:
        series = [(m["t"], m[name]) for m in memory if m.get(name) == m.get(name)]
        if series:
            base = next((v for t, v in series if t >= 60), series[-1][1])
            print(f"| {name} | {series[0][1]} | {base} | {max(v for _, v in series)} | {series[-1][1]} | "
                  f"{100 * (series[-1][1] / base - 1):+.1f}% |")
    if a.soak_report:
        with a.soak_report.open("w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(memory[0]))
            w.writeheader()
            w.writerows(memory)
    return 0 if not rec["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
