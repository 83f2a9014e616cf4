"""The chatbot's model picker: host-configured backends only; visitors can't name a URL."""
from __future__ import annotations

import json

import pytest

from core.config import ConfigError, get_settings, reset_settings
from core.models.model_picker import chat_model_for, configured_backends, find_backend


def _settings(monkeypatch, backends) -> object:
    monkeypatch.setenv("GENAI_CHAT_BACKENDS", backends if isinstance(backends, str) else json.dumps(backends))
    reset_settings()
    return get_settings()


def test_default_first_then_the_hosts_list(monkeypatch):
    s = _settings(monkeypatch, [{"label": "Qwen 7B (vLLM)", "model": "qwen", "base_url": "http://gpu:8000/v1",
                                 "api_key_env": "VLLM_KEY"},
                                {"label": "SmolLM2 1.7B", "model": "HuggingFaceTB/SmolLM2-1.7B-Instruct"}])
    backends = configured_backends(s)
    assert [b.label for b in backends] == ["SmolLM2-135M (bundled)", "Qwen 7B (vLLM)", "SmolLM2 1.7B"]
    assert backends[0].default and backends[1].kind == "OpenAI-compatible server"
    assert backends[2].kind == "Hugging Face model"
    assert chat_model_for(backends[0], s.models) is None  # the process-wide default model
    monkeypatch.setenv("VLLM_KEY", "secret")
    server = chat_model_for(backends[1], s.models)  # built without any network call
    assert server is chat_model_for(backends[1], s.models)  # once per process


def test_a_label_that_is_not_configured_is_refused(monkeypatch):
    backends = configured_backends(_settings(monkeypatch, []))
    with pytest.raises(ValueError, match="not one of the configured"):
        find_backend(backends, "http://evil.example/v1")
    assert find_backend(backends, None).default


@pytest.mark.parametrize("bad, message", [
    ("not json", "not valid JSON"),
    ({"label": "x"}, "JSON list"),
    ([{"label": "x"}], "'label' and 'model'"),
    ([{"label": "x", "model": "m", "base_url": "file:///etc/passwd"}], "http"),
    ([{"label": "x", "model": "m", "url": "http://a"}], "unknown keys"),
    ([{"label": "x", "model": "m"}, {"label": "x", "model": "n"}], "used twice"),
])
def test_bad_backend_lists_name_the_setting(monkeypatch, bad, message):
    with pytest.raises(ConfigError, match=message):
        configured_backends(_settings(monkeypatch, bad))


def test_the_chatbot_refuses_an_unconfigured_model(monkeypatch):
    import gradio as gr

    from apps.chatbot.app import ask

    _settings(monkeypatch, [])
    with pytest.raises(gr.Error):
        next(ask("Anything?", [], "sample", "hybrid", 4, "zero_shot", [], "extractive", "http://evil.example/v1"))
