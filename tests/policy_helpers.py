"""A tiny random Llama with SmolLM2's tokenizer and chat template: the policy-training path
end to end in seconds (the real 135M model takes minutes a step on a shared CPU)."""
from __future__ import annotations

from pathlib import Path


def tiny_llama() -> Path:
    """The tiny model, built once per machine in the model cache (like the converted GGUF)."""
    import os
    import shutil

    from core.config import get_settings

    folder = get_settings().cache_dir / "test-tiny-llama-v1"
    if not (folder / "tokenizer_config.json").exists():
        partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        make_tiny_llama(partial)
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    return folder


def make_tiny_llama(folder: Path) -> Path:
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from core.models.causal_lm import _converted_gguf_dir

    tok = AutoTokenizer.from_pretrained(_converted_gguf_dir())
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
                      tie_word_embeddings=True, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    LlamaForCausalLM(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def preference_rows(n: int, tag: str = "") -> list[dict]:
    """Pairs whose chosen answer is polite and direct, the rejected one dismissive."""
    return [{"prompt": f"Question {tag}{i}: how do I water plant {i}?",
             "chosen": f"Water plant {i} once a week. I hope this helps!",
             "rejected": "Figure it out yourself."} for i in range(n)]
