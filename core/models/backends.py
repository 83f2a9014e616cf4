"""The chat backends a host offers in the chatbot's model picker.

    backends = configured_backends(settings)      # [Backend(label, model, base_url, api_key_env)]
    model = chat_model_for(backends, "Qwen2.5-7B (vLLM)")

The host lists them in GENAI_CHAT_BACKENDS (a JSON list of {"label", "model", "base_url"?,
"api_key_env"?}); the backend configured by GENAI_LLM_* is always the first entry. Visitors
pick a label, never a URL: a label that is not configured is refused. Each backend's model is
built once per process and shared by every session (the local loader is thread-safe).
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

    @property
    def kind(self) -> str:
        if self.base_url:
            return "OpenAI-compatible server"
        return "bundled" if self.model == "bundled" else "Hugging Face model"


def _default_label(settings) -> str:
    if settings.llm_base_url:
        return f"{settings.llm_model} (server)"
    return "SmolLM2-135M (bundled)" if settings.llm_model == "bundled" else settings.llm_model


def configured_backends(settings) -> list[Backend]:
    """The default backend first, then GENAI_CHAT_BACKENDS in order (duplicate labels refused)."""
    out = [Backend(_default_label(settings), settings.llm_model, settings.llm_base_url, "", True)]
    raw = (settings.chat_backends or "").strip()
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
        unknown = set(e) - {"label", "model", "base_url", "api_key_env"}
        if unknown:
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}] has unknown keys {sorted(unknown)}")
        url = e.get("base_url", "") or ""
        if url and not url.startswith(("http://", "https://")):
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}].base_url={url!r} must start with http:// or https://")
        if any(b.label == e["label"] for b in out):
            raise ConfigError(f"GENAI_CHAT_BACKENDS[{i}]: label {e['label']!r} is used twice")
        out.append(Backend(e["label"].strip(), e["model"].strip(), url, e.get("api_key_env", "") or ""))
    return out


def find_backend(backends: list[Backend], label: str | None) -> Backend:
    if not label:
        return backends[0]
    for b in backends:
        if b.label == label:
            return b
    raise ValueError(f"model {label!r} is not one of the configured backends: {[b.label for b in backends]}")


def chat_model_for(backend: Backend, timeout: float = 60.0):
    """The backend's chat model (None for the default: core.models.chat's process-wide one)."""
    if backend.default:
        return None
    with _lock:
        if backend.label not in _built:
            if backend.base_url:
                from core.models.openai_compat import OpenAICompatChatModel

                key = os.environ.get(backend.api_key_env, "") if backend.api_key_env else ""
                _built[backend.label] = OpenAICompatChatModel(backend.base_url, backend.model, key, timeout)
            else:
                from core.models.chat import LocalChatModel

                _built[backend.label] = LocalChatModel(backend.model)
        return _built[backend.label]
