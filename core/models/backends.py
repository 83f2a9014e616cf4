"""The chat backends: which engine runs the chat model (GENAI_LLM_BACKEND).

An entry is a factory `(ModelSettings) -> ChatModel` (core/models/types.py). "auto" picks
"openai" when GENAI_LLM_BASE_URL is set, else "local". Adding a backend is a file with a
class that follows `ChatModel` plus one registration line here.
"""
from __future__ import annotations

from core.registry import Registry

CHAT_BACKENDS: Registry = Registry("chat backend", "GENAI_LLM_BACKEND")


def _local(s):
    from core.models.chat import LocalChatModel
    from core.models.device import pick_dtype

    return LocalChatModel(s.llm_model, dtype=pick_dtype(s.llm_dtype), quantize=s.llm_quantize, adapter=s.llm_adapter,
                          max_batch=s.llm_max_batch)


def _openai(s):
    from core.models.openai_compat import OpenAICompatChatModel, parse_extra_body

    return OpenAICompatChatModel(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout, retries=s.llm_retries,
                                 extra_body=parse_extra_body(s.llm_extra_body))


CHAT_BACKENDS.register("local", _local)
CHAT_BACKENDS.register("openai", _openai)


def backend_name(s) -> str:
    if s.llm_backend != "auto":
        return s.llm_backend
    return "openai" if s.llm_base_url else "local"


def build_chat_model(s):
    """The chat model these ModelSettings describe."""
    return CHAT_BACKENDS.get(backend_name(s))(s)
