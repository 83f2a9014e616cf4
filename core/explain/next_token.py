"""Next-token prediction: the decoder's distribution and which tokens survive each filter.

The filters are core.models.sampling's (the same code the chat app samples with), so
what the explorer shows is what generation does: temperature, then top-k, then top-p,
then renormalise.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from core.explain.attention import display_labels
from core.explain.models import ExplainModel
from core.models.sampling import SamplingParams, filtered_distribution, make_generator, sample_next, top_k_mask, top_p_mask

MAX_STEPS = 64  # step-by-step generation is for a handful of tokens in front of a class


@dataclass(frozen=True)
class Candidate:
    id: int
    piece: str
    label: str
    p_model: float  # softmax of the raw logits (temperature 1)
    p_temperature: float  # softmax after dividing by the temperature
    kept_top_k: bool
    kept_top_p: bool
    p_final: float  # after every filter, renormalised: what sampling draws from


@dataclass(frozen=True)
class Distribution:
    candidates: list[Candidate]  # the `show` most likely tokens under the model
    survivors: int  # how many vocabulary tokens keep a non-zero probability
    vocab_size: int
    params: SamplingParams


def check_decoder(em: ExplainModel) -> None:
    if not em.causal:
        raise ValueError(f"{em.name} is an {em.kind}: next-token prediction needs a decoder (causal LM)")


def encode_prompt(em: ExplainModel, text: str) -> list[int]:
    check_decoder(em)
    from core.explain.attention import encode
    return encode(em, text)["input_ids"][0].tolist()


@torch.inference_mode()
def next_logits(em: ExplainModel, ids: list[int]) -> torch.Tensor:
    """Logits (vocab,) for the token after `ids`, float32 on CPU."""
    check_decoder(em)
    if not ids:
        raise ValueError("no tokens: type a prompt first")
    out = em.model(input_ids=torch.tensor([ids], device=em.device))
    return out.logits[0, -1].float().cpu()


def distribution(tokenizer, logits: torch.Tensor, params: SamplingParams, show: int = 20) -> Distribution:
    """The top `show` tokens with their probability before and after each filter."""
    if show < 1:
        raise ValueError(f"show must be >= 1, got {show}")
    p_model = torch.softmax(logits, -1)
    final = filtered_distribution(logits, params)
    if params.greedy:  # temperature 0: argmax only; top-k / top-p do nothing
        p_temp = final
        kept_k = kept_p = final > 0
    else:
        scaled = logits / params.temperature
        p_temp = torch.softmax(scaled, -1)
        kept_k = top_k_mask(scaled, params.top_k)
        p_after_k = torch.softmax(scaled.masked_fill(~kept_k, float("-inf")), -1)
        kept_p = top_p_mask(p_after_k, params.top_p) & kept_k
    top = torch.topk(p_model, min(show, logits.shape[-1])).indices.tolist()
    pieces = tokenizer.convert_ids_to_tokens(top)
    labels = display_labels(pieces, tokenizer)
    cands = [Candidate(i, pc, lb, float(p_model[i]), float(p_temp[i]), bool(kept_k[i]),
                       bool(kept_p[i]), float(final[i])) for i, pc, lb in zip(top, pieces, labels)]
    return Distribution(cands, int((final > 0).sum()), int(logits.shape[-1]), params)


def sample(logits: torch.Tensor, params: SamplingParams, seed: int | None, step: int = 0) -> int:
    """One token id; with a seed, the same (seed, step) always gives the same token."""
    gen = make_generator(None if seed is None else seed + step)
    return sample_next(logits, params, gen)


def decode(tokenizer, ids: list[int]) -> str:
    return tokenizer.decode(ids, skip_special_tokens=False)
