"""Explorer responsiveness on a 64-token input, after the models are warm.

Each interaction is a full Streamlit rerun through AppTest (widget change -> script ->
core computation -> plotly figures serialised for the browser); the browser's own
drawing is not included. Peers, measured in the same run on the same text:
  * plain transformers forward with output_attentions (the least any attention tool pays),
  * BertViz-style: that forward plus the full attention tensor serialised to JSON, which is
    what bertviz.head_view/model_view embed in the page (and what breaks on long inputs).

With --browser it also times, in Debian's Chromium against a real `streamlit run` server,
the round trip a presenter sees: click -> websocket -> rerun -> plotly drawn in the page.

Usage: python benchmarks/explorer.py [--reps 5] [--tokens 64] [--browser]
Set GENAI_THREADS=1 on an oversubscribed CPU (see docs/explorer.md).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASE = ("The committee met on a rainy Tuesday to review the proposal for a new public library. "
        "Several members argued that the old building could be renovated for far less money, while "
        "others insisted that the growing town needed more space for children, students and older "
        "readers who relied on the computers and the quiet study rooms every single day of the week.")
SUBJECTS = ["committee", "council", "board", "panel", "group", "team", "jury", "assembly", "club",
            "cabinet", "commission", "delegation", "faculty", "senate", "union", "crew", "staff", "society"]


def texts(n_tokens: int, count: int) -> list[str]:
    """`count` different texts of exactly n_tokens decoder tokens (only the subject word changes)."""
    from core.explain.models import load_model

    tok = load_model("decoder").tokenizer
    out = []
    for word in SUBJECTS:
        ids = tok(BASE.replace("committee", word), add_special_tokens=False)["input_ids"][:n_tokens]
        text = tok.decode(ids)
        if len(tok(text, add_special_tokens=False)["input_ids"]) == n_tokens:
            out.append(text)
        if len(out) == count:
            return out
    raise RuntimeError("could not build enough texts")


def timed(fn, reps: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of this process) per call. On a shared, oversubscribed CPU the
    wall time includes waiting for a core; the CPU time is close to the wall time on an idle core."""
    times = []
    for i in range(reps):
        t, c = time.perf_counter(), time.process_time()
        fn(i)
        times.append((time.perf_counter() - t, time.process_time() - c))
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--browser", action="store_true", help="also time clicks in Chromium against a real server")
    args = ap.parse_args()
    import torch
    from streamlit.testing.v1 import AppTest

    from core.explain.models import load_model

    reps = args.reps
    pool = texts(args.tokens, 3 * reps + 3)
    fresh = iter(pool[1:])  # every "new sentence" interaction gets text no cache has seen
    rows = []

    # ---- peers
    dec = load_model("decoder")
    enc_ids = dec.tokenizer(pool[0], return_tensors="pt")

    def plain_forward(_):
        with torch.inference_mode():
            dec.model(**enc_ids, output_attentions=True)

    def bertviz_style(_):
        with torch.inference_mode():
            out = dec.model(**enc_ids, output_attentions=True)
        payload = json.dumps([a[0].tolist() for a in out.attentions])
        bertviz_style.bytes = len(payload)

    plain_forward(0)
    rows.append(("peer: transformers forward, output_attentions (decoder)", timed(plain_forward, reps), None))
    rows.append(("peer: BertViz-style forward + full tensor to JSON (decoder)", timed(bertviz_style, reps),
                 bertviz_style.bytes))

    # ---- the app
    at = AppTest.from_file(str(ROOT / "apps" / "explorer" / "app.py"), default_timeout=600)
    at.session_state["text"] = pool[0]
    at.run()  # loads both models, warms caches

    def payload() -> int:
        return sum(len(el.proto.spec) for el in at.get("plotly_chart"))

    def check():
        assert not at.exception and not at.error, ([e.value for e in at.exception], [e.value for e in at.error])

    def step(name, action, reps=reps, setup=None):
        if setup:
            setup()
        times = []
        for i in range(reps):
            times += timed(lambda _: action(i), 1)
            check()
        rows.append((name, times, payload()))

    def section(name):
        at.sidebar.radio(key="section").set_value(name).run()
        check()

    section("Attention")
    step("attention: type a new sentence (encoder forward + head view)",
         lambda i: at.text_input(key="text").set_value(next(fresh)).run())
    step("attention: change head (encoder)", lambda i: at.selectbox(key="head").set_value((i + 1) % 12).run())
    at.radio(key="attn_model").set_value("decoder").run()
    step("attention: type a new sentence (decoder forward + head view)",
         lambda i: at.text_input(key="text").set_value(next(fresh)).run())
    step("attention: change layer (decoder)", lambda i: at.selectbox(key="layer").set_value((i * 7 + 3) % 30).run())
    step("attention: lines view on/off (decoder)",
         lambda i: at.radio(key="head_style").set_value(["Lines", "Heatmap"][i % 2]).run())
    step("attention: model view, 30 layers x 9 heads (decoder)",
         lambda i: at.radio(key="attn_view").set_value(["Model view", "Head view"][i % 2]).run())
    at.radio(key="attn_view").set_value("Head view").run()
    step("attention: head summary (decoder)",
         lambda i: at.radio(key="attn_view").set_value(["Head summary", "Mask"][i % 2]).run())
    section("Next token")
    step("next token: change temperature", lambda i: at.slider(key="temperature").set_value(0.5 + 0.1 * i).run())
    step("next token: change top-p", lambda i: at.slider(key="top_p").set_value(0.5 + 0.1 * i).run())
    step("next token: sample next token (new forward)", lambda i: at.button(key="sample_btn").click().run())
    section("Logit lens")
    step("logit lens: new sentence (12 positions, 31 layers)",
         lambda i: at.text_input(key="text").set_value(next(fresh)).run())
    step("logit lens: show every 2nd layer", lambda i: at.select_slider(key="lens_every").set_value([2, 1][i % 2]).run())
    section("Positional encodings")
    step("positional: change d_model", lambda i: at.select_slider(key="pe_dim").set_value([64, 256][i % 2]).run())
    section("Embeddings")
    step("embeddings: edit the sentences (6 sentences)",
         lambda i: at.text_area(key="sentences").set_value(f"Sentence number {i} about cats.\n" + "\n".join(pool[:5])).run())
    section("Bias probe")
    step("bias probe: edit one probe (10 probes re-run in one batch)",
         lambda i: at.text_area(key="probes").set_value(
             f"The teacher number {i} said that | he | she\n" + "\n".join(
                 l for l in at.text_area(key="probes").value.splitlines()[1:] if l.strip())).run())

    # peers again, so a change in machine load during the run shows up in both columns
    rows.append(("peer (again, after the app): transformers forward, output_attentions", timed(plain_forward, reps), None))
    rows.append(("peer (again, after the app): BertViz-style forward + JSON", timed(bertviz_style, reps),
                 bertviz_style.bytes))

    load = os.getloadavg()
    print(f"\nExplorer benchmark: {args.tokens}-token input, {reps} reps each, torch threads={torch.get_num_threads()}, "
          f"load average {load[0]:.1f} on {os.cpu_count()} CPUs\n")
    def wall(r):
        return statistics.median(t[0] for t in r[1])

    def cpu(r):
        return statistics.median(t[1] for t in r[1])

    print(f"| {'interaction':<70} | wall median s | wall max s | CPU median s | figure JSON |")
    print(f"|{'-' * 72}|--------------:|-----------:|-------------:|------------:|")
    for r in rows:
        kb = f"{r[2] / 1024:,.0f} KB" if r[2] is not None else "-"
        print(f"| {r[0]:<70} | {wall(r):13.3f} | {max(t[0] for t in r[1]):10.3f} | {cpu(r):12.3f} | {kb:>11} |")
    app = [r for r in rows if not r[0].startswith("peer")]
    peers = [r for r in rows if "BertViz" in r[0]]
    for label, f in (("wall", wall), ("CPU", cpu)):
        worst = max(app, key=f)
        print(f"{label}: slowest app interaction (median) = {worst[0]}: {f(worst):.3f} s; "
              f"BertViz-style peer = {min(f(r) for r in peers):.3f} s; "
              f"app interactions under 1 s: {sum(f(r) < 1 for r in app)}/{len(app)}")

    if args.browser:
        browser_rounds(pool[0], reps)


def browser_rounds(text: str, reps: int, port: int = 8499) -> None:
    """Median click-to-drawn times in Chromium (includes the browser's plotly rendering)."""
    import shutil
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "apps" / "explorer" / "app.py"),
                             "--server.port", str(port), "--server.headless", "true", "--server.address",
                             "127.0.0.1", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        title_js = ("t => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                    ".some(e => e.textContent.startsWith(t))")
        idle_js = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        results = {}
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = b.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(url)
            box = page.get_by_label("Your sentence (press Enter)")
            box.wait_for(timeout=300_000)
            box.fill(text)
            box.press("Enter")
            page.locator("section[data-testid='stSidebar']").get_by_text("Attention", exact=True).click()
            page.get_by_text("Decoder · SmolLM2-135M (causal)").click()
            page.wait_for_function(title_js, arg="Layer 0 · head 0 (grey", timeout=300_000)
            page.wait_for_function(idle_js, timeout=300_000)

            def timed_click(name, click, title):
                t = time.perf_counter()
                click()
                page.wait_for_function(title_js, arg=title, timeout=120_000, polling=20)
                results.setdefault(name, []).append(time.perf_counter() - t)  # the figure is on screen
                page.wait_for_function(idle_js, timeout=120_000)  # let the rerun finish before the next click

            for i in range(reps):
                layer, head = (7 * i + 3) % 30, (2 * i + 1) % 9
                timed_click("browser: open the model view (30 x 9 thumbnails drawn)",
                            lambda: page.get_by_text("Model view", exact=True).click(), "Model view")
                index = page.evaluate(
                    "([l, h]) => [...document.querySelectorAll('.js-plotly-plot')].map(g => g.data.find("
                    "t => t.type === 'scatter')).find(Boolean).customdata.findIndex(([a, b]) => a === l && b === h)",
                    [layer, head])
                timed_click("browser: click a thumbnail -> that head's heatmap drawn",
                            lambda: page.locator(".js-plotly-plot .scatterlayer .point").nth(index).click(force=True),
                            f"Layer {layer} · head {head}")
            b.close()
        print("\n| browser round trip (Chromium, real server) | median s | max s |")
        print("|---|--:|--:|")
        for name, times in results.items():
            print(f"| {name} | {statistics.median(times):.3f} | {max(times):.3f} |")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
