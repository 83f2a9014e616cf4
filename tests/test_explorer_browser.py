"""The explorer in Debian's Chromium: type a sentence, open a head from the model view,
and check the head's heatmap is drawn. Streamlit runs as a real server subprocess."""
from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from net_helpers import free_port

from apps.registry import APPS

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def server(data_dir):
    port = free_port(8400, 8500)
    env = dict(os.environ)
    env.setdefault("GENAI_THREADS", "1")  # the shared CI box is oversubscribed; 1 thread avoids OpenMP spinning
    proc = subprocess.Popen(APPS.get("explorer").command("127.0.0.1", port),  # as `python -m apps` starts it
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(url + "_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"streamlit did not start: {proc.stdout.read().decode()[-2000:]}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _click_once_settled(page, target, tries: int = 40):
    """Click `target` once plotly has stopped laying the figure out.

    Streamlit re-renders the figure while its column settles, so a point found a moment ago can sit outside the
    viewport by the time Playwright clicks it. Wait until the point's box is the same twice in a row and inside the
    viewport, then click its centre with the mouse (plotly finds the point from the coordinates)."""
    previous = None
    for _ in range(tries):
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        inside = box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]
        if inside and box == previous:
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            return
        previous = box
        time.sleep(0.25)
    raise AssertionError(f"the plot point never settled inside the viewport (last box {previous})")


def test_type_sentence_open_head_from_model_view(server, page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    box = page.get_by_label("Your sentence (press Enter)")
    box.wait_for(timeout=120_000)
    box.fill("The cat sat on the mat because it was tired.")
    box.press("Enter")
    page.locator("section[data-testid='stSidebar']").get_by_text("Attention", exact=True).click()
    title = page.locator(".js-plotly-plot .gtitle")
    title.first.wait_for(timeout=120_000)
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                           ".some(t => t.textContent.startsWith('Layer 0 · head 0'))", timeout=60_000)
    # the y tick labels are the tokens of the sentence we typed (WordPiece, lower-cased)
    ticks = page.locator(".js-plotly-plot .ytick text").all_text_contents()
    assert "cat" in ticks and "tired" in ticks, ticks

    page.get_by_text("Model view", exact=True).click()
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                           ".some(t => t.textContent.startsWith('Model view'))", timeout=60_000)
    points = page.locator(".js-plotly-plot .scatterlayer .point")
    assert points.count() == 6 * 12  # every layer x head of MiniLM
    index = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
        .map(g => g.data.find(t => t.type === 'scatter')).find(Boolean)
        .customdata.findIndex(([layer, head]) => layer === 2 && head === 4)""")
    _click_once_settled(page, points.nth(index))  # the thumbnail of layer 2, head 4
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                           ".some(t => t.textContent.startsWith('Layer 2 · head 4'))", timeout=60_000)
    # the heatmap is drawn: plotly paints it into an <image> inside the heatmap layer, with a colour bar
    fig = page.locator(".js-plotly-plot").first
    assert fig.locator(".heatmaplayer image").count() == 1
    assert fig.locator(".colorbar").count() == 1
    box_size = fig.bounding_box()
    assert box_size["width"] > 400 and box_size["height"] > 300
    assert not errors, errors


def test_cross_attention_alignment_view_in_chromium(server, page):
    """The date model's alignment, drawn by plotly in a real browser; step-by-step decoding; no Deploy button."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    page.get_by_label("Your sentence (press Enter)").wait_for(timeout=120_000)
    assert page.get_by_role("button", name="Deploy").count() == 0  # not even on the first page a visitor sees
    page.locator("section[data-testid='stSidebar']").get_by_text("Cross-attention", exact=True).click()
    box = page.get_by_label("Your input (press Enter)", exact=False)
    box.wait_for(timeout=60_000)
    box.fill("December 25th, 1950")
    box.press("Enter")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].some(g => "
                           "g.layout && g.layout.title.text.startsWith('Cross-attention alignment') && "
                           "g.layout.yaxis.ticktext.join('') === '1950-12-25‹/s›')", timeout=120_000)
    fig = page.locator(".js-plotly-plot").first
    assert fig.locator(".heatmaplayer image").count() == 1  # the matrix is painted
    # the rows in the browser are the model's cross-attention: each sums to 1 over the input characters
    # calcdata: the matrix plotly.js actually drew (data[0].z may still be the base64 typed array)
    sums = page.evaluate("() => Array.from(document.querySelector('.js-plotly-plot').calcdata[0][0].z,"
                         " r => Array.from(r).reduce((a, b) => a + b, 0))")
    assert len(sums) == 11 and all(abs(s - 1) < 1e-4 for s in sums), sums
    x_ticks = fig.locator(".xtick text").all_text_contents()
    assert "D" in x_ticks and "5" in x_ticks
    box_size = fig.bounding_box()
    assert box_size["width"] > 400 and box_size["height"] > 300

    page.get_by_text("Step by step", exact=True).click()
    page.get_by_role("button", name="Next ▶").click()
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                           ".some(t => t.textContent.startsWith('Step 2 of 11'))", timeout=60_000)
    assert page.locator(".hl.new").first.text_content() == "9"  # 1950: the second output character
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert not errors, errors
