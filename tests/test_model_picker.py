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


def test_a_picker_server_does_not_get_the_configured_servers_extra_body(monkeypatch):
    # GENAI_LLM_EXTRA_BODY holds fields for the configured server (llama.cpp's repeat_penalty, say);
    # sent to another server (OpenAI itself refuses unknown fields) it could break every request
    monkeypatch.setenv("GENAI_LLM_EXTRA_BODY", '{"repeat_penalty": 1.0}')
    s = _settings(monkeypatch, [{"label": "other server", "model": "m", "base_url": "http://other:8000/v1"}])
    assert s.models.llm_extra_body
    assert chat_model_for(find_backend(configured_backends(s), "other server"), s.models).extra_body == {}


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


def test_a_tuned_run_is_a_picker_entry_beside_its_base(monkeypatch, data_dir):
    import sys
    from pathlib import Path

    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from core.models.sampling import SamplingParams

    sys.path.insert(0, str(Path(__file__).parent))
    from policy_helpers import tiny_llama

    tiny = tiny_llama()
    torch.manual_seed(0)  # a random (non-zero) adapter: the tuned entry must answer differently
    lora = LoraConfig(r=4, lora_alpha=64, target_modules=["q_proj", "v_proj", "o_proj"], init_lora_weights=False)
    get_peft_model(AutoModelForCausalLM.from_pretrained(tiny), lora).save_pretrained(data_dir / "tuned")
    monkeypatch.setenv("GENAI_LLM_DTYPE", "float32")
    s = _settings(monkeypatch, [{"label": "tiny", "model": str(tiny)},
                                {"label": "tiny tuned by the room", "model": str(tiny), "adapter": str(data_dir / "tuned")}])
    backends = configured_backends(s)
    tuned = find_backend(backends, "tiny tuned by the room")
    assert tuned.kind.startswith("tuned") and not find_backend(backends, "tiny").adapter
    messages, greedy = [{"role": "user", "content": "how do I water plant 3?"}], SamplingParams(max_new_tokens=8)
    base_model, tuned_model = chat_model_for(find_backend(backends, "tiny"), s.models), chat_model_for(tuned, s.models)
    assert tuned_model.name.endswith("+tuned") and base_model.name == str(tiny)
    assert tuned_model.generate(messages, greedy).text != base_model.generate(messages, greedy).text
    with pytest.raises(ConfigError, match="adapter"):
        configured_backends(_settings(monkeypatch, [{"label": "x", "model": "m", "base_url": "http://a",
                                                     "adapter": "latest"}]))
