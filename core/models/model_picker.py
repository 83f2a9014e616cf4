"""The chat models a host offers in the chatbot's model picker.

    backends = configured_backends(settings)      # [Backend(label, model, base_url, api_key_env)]
    model = chat_model_for(find_backend(backends, "Qwen2.5-7B (vLLM)"), settings.models)

The host lists them in GENAI_CHAT_BACKENDS (a JSON list of {"label", "model", "base_url"?,
"api_key_env"?, "adapter"?}); the backend configured by GENAI_LLM_* is always the first entry.
"adapter" offers a model tuned in the labeling app (a policy run id, "latest", or an adapter
folder) on a local model, beside its base. Visitors pick a label, never a URL: a label that is not configured is refused. Each backend's model is
built once per process by core/models/backends.py (the engine registry) from a copy of the
model settings, and shared by every session.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass

from core.config import ConfigError

_built: dict[str, object] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Backend:
    label: str
    model: str  # "bundled", a Hugging Face id or local folder, or the model name an endpoint serves
    base_url: str = ""  # an OpenAI-compatible server (vLLM, TGI, Ollama, llama.cpp server)
    api_key_env: str = ""  # the name of the env var holding its API key (never the key itself)
    default: bool = False
    adapter: str = ""  # a LoRA adapter tuned by the labeling app (run id, "latest" or folder); local models only

    @property
    def kind(self) -> str:
        if self.adapter:
            return f"tuned ({self.adapter})"
        if self.base_url:
            return "OpenAI-compatible server"
        return "bundled" if self.model == "bundled" else "Hugging Face model"


def _default_label(m) -> str:
    if m.llm_base_url:
        return f"{m.llm_model} (server)"
    return "SmolLM2-135M (bundled)" if m.llm_model == "bundled" else m.llm_model


def configured_backends(settings) -> list[Backend]:
    """The default backend first, then GENAI_CHAT_BACKENDS in order (duplicate labels refused)."""
    m = settings.models
    out = [Backend(_default_label(m), m.llm_model, m.llm_base_url, "", True)]
    raw = (m.chat_backends or "").strip()
    if not raw:
        return out
    try:
        entries = json.loads(raw)
    except ValueError as e:
        raise ConfigError(f"GENAI_CHAT_BACKENDS is not valid JSON: {e}") from None
    if not isinstance(entries, list):
        raise ConfigError("GENAI_CHAT_BACKENDS must be a JSON list of objects")
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("label"), str) or not isinstance(e.get("model"), str) \
                or not e["label"].strip() or not e["model"].strip():
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}] needs non-empty string 'label' and 'model', got {e!r}")
        unknown = set(e) - {"label", "model", "base_url", "api_key_env", "adapter"}
        if unknown:
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}] has unknown keys {sorted(unknown)}")
        url = e.get("base_url", "") or ""
        if url and not url.startswith(("http://", "https://")):
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}].base_url={url!r} must start with http:// or https://")
        adapter = e.get("adapter", "") or ""
        if not isinstance(adapter, str) or (adapter and url):
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}].adapter={adapter!r} must be a run id, 'latest' or a folder, "
                              "on a local model (no base_url)")
        if any(b.label == e["label"] for b in out):
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}]: label {e['label']!r} is used twice")
        out.append(Backend(e["label"].strip(), e["model"].strip(), url, e.get("api_key_env", "") or "",
                           adapter=adapter.strip()))
    return out


def find_backend(backends: list[Backend], label: str | None) -> Backend:
    if not label:
        return backends[0]
    for b in backends:
        if b.label == label:
            return b
    raise ValueError(f"model {label!r} is not one of the configured backends: {[b.label for b in backends]}")


def chat_model_for(backend: Backend, model_settings):
    """The backend's chat model (None for the default: core.models.chat's process-wide one)."""
    if backend.default:
        return None
    from core.models.backends import build_chat_model

    with _lock:
        if backend.label not in _built:
            key = os.environ.get(backend.api_key_env, "") if backend.api_key_env else ""
            own = model_settings.model_copy(update={
                "llm_model": backend.model, "llm_base_url": backend.base_url, "llm_api_key": key,
                "llm_backend": "openai" if backend.base_url else "local", "llm_adapter": backend.adapter,
                "llm_extra_body": ""})  # GENAI_LLM_EXTRA_BODY is for the configured server only
            _built[backend.label] = build_chat_model(own)
        return _built[backend.label]
