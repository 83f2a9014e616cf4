"""Every Gradio function of every app is a public API: called by an anonymous client with junk (None, empty
strings, a 300,000-character string, huge negative numbers, a file reference to /etc/passwd, nested lists, too
few arguments), each answers (an error is fine), none leaks a traceback, a server path or a file it was pointed
at, and the app still serves a real request afterwards. Real apps in hosted mode, raw HTTP (tests/gradio_raw.py)."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import httpx
import pytest
from gradio_raw import call
from net_helpers import free_port

from core.caches import reset_all
from core.config import reset_settings

ROOT = Path(__file__).resolve().parents[1]
BIG = "A" * 300_000
JUNK = {
    "none": lambda n: [None] * n,
    "empty": lambda n: [""] * n,
    "huge text": lambda n: [BIG] * n,
    "huge negative": lambda n: [-1e308] * n,
    "file outside": lambda n: [{"path": "/etc/passwd", "url": "file:///etc/passwd",
                                "meta": {"_type": "gradio.FileData"}}] * n,
    "nested": lambda n: [[[["x"]]]] * n,
    "too few": lambda n: [],
}


@pytest.mark.parametrize("app_name", ["chatbot", "labeling", "text2image"])
def test_every_function_survives_junk_from_an_anonymous_client(app_name, data_dir, monkeypatch):
    for k, v in {"GENAI_HOSTED": "true", "GENAI_HOST_TOKEN": "junk-test-host-token",
                 "GENAI_PREFS_ADMIN_TOKEN": "junk-test-host-token"}.items():
        monkeypatch.setenv(k, v)
    reset_settings()
    reset_all()
    module = importlib.import_module(f"apps.{app_name}.app")
    demo = module.build_app().queue()
    options = module.launch_options() if hasattr(module, "launch_options") else {}
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True,
                            **options)
    try:
        secrets = (str(ROOT), str(data_dir), "Traceback", 'File "', "root:x:0:0")
        called = 0
        for index, fn in demo.fns.items():
            for kind, make in JUNK.items():
                reply = call(url, index, make(len(fn.inputs)), timeout=120)
                assert reply["error"] != "no reply", (fn.name, kind)
                text = json.dumps(reply)
                leaked = [s for s in secrets if s in text]
                assert not leaked, (fn.name, kind, leaked, text[:300])
                called += 1
        assert called >= 7 * 10  # every app has at least ten functions
        # still serving: the page's config and a real error message for a real (empty) request
        assert httpx.get(f"{url.rstrip('/')}/config", timeout=30).status_code == 200
    finally:
        demo.close()
        reset_all()
