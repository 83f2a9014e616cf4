"""The chat model that policy training starts from, and batched sampling from it.

    path = base_model_path("bundled")            # a local folder with weights + tokenizer
    model, tok = load_policy_base(path)          # a fresh float32 copy: training never touches
                                                 # the shared, cached chat model or its files
    model = load_tuned(path, adapter_dir)        # base + LoRA adapter, merged, for evaluation
    answers = sample_answers(model, tok, prompts, n=4, temperature=0.8, max_new_tokens=64, seed=0)

Prompts are chat messages with the user turn only (the tokenizer's chat template adds
its default system prompt), the same shape DPO trains on, so training, comparison and
`core chat` see one prompt format.
"""
from __future__ import annotations

import logging
from pathlib import Path

import torch

log = logging.getLogger(__name__)


def base_model_path(llm_model: str, llm_base_url: str = "") -> str:
    """Folder (or cached hub id) of the configured chat model, when it is a local transformers model."""
    if llm_base_url:
        raise ValueError("policy training needs a local transformers chat model; GENAI_LLM_BASE_URL points at a "
                         "server. Unset it (or train against GENAI_LLM_MODEL=bundled).")
    if llm_model == "bundled":
        from core.models.causal_lm import _converted_gguf_dir

        return str(_converted_gguf_dir())
    from core.models import hub

    hub.require_model(llm_model, "GENAI_LLM_MODEL")
    return llm_model


def load_policy_base(path: str):
    """(model, tokenizer): float32 on CPU, padding on the left (batched generation), eval mode."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    return model.eval(), tokenizer


def load_tuned(path: str, adapter_dir: str | Path):
    """(model, tokenizer) with the LoRA adapter merged into a private copy of the base weights."""
    from peft import PeftModel

    model, tokenizer = load_policy_base(path)
    model = PeftModel.from_pretrained(model, str(adapter_dir)).merge_and_unload()
    return model.eval(), tokenizer


def chat_prompt(prompt: str, system: str = "") -> list[dict]:
    return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]


def _encode(tokenizer, prompts: list[str], system: str = "") -> dict:
    texts = [tokenizer.apply_chat_template(chat_prompt(p, system), add_generation_prompt=True, tokenize=False)
             for p in prompts]
    tokenizer.padding_side = "left"
    return tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)


@torch.inference_mode()
def sample_answers(model, tokenizer, prompts: list[str], n: int = 1, temperature: float = 0.0,
                   max_new_tokens: int = 64, seed: int = 0, batch_size: int = 16,
                   top_p: float = 1.0, system: str = "") -> list[list[str]]:
    """n answers per prompt (greedy when temperature is 0: then n must be 1). Batched: on a
    CPU a batch of 16 costs little more per step than one sequence. `system` replaces the
    template's default system prompt (a labeling contestant's own instructions)."""
    from transformers import GenerationConfig

    if temperature == 0 and n != 1:
        raise ValueError(f"greedy decoding gives one answer per prompt; got n={n}")
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    stops = [t for t in {tokenizer.eos_token_id, im_end} if isinstance(t, int) and t != tokenizer.unk_token_id]
    config = GenerationConfig(max_new_tokens=max_new_tokens, do_sample=temperature > 0,
                              temperature=temperature if temperature > 0 else None,
                              top_p=top_p if temperature > 0 else None, top_k=None,
                              eos_token_id=stops, pad_token_id=tokenizer.pad_token_id)
    flat = [p for p in prompts for _ in range(n)]
    out: list[str] = []
    torch.manual_seed(seed)
    for i in range(0, len(flat), batch_size):
        enc = _encode(tokenizer, flat[i:i + batch_size], system)
        ids = model.generate(**enc, generation_config=config)
        new = ids[:, enc["input_ids"].shape[1]:]
        out += [t.strip() for t in tokenizer.batch_decode(new, skip_special_tokens=True)]
    return [out[i * n:(i + 1) * n] for i in range(len(prompts))]
