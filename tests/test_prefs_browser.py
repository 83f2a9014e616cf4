"""Two labelers label in Chromium (keyboard and clicks); the host sees their counts."""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from prefs_helpers import running_labeling_app

SHOTS = os.environ.get("PREFS_SCREENSHOTS")  # folder to save screenshots in, when set


def _shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def app_url(tmp_path, monkeypatch):
    with running_labeling_app(tmp_path, monkeypatch, 8) as url:
        yield url


def _join(page, url, name):
    page.goto(url)
    page.locator("#join-name").get_by_role("textbox").fill(name)
    page.locator("#join-code").locator("input, textarea").first.fill("studio")
    page.locator("#btn-join").click()
    page.get_by_text(f"{name} · 0 / 20 labelled").wait_for(timeout=30000)


def _wait_done(page, name, n):
    page.get_by_text(f"{name} · {n} / 20 labelled").wait_for(timeout=30000)


@pytest.mark.browser
def test_two_labelers_and_the_host(browser, app_url):
    ctx_a, ctx_b, ctx_h = (browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3))
    try:
        ann, bob, host = ctx_a.new_page(), ctx_b.new_page(), ctx_h.new_page()
        _join(ann, app_url, "ann")
        _join(bob, app_url, "bob")
        assert ann.get_by_text("Keys:").is_visible()
        _shot(ann, "labeler")
        first_prompt = ann.locator("#prefs-prompt").inner_text()

        ann.keyboard.press("1")  # left better, by keyboard
        _wait_done(ann, "ann", 1)
        ann.get_by_label("much").check()
        ann.locator("#btn-right").click()
        _wait_done(ann, "ann", 2)
        ann.keyboard.press("u")  # undo the last label
        _wait_done(ann, "ann", 1)
        ann.keyboard.press("3")  # tie
        _wait_done(ann, "ann", 2)

        bob.keyboard.press("2")
        _wait_done(bob, "bob", 1)
        bob.locator("#prefs-rationale").get_by_role("textbox").fill("left one is wrong")
        bob.locator("#btn-bad").click()
        _wait_done(bob, "bob", 2)
        bob.keyboard.press("s")  # skip: progress stays
        bob.get_by_text("Skipped.").wait_for(timeout=30000)
        assert bob.locator("#prefs-prompt").inner_text() != ""
        assert first_prompt  # ann saw a real prompt

        host.goto(app_url)
        host.get_by_role("tab", name="Host").click()
        host.locator("#host-token").locator("input, textarea").first.fill("host-secret")
        host.locator("#btn-host-open").click()
        summary = host.locator("#host-summary")
        summary.get_by_text(re.compile(r"4\s*labels")).wait_for(timeout=30000)
        table = host.locator("#host-per-labeler")
        expect(table).to_contain_text("ann", timeout=30000)
        expect(table).to_contain_text("bob")
        host.wait_for_timeout(1500)  # let the plots draw before the screenshot
        _shot(host, "host")
    finally:
        for c in (ctx_a, ctx_b, ctx_h):
            c.close()
