"""Each extension point takes a toy part through its public registry, as docs/architecture.md
describes: a new safety scanner, app, vector store, chat backend and embedding runtime, each
registered with one line and then used by the unchanged core code."""
from __future__ import annotations

import json
import sys
import textwrap
import threading
import time
import urllib.request
from http.server import ThreadingHTTPServer

import numpy as np
import pytest

from core.config import ConfigError, get_settings, load_settings, reset_settings
from core.safety.verdict import ScanScore


# --- a safety scanner -------------------------------------------------------------------------
class ShoutingScanner:
    """Flags text written mostly in capitals (a toy policy)."""

    def __init__(self, policy):
        self.policy = policy

    def scan(self, text: str) -> ScanScore:
        letters = [c for c in text if c.isalpha()]
        share = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
        return ScanScore(share, [f"{share:.0%} of the letters are capitals"] if share >= 0.5 else [])


@pytest.fixture
def shouting():
    from core.safety.registry import SCANNERS

    SCANNERS.register("shouting", ShoutingScanner, threshold=0.6, action="block")
    yield
    SCANNERS.unregister("shouting")


def test_a_registered_scanner_runs_at_the_stages_the_settings_name(shouting, monkeypatch):
    from core.safety import scan

    monkeypatch.setenv("GENAI_SAFETY_INPUT_SCANNERS", "shouting,pii")
    reset_settings()
    loud = scan("WHY DOES NOBODY ANSWER MY EMAILS", "input")
    assert not loud.allowed and loud.scanners["shouting"].flagged
    assert any("capitals" in r for r in loud.reasons)
    calm = scan("Why does nobody answer my emails? Write to me at a@b.co", "input")
    assert calm.allowed and not calm.scanners["shouting"].flagged
    assert "[EMAIL]" in calm.redacted  # the built-in PII scanner still runs beside it
    assert "shouting" not in scan("WHY", "output").scanners  # only where the settings put it


def test_settings_accept_registered_scanners_and_reject_others(shouting):
    assert load_settings({"GENAI_SAFETY_OUTPUT_SCANNERS": "shouting"}).safety.output_scanners == "shouting"
    with pytest.raises(ConfigError, match="whispering"):
        load_settings({"GENAI_SAFETY_OUTPUT_SCANNERS": "whispering"})


# --- a vector store ---------------------------------------------------------------------------
class MemoryStore:
    """Chunks in a dict, cosine by numpy: the smallest store that follows the protocol."""

    collections: dict[str, dict] = {}

    def __init__(self, name, settings, data_dir):
        self.name = name
        self.rows = MemoryStore.collections.setdefault(name, {})

    def add(self, ids, vectors, texts, metadatas):
        for i, v, t, m in zip(ids, np.asarray(vectors, dtype=np.float32), texts, metadatas):
            self.rows[i] = (v, t, dict(m))

    def delete_source(self, source):
        for i in [i for i, (_, _, m) in self.rows.items() if m["source"] == source]:
            del self.rows[i]

    def delete(self, ids):
        for i in ids:
            self.rows.pop(i, None)

    def count(self):
        return len(self.rows)

    def get(self, ids):
        return {i: {"text": self.rows[i][1], **self.rows[i][2]} for i in ids if i in self.rows}

    def query(self, vector, k, sources=None):
        rows = [(i, float(np.dot(v, vector)), t, m) for i, (v, t, m) in self.rows.items()
                if not sources or m["source"] in sources]
        return sorted(rows, key=lambda r: -r[1])[:k]

    def chunks_at(self, source, indices):
        return [{"id": i, "text": t, **m} for i, (_, t, m) in self.rows.items()
                if m["source"] == source and m["index"] in set(indices)]


def test_a_registered_vector_store_backs_collections(monkeypatch, tmp_path):
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import search
    from core.retrieval.stores import VECTOR_STORES

    VECTOR_STORES.register("memory", MemoryStore)
    try:
        monkeypatch.setenv("GENAI_VECTOR_STORE", "memory")
        reset_settings()
        doc = tmp_path / "ferries.md"
        doc.write_text("\n\n".join(f"Paragraph {i}. " + ("The ferry to Skerrit Island leaves at 7:15 from pier four. "
                                                          if i == 3 else "Gulls circle over the harbour wall. ") * 12
                                   for i in range(8)))
        col = open_collection("toy-store")
        report = col.ingest([doc], chunk_size=300, chunk_overlap=0)
        assert report.ok and report.chunks_added > 3
        assert MemoryStore.collections["toy-store"] and col.count() == report.chunks_added
        for mode in ("vector", "hybrid"):
            top = search(col, "When does the ferry leave for Skerrit?", k=1, mode=mode)[0]
            assert "Skerrit" in top.text and top.source == "ferries.md"
        around = col.neighbours(top.id, around=1)
        assert [r["index"] for r in around] == list(range(max(top.index - 1, 0), top.index + 2))
        col.delete("ferries.md")
        assert col.count() == 0
    finally:
        VECTOR_STORES.unregister("memory")
        MemoryStore.collections.clear()


# --- a chat backend ---------------------------------------------------------------------------
class EchoModel:
    name, source = "echo", "local"

    def __init__(self, settings):
        self.prefix = settings.llm_model

    def stream(self, messages, params=None, cancel=None):
        yield from f"{self.prefix}: {messages[-1]['content']}".split(" ")

    def generate(self, messages, params=None, cancel=None):
        from core.models.types import ChatResult

        return ChatResult(" ".join(self.stream(messages)), self.name, 3, 0.0)


def test_a_registered_chat_backend_answers_through_the_cli(monkeypatch, capsys):
    from core.__main__ import main
    from core.models.backends import CHAT_BACKENDS
    from core.models.chat import reset_chat_model

    CHAT_BACKENDS.register("echo", EchoModel)
    try:
        monkeypatch.setenv("GENAI_LLM_BACKEND", "echo")
        monkeypatch.setenv("GENAI_LLM_MODEL", "parrot")
        reset_settings()
        reset_chat_model()
        assert main(["chat", "--json", "hello there"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["text"] == "parrot: hello there" and out["model"] == "echo"
    finally:
        CHAT_BACKENDS.unregister("echo")
        reset_chat_model()


# --- an embedding runtime ---------------------------------------------------------------------
def test_a_registered_embedding_runtime_is_built_for_its_setting():
    from core.models.embedding_runtimes import EMBEDDING_RUNTIMES
    from core.models.fast_embeddings import build_fast_embedder

    class Halved:  # wraps the base model: what a quantised or remote runtime would do
        def __init__(self, base):
            self.base = base

        def embed(self, texts):
            return self.base.embed(texts)

    EMBEDDING_RUNTIMES.register("wrapped", Halved)
    try:
        assert load_settings({"GENAI_EMBEDDING_RUNTIME": "wrapped"}).models.embedding_runtime == "wrapped"
        emb = build_fast_embedder(runtime="wrapped")
        assert isinstance(emb, Halved)
        assert emb.embed(["a ferry"]).shape == (1, 384)
    finally:
        EMBEDDING_RUNTIMES.unregister("wrapped")


# --- an app -----------------------------------------------------------------------------------
TOY_APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks(title="Toy") as demo:
        gr.Markdown("Hello from the toy app")

    if __name__ == "__main__":
        demo.launch()
''')


def test_a_registered_app_is_started_at_its_offset_and_listed(tmp_path, data_dir):
    from net_helpers import free_port_block

    from apps import supervisor
    from apps.__main__ import make_handler
    from apps.registry import APPS, AppSpec, available_apps

    script = tmp_path / "toy_app.py"
    script.write_text(TOY_APP)
    with pytest.raises(ValueError, match="port offset 2"):  # the chatbot's
        APPS.register_app(AppSpec("toy", "Toy", "gradio", "d", "none", port_offset=2, script=script))
    APPS.register_app(AppSpec("toy", "Toy app", "gradio", "A toy.", "no model", port_offset=9, script=script))
    try:
        assert "toy" in [a.name for a in available_apps()]
        base = free_port_block(10)
        spec = APPS.get("toy")
        running = supervisor.start(spec, "127.0.0.1", base + spec.port_offset, data_dir)
        try:
            deadline = time.monotonic() + 90
            while running.state("127.0.0.1") != "up":
                assert running.state("127.0.0.1") != "failed", running.log_path.read_text()
                assert time.monotonic() < deadline, "the toy app did not come up"
                time.sleep(0.5)
            with urllib.request.urlopen(f"http://127.0.0.1:{base + 9}/", timeout=10) as r:
                assert r.status == 200
            index = ThreadingHTTPServer(("127.0.0.1", base), make_handler("127.0.0.1", [running], []))
            threading.Thread(target=index.serve_forever, daemon=True).start()
            try:  # the launcher's index page lists it, with its port and live state
                with urllib.request.urlopen(f"http://127.0.0.1:{base}/", timeout=10) as r:
                    html = r.read().decode()
                with urllib.request.urlopen(f"http://127.0.0.1:{base}/status.json", timeout=10) as r:
                    assert json.load(r) == {"toy": "up"}
            finally:
                index.shutdown()
                index.server_close()
            assert "Toy app" in html and f'"port": {base + 9}' in html
        finally:
            supervisor.stop_all([running])
    finally:
        APPS.unregister("toy")
    assert sys.modules.get("toy_app") is None  # started as its own process, never imported here
    assert get_settings().data_dir == data_dir
