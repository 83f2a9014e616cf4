"""The chatbot as an attacker sees it: local mode (one-user rights, what every server gave visitors
before hosted mode) beside hosted mode, in the same run, through gradio_client as anonymous visitors.

    .venv/bin/python benchmarks/hosting.py [--port 8720]

Each mode gets a fresh data folder and a real app process (`python apps/chatbot/app.py`).
Counted per mode: changes an anonymous visitor made to the shared collection (delete, ingest,
sample ingest, with and without a wrong token), reads of another visitor's private documents
(switch, search, context), and hostile uploads: two DOCX bombs (96 KB and 948 KB, highly
compressed XML) and a 5 MB text file — seconds to the answer, the app's peak extra memory (RSS of
the app process, sampled every 20 ms) and whether the app still answers a search afterwards.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

import psutil
from gradio_client import Client, handle_file

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "benchmark-host-token"
VISITOR_A, VISITOR_B = "visitor-a-secret-0123456789abc", "visitor-b-secret-0123456789abc"


def docx_bomb(path: Path, paragraphs: int) -> Path:
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    para = "<w:p><w:r><w:t>Bomb paragraph text about the yak festival in the mountains.</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            block = (para * 1000).encode()
            for _ in range(paragraphs // 1000):
                f.write(block)
            f.write(b"</w:body></w:document>")
    return path


def random_text(path: Path, nbytes: int) -> Path:
    r = random.Random(3)
    vocab = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(3, 9))) for _ in range(20000)]
    parts, n = [], 0
    while n < nbytes:
        line = " ".join(r.choice(vocab) for _ in range(14)) + ".\n"
        parts.append(line)
        n += len(line)
    path.write_text("".join(parts))
    return path


class App:
    def __init__(self, hosted: bool, port: int, data: Path):
        env = {**os.environ, "GENAI_DATA_DIR": str(data), "GENAI_HOSTED": "true" if hosted else "false",
               "GENAI_HOST_TOKEN": TOKEN, "GRADIO_SERVER_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False",
               "GENAI_RATE_INGEST_PER_MIN": "100"}
        self.url = f"http://127.0.0.1:{port}/"
        self.proc = subprocess.Popen([sys.executable, "apps/chatbot/app.py"], cwd=ROOT, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return
            except OSError:
                time.sleep(1)
        raise RuntimeError("the chatbot did not start")

    def rss_mb(self) -> float:
        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)


def attempt(fn) -> bool:
    try:
        fn()
        return True
    except Exception:
        return False


def measure_upload(app: App, client: Client, path: Path, collection: str, visitor: str) -> dict:
    peak = [app.rss_mb()]
    base = peak[0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], app.rss_mb())
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    t = time.perf_counter()
    try:
        status = client.predict([handle_file(str(path))], collection, 1000, 200, visitor, None, api_name="/ingest")[0]
    except Exception as e:
        status = f"error: {e}"
    seconds = time.perf_counter() - t
    done.set()
    alive = attempt(lambda: Client(app.url, verbose=False).predict(
        "yak festival", "sample", "hybrid", 2, api_name="/search"))
    refused = "limit" in status.lower() or "bomb" in status.lower() or "error" in status.lower()
    return {"s": seconds, "extra_mb": peak[0] - base, "refused": refused, "alive": alive, "status": status}


def run_mode(hosted: bool, port: int, files: dict[str, Path]) -> dict:
    data = Path(tempfile.mkdtemp(prefix=f"hosting-{'hosted' if hosted else 'local'}-"))
    handbook = data / "handbook.md"
    handbook.write_text("# Handbook\nThe office closes at six on Fridays. The yak festival is in May.\n")
    app = App(hosted, port, data)
    out: dict = {}
    try:
        host = Client(app.url, verbose=False)
        if hosted:  # wait for the start-up ingest of the shared sample, so it does not overlap the timings
            deadline = time.time() + 600
            while time.time() < deadline and len(host.predict("sample", api_name="/switch_collection")[1]["data"]) < 3:
                time.sleep(2)
        host.predict([handle_file(str(handbook))], "sample", 1000, 200, None, TOKEN, api_name="/ingest")
        # a visitor's private document
        diary = data / "diary.md"
        diary.write_text("# Diary\nThe treasure is buried under the old oak tree.\n")
        a = Client(app.url, verbose=False)
        stored = a.predict([handle_file(str(diary))], "diary", 1000, 200, VISITOR_A, None,
                           api_name="/ingest")[4]["value"]
        # anonymous changes to the shared collection
        intruder = data / "intruder.md"
        intruder.write_text("# Notice\nThe office is closed forever.\n")
        anon = Client(app.url, verbose=False)
        anon.predict("sample", api_name="/switch_collection")
        changes = [
            attempt(lambda: anon.predict([handle_file(str(intruder))], "sample", 1000, 200, api_name="/ingest")),
            attempt(lambda: anon.predict([handle_file(str(intruder))], "sample", 1000, 200, None, "guess",
                                         api_name="/ingest")),
            attempt(lambda: anon.predict("sample", 1000, 200, api_name="/ingest_sample")),
            attempt(lambda: anon.predict("sample", "handbook.md", api_name="/delete")),
        ]
        out["anonymous changes to shared (of 4)"] = sum(changes)
        # reads of another visitor's private collection
        b = Client(app.url, verbose=False)
        reads = [
            attempt(lambda: b.predict(stored, VISITOR_B, api_name="/switch_collection")[1]["data"][0]),
            attempt(lambda: b.predict("treasure", stored, "hybrid", 2, VISITOR_B, api_name="/search")[0]),
            attempt(lambda: b.predict("treasure", stored, "hybrid", 2, api_name="/search")[0]),
            attempt(lambda: b.predict("treasure", "diary", "hybrid", 2, VISITOR_B, api_name="/search")[0]),
        ]
        out["reads of another visitor's documents (of 4)"] = sum(reads)
        for label, path in files.items():
            r = measure_upload(app, Client(app.url, verbose=False), path, "uploads", VISITOR_A)
            out[f"{label}: seconds"] = f"{r['s']:.1f}"
            out[f"{label}: app peak extra MB"] = f"{r['extra_mb']:.0f}"
            out[f"{label}: refused, limit named"] = "yes" if r["refused"] else "no (ingested)"
            out[f"{label}: app still answering"] = "yes" if r["alive"] else "NO"
    finally:
        app.stop()
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=8720)
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="hosting-files-"))
    bombs = [docx_bomb(work / "bomb-small.docx", 300_000), docx_bomb(work / "bomb-large.docx", 3_000_000)]
    files = {f"DOCX bomb {b.stat().st_size / 1024:,.0f} KB ({zipfile.ZipFile(b).infolist()[-1].file_size / 2**20:,.0f} "
             f"MB of XML)": b for b in bombs}
    files["5 MB text"] = random_text(work / "text-5mb.txt", 5 * 2**20)
    print(f"load before: {os.getloadavg()[0]:.1f}")
    local = run_mode(False, args.port, files)
    hosted = run_mode(True, args.port + 1, files)
    width = max(len(k) for k in local)
    print(f"\n| {'check'.ljust(width)} | local mode | hosted mode |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for k in local:
        print(f"| {k.ljust(width)} | {local[k]} | {hosted[k]} |")
    print(f"\nload after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
