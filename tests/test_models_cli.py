import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_core(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})})


def test_models_lists_bundled_models_as_offline():
    r = run_core("models", "--json")
    assert r.returncode == 0, r.stderr
    models = {m["role"]: m for m in json.loads(r.stdout)}
    assert models["chat"]["name"] == "SmolLM2-135M-Instruct"
    assert models["embeddings"]["name"] == "all-MiniLM-L6-v2"
    for m in models.values():
        assert m["source"] == "bundled" and m["offline"] is True
        assert Path(m["detail"]).exists()


def test_models_reports_uncached_hub_id_as_not_offline():
    r = run_core("models", "--json", env={"GENAI_LLM_MODEL": "someone/not-cached-model"})
    chat = [m for m in json.loads(r.stdout) if m["role"] == "chat"][0]
    assert chat == {**chat, "source": "hub", "offline": False, "name": "someone/not-cached-model"}


def test_models_reports_an_endpoint():
    r = run_core("models", "--json", env={"GENAI_LLM_BASE_URL": "http://127.0.0.1:9/v1",
                                          "GENAI_LLM_MODEL": "llama3"})
    chat = [m for m in json.loads(r.stdout) if m["role"] == "chat"][0]
    assert chat["source"] == "endpoint" and chat["detail"] == "http://127.0.0.1:9/v1"


def test_hub_embedding_model_offline_fails_fast_naming_the_setting():
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", "from core.models.embeddings import get_embedder; get_embedder()"],
                       cwd=REPO, capture_output=True, text=True, timeout=60,
                       env={**os.environ, "HF_HUB_OFFLINE": "1",
                            "GENAI_EMBEDDING_MODEL": "sentence-transformers/not-cached"})
    assert r.returncode != 0
    assert "GENAI_EMBEDDING_MODEL" in r.stderr
    assert time.monotonic() - start < 30  # import time included; the check itself is instant


def test_unknown_setting_is_a_clear_cli_error():
    r = run_core("models", env={"GENAI_LLM_MODLE": "x"})
    assert r.returncode == 2 and "GENAI_LLM_MODLE" in r.stderr
