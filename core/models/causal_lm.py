"""Load a causal (decoder) LM and its tokenizer: the bundled SmolLM2 GGUF or any HF id.

Dequantising the GGUF takes ~20 s on 2 cores, so the first load saves the float weights
as safetensors under the cache folder; later processes load those in about a second.
Models are cached per (model, dtype, attention implementation): the chat path wants a
fast kernel (sdpa), the explorer wants attention weights (eager) in float32.
"""
from __future__ import annotations

import logging
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import save_model

from core.caches import register_cache
from core.config import get_settings
from core.models import bundled, hub
from core.models.device import apply_thread_setting, pick_device

log = logging.getLogger(__name__)


@dataclass
class LoadedLM:
    model: torch.nn.Module
    tokenizer: object
    name: str
    source: str  # bundled | local | hub


_cache: dict[tuple, LoadedLM] = {}
register_cache("causal LMs", _cache.clear)
_lock = threading.Lock()


def _converted_gguf_dir() -> Path:
    """Folder with the bundled GGUF as float32 safetensors (+ tokenizer), made once."""
    gguf = bundled.smollm2_gguf()
    stat = gguf.stat()
    target = get_settings().cache_dir / f"smollm2-135m-instruct-{stat.st_size}-{int(stat.st_mtime)}"
    if (target / "config.json").exists() and (target / "tokenizer_config.json").exists():
        return target
    from transformers import AutoModelForCausalLM, AutoTokenizer

    log.info("dequantising %s once into %s", gguf.name, target)
    tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    # per process: two apps starting at once must not write into each other's folder
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    # save_pretrained refuses GGUF-loaded models; the weights are plain floats by now.
    config = model.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    config.save_pretrained(partial)
    if model.generation_config is not None:
        model.generation_config.save_pretrained(partial)
    save_model(model, str(partial / "model.safetensors"))  # handles the tied embeddings
    tok.save_pretrained(partial)
    try:
        partial.rename(target)  # atomic: a crash never leaves a half-written cache
    except OSError:  # another process finished first: its copy is the same conversion
        shutil.rmtree(partial, ignore_errors=True)
        if not (target / "config.json").exists():
            raise
    return target


def load_causal_lm(model: str = "bundled", dtype: torch.dtype = torch.float32,
                   attn_implementation: str = "sdpa") -> LoadedLM:
    key = (model, dtype, attn_implementation)
    with _lock:
        if key in _cache:
            return _cache[key]
        from transformers import AutoModelForCausalLM, AutoTokenizer

        apply_thread_setting()
        if model == "bundled":
            path, name, source, kwargs = _converted_gguf_dir(), bundled.SMOLLM2_NAME, "bundled", {}
        else:
            kwargs = hub.require_model(model, "GENAI_LLM_MODEL")
            path, name, source = model, model, "local" if hub.is_local(model) else "hub"
        tokenizer = AutoTokenizer.from_pretrained(path, **kwargs)
        lm = AutoModelForCausalLM.from_pretrained(
            path, dtype=dtype, attn_implementation=attn_implementation, **kwargs)
        lm.to(pick_device()).eval()
        loaded = LoadedLM(lm, tokenizer, name, source)
        _cache[key] = loaded
        log.info("loaded %s (%s, %s, %s)", name, source, dtype, attn_implementation)
        return loaded
