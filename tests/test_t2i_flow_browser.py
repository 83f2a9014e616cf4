"""Playwright in Debian's Chromium: prompt -> vocabulary warning -> generate -> download -> restore (issue #19)."""
from __future__ import annotations

import os

import pytest
from net_helpers import free_port

from core.diffusion.metadata import read_record

pytestmark = pytest.mark.browser

PROMPT = "two red circles above a blue square"


def test_warning_generate_download_and_restore_by_drop(page, data_dir, tmp_path):
    from apps.text2image.app import build_app

    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True)
    try:
        page.goto(url)
        page.locator("#prompt textarea").fill(PROMPT)
        # Flagged before generating: a count/plural the model was never trained on.
        warning = page.locator("#prompt-check")
        warning.get_by_text("Outside what this model was trained on").wait_for(timeout=30_000)
        assert "count" in warning.inner_text()
        # Clicking a vocabulary word inserts it into the prompt.
        page.get_by_text("What this model knows").click()
        page.locator("#vocabulary button", has_text="triangle").first.click()
        page.wait_for_function("document.querySelector('#prompt textarea').value.endsWith('triangle')")
        page.locator("#prompt textarea").fill(PROMPT)
        page.locator("#seed textarea, #seed input").first.fill("4242")
        page.locator("#generate").click()
        page.get_by_text("seed 4242").first.wait_for(timeout=180_000)
        # The main image's own download button gives a PNG with the parameters.
        with page.expect_download(timeout=30_000) as info:
            page.locator("#image a[download]").first.click()
        saved = tmp_path / "downloaded.png"
        info.value.save_as(saved)
        assert read_record(saved)["params"]["prompt"] == PROMPT
        # Change the controls, then drop the download back: they are restored.
        page.locator("#prompt textarea").fill("something else")
        page.locator("#seed textarea, #seed input").first.fill("1")
        page.locator("#restore-drop input[type=file]").set_input_files(str(saved))
        page.get_by_text("Restored the parameters").wait_for(timeout=30_000)
        page.wait_for_function(f"document.querySelector('#prompt textarea').value === {PROMPT!r}")
        assert page.locator("#seed textarea, #seed input").first.input_value() == "4242"
        shot = os.environ.get("T2I_SCREENSHOT")
        if shot:
            page.screenshot(path=shot, full_page=True)
    finally:
        demo.close()
