"""Logit lens: read the residual stream after every layer as if it were the last one.

For layer l, apply the model's final norm and unembedding (lm_head) to the hidden state
at each position and take the top token. transformers' `hidden_states` holds the
embeddings, then each layer's output; the last entry already has the final norm applied
(that is the input of lm_head), so it is used as is and the lens at the last layer equals
the model's own logits.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.explain.attention import display_labels, encode
from core.explain.models import ExplainModel
from core.explain.next_token import check_decoder

# Columns of the table: the lens unembeds every shown position at every layer (positions x
# layers x vocab x hidden multiply-adds, ~1.8 GFLOP per layer for 64 positions of SmolLM2),
# so the page shows the last 12 positions by default (a classroom sentence) and at most 64.
MAX_LENS_POSITIONS = 64
DEFAULT_LENS_POSITIONS = 12
LENS_CHUNK_ROWS = 512  # rows of logits computed at once: 512 x 49152 floats = 100 MB


@dataclass(frozen=True)
class Lens:
    labels: list[str]  # input tokens at the shown positions
    positions: list[int]
    layer_names: list[str]  # "embed", "1", ..., "L"
    top_ids: np.ndarray  # [layer, position] int
    top_labels: list[list[str]]  # [layer][position]
    top_probs: np.ndarray  # [layer, position] probability of the top token at that layer
    final_probs: np.ndarray  # [layer, position] probability of the model's final top token


def final_norm(model) -> torch.nn.Module:
    base = model.get_decoder() if hasattr(model, "get_decoder") else model.base_model
    for name in ("norm", "ln_f", "final_layer_norm", "final_layernorm"):
        if hasattr(base, name):
            return getattr(base, name)
    raise ValueError(f"{type(model).__name__}: cannot find the final norm for the logit lens")


@torch.inference_mode()
def logit_lens(em: ExplainModel, text: str, max_positions: int = MAX_LENS_POSITIONS) -> Lens:
    check_decoder(em)
    if not 1 <= max_positions <= MAX_LENS_POSITIONS:
        raise ValueError(f"max_positions must be in 1..{MAX_LENS_POSITIONS}, got {max_positions}")
    enc = encode(em, text)
    out = em.model(**enc, output_hidden_states=True)
    hs = out.hidden_states
    n = enc["input_ids"].shape[1]
    positions = list(range(max(0, n - max_positions), n))
    norm, unembed = final_norm(em.model), em.model.get_output_embeddings()
    last_normed = torch.allclose(unembed(hs[-1][:, -1:]), out.logits[:, -1:], atol=1e-4)
    final_top = out.logits[0, positions].argmax(-1)
    # One unembedding for all layers at once: with few positions per layer the cost is
    # reading the (vocab x hidden) matrix, so 31 small matmuls would read it 31 times.
    normed = torch.stack([h[0, positions] if (i == len(hs) - 1 and last_normed) else norm(h[0, positions])
                          for i, h in enumerate(hs)])  # [layer, position, hidden]
    flat = normed.reshape(-1, normed.shape[-1])
    tops, top_p, final_p = [], [], []
    target = final_top.repeat(len(hs))
    for start in range(0, flat.shape[0], LENS_CHUNK_ROWS):  # bounded memory for 64 positions x 31 layers
        logits = unembed(flat[start:start + LENS_CHUNK_ROWS]).float()
        lse = torch.logsumexp(logits, -1)
        best, idx = logits.max(-1)
        tops.append(idx)
        top_p.append(torch.exp(best - lse))
        final_p.append(torch.exp(logits.gather(-1, target[start:start + LENS_CHUNK_ROWS, None])[:, 0] - lse))
    shape = (len(hs), len(positions))
    top_ids = torch.cat(tops).reshape(shape).cpu().numpy()
    pieces = em.tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    labels = display_labels(em.tokenizer.convert_ids_to_tokens(top_ids.ravel().tolist()), em.tokenizer)
    width = len(positions)
    return Lens(
        labels=[display_labels(pieces, em.tokenizer)[i] for i in positions], positions=positions,
        layer_names=["embed"] + [str(i) for i in range(1, len(hs))],
        top_ids=top_ids, top_labels=[labels[r * width:(r + 1) * width] for r in range(len(hs))],
        top_probs=torch.cat(top_p).reshape(shape).cpu().numpy(),
        final_probs=torch.cat(final_p).reshape(shape).cpu().numpy())
