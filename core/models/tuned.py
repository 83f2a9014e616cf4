"""A tuned chat model: the base weights plus a LoRA adapter from a policy run, merged.

GENAI_LLM_ADAPTER names the adapter (a run id, "latest", or a folder). The cached base model
is shared by every caller, so the adapter is merged into a deep copy; the base stays as it
was, in memory and on disk. Merged weights decode at the base model's speed (FastLlama and
int4 apply as usual).
"""
from __future__ import annotations

import copy
import logging
from pathlib import Path

import torch

from core.config import get_settings

log = logging.getLogger(__name__)


def merge_adapter(lm: torch.nn.Module, spec: str) -> tuple[torch.nn.Module, str]:
    """(merged copy of `lm`, a short tag naming the adapter)."""
    from peft import PeftModel

    from core.preferences.policy_runs import resolve_adapter

    folder = resolve_adapter(get_settings().data_dir, spec)
    dtype = next(lm.parameters()).dtype
    private = copy.deepcopy(lm)
    merged = PeftModel.from_pretrained(private, str(folder)).merge_and_unload()
    merged = merged.to(dtype).eval()
    tag = folder.parent.name if folder.name == "adapter" else Path(folder).name
    log.info("merged adapter %s into a private copy of the chat model", folder)
    return merged, tag
