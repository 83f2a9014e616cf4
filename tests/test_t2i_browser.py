"""Playwright in Debian's Chromium: type a prompt, generate, see the image in the gallery."""
from __future__ import annotations

import os

import pytest
from net_helpers import free_port

pytestmark = pytest.mark.browser


def test_generate_in_the_browser_and_see_it_in_the_gallery(page, data_dir):
    from apps.text2image.app import build_app

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        page.goto(url)
        page.locator("#prompt textarea").fill("a large yellow square in the top left on a black background")
        page.locator("#seed textarea, #seed input").first.fill("21")
        page.locator("#generate").click()
        page.locator("#gallery img").first.wait_for(timeout=120_000)
        page.get_by_text("seed 21").first.wait_for(timeout=30_000)
        assert page.locator("#gallery img").count() == 1
        shot = os.environ.get("T2I_SCREENSHOT")
        if shot:
            page.screenshot(path=shot, full_page=True)
    finally:
        demo.close()
