"""Labelers across a kill -9 of the labeling app: how many browser sessions resume (issue #14).

    .venv/bin/python benchmarks/labeling_restart.py [--sessions 10] [--port 7990] [--repo PATH] [--hosted]

N Chromium sessions join and label 2 items each; the app is killed with SIGKILL and started
again on the same data folder; every page is reloaded. A session counts as resumed when it shows
the same labeler with the same count (2) without the join form, on the item it had open. Each
resumed session then labels 2 more items; an item served twice to one labeler is counted.
`--repo` runs another checkout's app (e.g. the code before the fix) for comparison, in the same
run conditions; local mode by default (join code 'studio' in both), `--hosted` for hosted mode
(the join code is the generated one; this checkout only).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _wait_port(port: int, proc, timeout=180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc.poll() is not None:
            sys.exit(f"the app exited with {proc.returncode}")
        time.sleep(0.5)
    sys.exit("the app did not start")


def _pairs(path: Path, n: int) -> None:
    path.write_text("\n".join(json.dumps({"id": f"q{i}", "prompt": f"Restart question {i}?", "model_a": "m1",
                                          "model_b": "m2", "response_a": f"A{i}", "response_b": f"B{i}"})
                              for i in range(n)) + "\n")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--port", type=int, default=7990)
    p.add_argument("--repo", default=str(HERE))
    p.add_argument("--hosted", action="store_true")
    a = p.parse_args()
    repo = Path(a.repo).resolve()
    data = Path(tempfile.mkdtemp(prefix="restart-bench-"))
    env = {**os.environ, "GENAI_DATA_DIR": str(data), "PYTHONPATH": str(repo), "GRADIO_SERVER_NAME": "127.0.0.1",
           "GRADIO_SERVER_PORT": str(a.port), "GRADIO_ANALYTICS_ENABLED": "False", "GENAI_HOST_TOKEN": "bench-host"}
    if a.hosted:
        env.update(GENAI_HOSTED="true", GENAI_PREFS_LABELERS_PER_CLIENT="0")
    else:
        env["GENAI_PREFS_JOIN_CODE"] = "studio"
    _pairs(data / "pairs.jsonl", 5 * a.sessions)
    subprocess.run([sys.executable, "-m", "core", "prefs", "import", str(data / "pairs.jsonl")], cwd=repo, env=env,
                   check=True, capture_output=True)
    if a.hosted:
        sys.path.insert(0, str(repo))
        from core.preferences.codes import generated_join_code

        code = generated_join_code(data)
    else:
        code = "studio"

    def start():
        proc = subprocess.Popen([sys.executable, "apps/labeling/app.py"], cwd=repo, env=env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_port(a.port, proc)
        return proc

    from playwright.sync_api import sync_playwright

    url = f"http://127.0.0.1:{a.port}/"
    proc = start()
    resumed = same_item = repeats = 0
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
            pages, seen, open_item = [], {}, {}
            for i in range(a.sessions):
                name = f"labeler{i}"
                page = b.new_context().new_page()
                page.goto(url)
                page.locator("#btn-join").wait_for(timeout=60000)
                page.wait_for_timeout(1000)  # the page's load event has run
                page.locator("#join-name").get_by_role("textbox").fill(name)
                page.locator("#join-code").locator("input, textarea").first.fill(code)
                page.locator("#btn-join").click()
                page.get_by_text(f"{name} · 0 / 20 labelled").wait_for(timeout=60000)
                seen[name] = []
                for n in (1, 2):
                    seen[name].append(page.locator("#prefs-prompt").inner_text())
                    page.locator("#btn-tie").click()
                    page.get_by_text(f"{name} · {n} / 20 labelled").wait_for(timeout=60000)
                open_item[name] = page.locator("#prefs-prompt").inner_text()
                pages.append((name, page))
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            proc = start()
            for name, page in pages:
                page.reload()
                try:
                    page.get_by_text(f"{name} · 2 / 20 labelled").wait_for(timeout=20000)
                except Exception:
                    continue
                if page.locator("#btn-join").is_visible():
                    continue
                resumed += 1
                same_item += page.locator("#prefs-prompt").inner_text() == open_item[name]
                for n in (3, 4):
                    seen[name].append(page.locator("#prefs-prompt").inner_text())
                    page.locator("#btn-tie").click()
                    page.get_by_text(f"{name} · {n} / 20 labelled").wait_for(timeout=60000)
                repeats += len(seen[name]) - len(set(seen[name]))
            b.close()
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        shutil.rmtree(data, ignore_errors=True)
    print("| checkout | mode | sessions | resumed after kill -9 | on the same open item | items served twice |")
    print("|---|---|---|---|---|---|")
    print(f"| {repo} | {'hosted' if a.hosted else 'local'} | {a.sessions} | {resumed} ({100 * resumed / a.sessions:.0f} %) "
          f"| {same_item} | {repeats} |")


if __name__ == "__main__":
    main()
