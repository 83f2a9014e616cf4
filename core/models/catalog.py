"""What models the settings point at, where they come from, and whether they load offline.

Cheap: looks at files and the HF cache, loads no weights. Used by `python -m core models`
and by the launcher's index page.
"""
from __future__ import annotations

from core.config import get_settings
from core.models import bundled, hub


def _describe(role: str, model: str, setting: str, bundled_name: str, bundled_path) -> dict:
    if model == "bundled":
        try:
            path = bundled_path()
            return {"role": role, "name": bundled_name, "source": "bundled", "offline": True,
                    "setting": setting, "detail": str(path)}
        except bundled.BundledModelMissing as e:
            return {"role": role, "name": bundled_name, "source": "bundled", "offline": False,
                    "setting": setting, "detail": str(e)}
    if hub.is_local(model):
        return {"role": role, "name": model, "source": "local", "offline": True, "setting": setting,
                "detail": "local folder"}
    cached = hub.in_local_cache(model)
    return {"role": role, "name": model, "source": "hub", "offline": cached, "setting": setting,
            "detail": "in the local HF cache" if cached else "needs a Hugging Face Hub download"}


def configured_models() -> list[dict]:
    s = get_settings()
    if s.models.llm_base_url:
        chat = {"role": "chat", "name": s.models.llm_model, "source": "endpoint", "offline": False,
                "setting": "GENAI_LLM_BASE_URL", "detail": s.models.llm_base_url}
    else:
        chat = _describe("chat", s.models.llm_model, "GENAI_LLM_MODEL", bundled.SMOLLM2_NAME, bundled.smollm2_gguf)
    emb = _describe("embeddings", s.models.embedding_model, "GENAI_EMBEDDING_MODEL", bundled.MINILM_NAME,
                    bundled.minilm_dir)
    return [chat, emb]
