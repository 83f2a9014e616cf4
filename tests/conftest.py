"""Shared test setup: every test gets its own empty data folder and fresh settings.

Model caches (the converted GGUF) stay in the user's cache folder so that the ~20 s
dequantisation happens once per machine, not once per test.
"""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never reach for the network


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    from core.config import reset_settings

    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("GENAI_DATA_DIR", str(folder))
    reset_settings()
    yield folder
    reset_settings()


@pytest.fixture(scope="session")
def chromium_path():
    """Debian's chromium for Playwright; browser tests fail (not skip) without it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: apt-get install chromium (scripts/setup.sh --test does)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()
