"""One app's memory under several visitors, sampled every N requests (#15: "memory stays flat").

    taskset -c 0 env GENAI_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python benchmarks/app_memory.py \
        text2image [--visitors 10] [--requests 600] [--every 50] [--think 0 0.5] [--port 7940] \
        [--probe] [--trim] [--tracemalloc FRAMES] [--without-session-fix] [--csv out.csv]
    ... benchmarks/app_memory.py chatbot --requests 300   # extractive answers on the sample corpus

The app (apps/<name>/app.py's build_app, warmed up like the real start) serves in THIS process;
the visitors are gradio_client threads in a child process (their memory is not counted), calling
the same endpoints as benchmarks/room.py (/generate: a 25-step image; /ask: an extractive
answer), with --think seconds between a visitor's requests. Every --every completed requests
this process records its resident memory (RSS) and, with --probe, the count of live Python
objects after gc.collect() (--tracemalloc: traced bytes too), so that growth of Python objects
can be told apart from native-heap growth. --trim also records RSS after glibc malloc_trim(0):
memory that trimming gives back was free heap (fragmentation), not live data.
At the end, with --probe, the object types that grew most (--tracemalloc: the allocation sites).
--without-session-fix runs the app as before apps/gradio_sessions.py (the "before" peer).
"""
from __future__ import annotations

import argparse
import collections
import csv
import gc
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ["What does the MIT license disclaim?", "How many senators does each state have?",
             "What is the home-office budget?", "When must a permit be renewed?",
             "What does the BSD license require when redistributing?", "Who may propose amendments?"]
PROMPTS = ["a large red circle in the center on a blue background", "a small green square in the top left on a white background",
           "a yellow triangle in the bottom right on a black background", "a blue circle on a yellow background"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- the visitors (child process) ------------------------------------------------------------

def drive(url: str, kind: str, visitors: int, requests: int, think: tuple[float, float]) -> int:
    from gradio_client import Client

    left = [requests]
    lock = threading.Lock()

    def say(text: str) -> None:
        with lock:  # one whole line per request, never interleaved
            sys.stdout.write(text + "\n")
            sys.stdout.flush()

    def one(v: int) -> None:
        # files stay on the server (a light client); a slow server (tracemalloc on) gets time to answer
        c = Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": 300})
        rng = random.Random(v)
        while True:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
            t0 = time.perf_counter()
            try:
                if kind == "ask":
                    c.predict(rng.choice(QUESTIONS), [], "sample", "hybrid", 4, "zero_shot", [], "extractive",
                              api_name="/ask")
                else:
                    c.predict(rng.choice(PROMPTS), "", str(rng.randint(0, 10**6)), 25, 4.0, "default", 1, "32",
                              api_name="/generate")
                say(f"done {time.perf_counter() - t0:.3f}")
            except Exception as e:  # reported, never hidden
                say(f"error {type(e).__name__}: {str(e)[:120]}")
            time.sleep(rng.uniform(*think))

    threads = [threading.Thread(target=one, args=(v,)) for v in range(visitors)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return 0


# --- the app (this process) ------------------------------------------------------------------

def start_app(name: str, port: int, session_fix: bool = True):
    if not session_fix:  # the "before" peer: Gradio's session copies as shipped (apps/gradio_sessions.py off)
        from apps import gradio_sessions

        gradio_sessions._installed = True
    os.environ["GRADIO_SERVER_PORT"] = str(port)
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    from core.warm_up import warm_up

    if name == "text2image":
        from apps.text2image import app
        from apps.text2image.warm_up import parts
    else:
        from apps.chatbot import app
        from apps.chatbot.warm_up import parts
        from core.retrieval.collection import open_collection

        col = open_collection("sample")
        if col.count() == 0:
            col.ingest(sorted((ROOT / "assets" / "rag_corpus").iterdir()))
    warm_up(parts())
    demo = app.build_app()
    demo.queue().launch(prevent_thread_lock=True, quiet=True, **app.launch_options())
    return demo


def python_side(probe: bool, traced: bool) -> dict:
    out = {}
    if probe:
        gc.collect()
        out["objects"] = len(gc.get_objects())
    if traced:
        import tracemalloc

        out["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
    return out


def type_counts() -> collections.Counter:
    gc.collect()
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("app", choices=["text2image", "chatbot"])
    p.add_argument("--visitors", type=int, default=10)
    p.add_argument("--requests", type=int, default=600)
    p.add_argument("--every", type=int, default=50)
    p.add_argument("--think", type=float, nargs=2, default=(0.0, 0.5))
    p.add_argument("--port", type=int, default=7940)
    p.add_argument("--probe", action="store_true", help="live Python objects after gc.collect() (and by type at the end)")
    p.add_argument("--tracemalloc", type=int, default=0, metavar="FRAMES",
                   help="trace Python allocations with this many frames (slows the app several times)")
    p.add_argument("--trim", action="store_true", help="also RSS after malloc_trim(0) at each sample")
    p.add_argument("--without-session-fix", action="store_true",
                   help="the app as before #15's fix (apps/gradio_sessions.py not installed), for before/after runs")
    p.add_argument("--csv", type=Path)
    p.add_argument("--data", type=Path, help="data folder (default: a fresh temporary one)")
    p.add_argument("--drive", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    kind = "ask" if a.app == "chatbot" else "generate"
    if a.drive:
        return drive(a.drive, kind, a.visitors, a.requests, tuple(a.think))

    data = a.data or Path(tempfile.mkdtemp(prefix=f"mem-{a.app}-", dir=os.environ.get("TMPDIR")))
    os.environ["GENAI_DATA_DIR"] = str(data)
    start_app(a.app, a.port, session_fix=not a.without_session_fix)
    if a.probe:
        first_types = type_counts()
    if a.tracemalloc:
        import tracemalloc

        tracemalloc.start(a.tracemalloc)
        first_snap = tracemalloc.take_snapshot()
    from core.models.native_memory import release_free_memory

    load_before = os.getloadavg()
    rows = [{"requests": 0, "seconds": 0, "rss_mb": round(rss_mb(), 1), **python_side(a.probe, bool(a.tracemalloc))}]
    print(rows[-1], flush=True)
    child = subprocess.Popen([sys.executable, __file__, a.app, "--drive", f"http://127.0.0.1:{a.port}/",
                              "--visitors", str(a.visitors), "--requests", str(a.requests),
                              "--think", str(a.think[0]), str(a.think[1])],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    t0, done, errors, latencies = time.time(), 0, [], []
    for line in child.stdout:
        if line.startswith("error"):
            errors.append(line.strip())
            continue
        if not line.startswith("done"):
            continue
        done += 1
        latencies.append(float(line.split()[1]))
        if done % a.every == 0:
            row = {"requests": done, "seconds": round(time.time() - t0), "rss_mb": round(rss_mb(), 1),
                   **python_side(a.probe, bool(a.tracemalloc))}
            if a.trim:
                release_free_memory()
                row["rss_after_trim_mb"] = round(rss_mb(), 1)
            rows.append(row)
            print(row, flush=True)
    child.wait()
    latencies.sort()
    name = a.app + (" (without the session fix)" if a.without_session_fix else "")
    print(f"\n{name}: {done} requests by {a.visitors} visitors (think {a.think[0]:g}-{a.think[1]:g} s) in "
          f"{time.time() - t0:.0f} s, median {latencies[len(latencies) // 2] if latencies else float('nan'):.2f} s, "
          f"errors {len(errors)}; load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    for e in errors[:5]:
        print("  ", e)
    keys = list(rows[-1].keys())
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")
    if a.csv:
        with open(a.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=keys)
            w.writeheader()
            w.writerows(rows)
    if a.probe:
        grown = type_counts() - first_types
        print("\nobject types that grew most:", grown.most_common(12))
    if a.tracemalloc:
        for stat in tracemalloc.take_snapshot().compare_to(first_snap, "traceback")[:8]:
            print(f"{stat.size_diff // 1024} KB in {stat.count_diff} blocks")
            print("   " + "\n   ".join(stat.traceback.format()[-8:]))
    os._exit(0)  # Gradio's server threads are not joined


if __name__ == "__main__":
    sys.exit(main())
