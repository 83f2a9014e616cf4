"""Shared test setup: every test gets its own empty data folder and fresh settings.

Model caches (the converted GGUF) stay in the user's cache folder so that the ~20 s
dequantisation happens once per machine, not once per test.
"""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never reach for the network

# Two pytest-xdist workers share the machine's cores (pytest.ini: -n 2): one math thread each (and in
# the apps they start), or the two workers' OpenMP threads oversubscribe the cores and every test slows down.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("GENAI_THREADS", "1")


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
def pg_cluster():
    """One throwaway PostgreSQL server for the whole session; fails (not skips) without PostgreSQL."""
    from pg_helpers import INSTALL_HINT, OPT_OUT, PgCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        if os.environ.get(OPT_OUT) == "1":
            pytest.skip(f"{OPT_OUT}=1 and PostgreSQL is not installed")
        pytest.fail(INSTALL_HINT, pytrace=False)
    cluster = PgCluster(bindir).start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def prefs_db(request, monkeypatch):
    """Runs a preference-store test on both backends: SQLite in the test's data folder, and a
    fresh schema on the session's PostgreSQL server (GENAI_PREFS_DATABASE_URL). Yields the backend name."""
    from core.config import reset_settings
    from core.preferences.db import dispose_all

    cluster = name = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.create_schema()
        monkeypatch.setenv("GENAI_PREFS_DATABASE_URL", cluster.url(name))
        reset_settings()
    yield request.param
    dispose_all()  # no pooled connection outlives its schema
    if cluster is not None:
        cluster.drop_schema(name)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`, shipped in the chromadb wheel) on loopback, for the
    GENAI_CHROMA_HOST scale-out path. Yields (host, port)."""
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from net_helpers import free_port

    chroma = Path(sys.executable).parent / "chroma"
    port = free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma-server")),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                break
        except OSError:
            assert proc.poll() is None, "chroma run exited at start"
            assert time.monotonic() < deadline, "the Chroma server did not come up in 60 s"
            time.sleep(0.2)
    yield "127.0.0.1", port
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(params=["embedded", "server"])
def vector_backend(request, monkeypatch):
    """Runs a retrieval test twice: embedded Chroma in the data folder, and a Chroma server."""
    if request.param == "server":
        from core.config import reset_settings

        host, port = request.getfixturevalue("chroma_server")
        monkeypatch.setenv("GENAI_CHROMA_HOST", host)
        monkeypatch.setenv("GENAI_CHROMA_PORT", str(port))
        reset_settings()
        from core.retrieval.store import get_client

        assert "fastapi" in get_client().get_settings().chroma_api_impl.lower()  # over HTTP, to the server
    yield request.param
    if request.param == "server":  # the server outlives the test: leave it empty for the next one
        from core.retrieval.store import get_client

        client = get_client()
        for c in client.list_collections():
            client.delete_collection(c.name if hasattr(c, "name") else str(c))


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


@pytest.fixture(scope="module")
def shipped_ddim_pipe():
    """The shipped text-to-image pipeline with DDIM, as the benchmarks judge it."""
    from core.diffusion.pipeline import load_pipeline, make_scheduler

    loaded = load_pipeline("bundled")
    loaded.pipe.scheduler = make_scheduler("ddim", loaded.base_scheduler_config)
    return loaded.pipe
