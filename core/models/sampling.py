"""Next-token sampling: temperature, top-k and top-p filters, and a seeded sampler.

Written out (not transformers' LogitsProcessors) because the explorer shows which tokens
survive each filter, and because each request needs its own torch.Generator: seeding the
global RNG is not safe when many browser sessions share one model.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class SamplingParams:
    max_new_tokens: int = 256
    temperature: float = 0.0  # 0 = greedy (argmax); the other filters are then moot
    top_k: int = 0  # 0 = off
    top_p: float = 1.0  # 1.0 = off
    seed: int | None = None  # None = fresh randomness each call
    stop: tuple[str, ...] = ()  # stop strings: the reply ends before the first one (not shown)

    def __post_init__(self):
        if not isinstance(self.max_new_tokens, int) or self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be a positive integer, got {self.max_new_tokens!r}")
        if not 0 <= self.temperature <= 100:
            raise ValueError(f"temperature must be in [0, 100], got {self.temperature!r}")
        if not isinstance(self.top_k, int) or self.top_k < 0:
            raise ValueError(f"top_k must be an integer >= 0, got {self.top_k!r}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p!r}")
        if self.seed is not None and not isinstance(self.seed, int):
            raise ValueError(f"seed must be an integer, got {self.seed!r}")
        if isinstance(self.stop, str) or not all(isinstance(s, str) and 0 < len(s) <= 200 for s in self.stop) \
                or len(self.stop) > 16:
            raise ValueError(f"stop must be a list of at most 16 non-empty strings of <= 200 characters, got {self.stop!r}")
        object.__setattr__(self, "stop", tuple(self.stop))  # a list is fine too; stored as a tuple (hashable)

    @property
    def greedy(self) -> bool:
        return self.temperature == 0


def top_k_mask(logits: torch.Tensor, k: int) -> torch.Tensor:
    """True where a token survives top-k (ties at the k-th value survive too)."""
    if k <= 0 or k >= logits.shape[-1]:
        return torch.ones_like(logits, dtype=torch.bool)
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits >= kth


def top_p_mask(probs: torch.Tensor, p: float) -> torch.Tensor:
    """True for the smallest set of most likely tokens whose total probability reaches p."""
    if p >= 1:
        return torch.ones_like(probs, dtype=torch.bool)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs  # mass of strictly better tokens
    keep_sorted = before < p  # the top token always survives (before == 0)
    keep = torch.zeros_like(keep_sorted)
    return keep.scatter(-1, order, keep_sorted)


def filtered_distribution(logits: torch.Tensor, params: SamplingParams) -> torch.Tensor:
    """Probabilities after temperature, top-k, then top-p (same order as transformers)."""
    logits = logits.float()
    if params.greedy:
        probs = torch.zeros_like(logits)
        return probs.scatter(-1, logits.argmax(-1, keepdim=True), 1.0)
    scaled = logits / params.temperature
    scaled = scaled.masked_fill(~top_k_mask(scaled, params.top_k), float("-inf"))
    probs = torch.softmax(scaled, dim=-1)
    probs = probs.masked_fill(~top_p_mask(probs, params.top_p), 0.0)
    return probs / probs.sum(-1, keepdim=True)


def sample_next(logits: torch.Tensor, params: SamplingParams, generator: torch.Generator | None) -> int:
    """One token id from the last position's logits (1-D tensor of vocab size)."""
    if params.greedy:
        return int(logits.argmax(-1))
    probs = filtered_distribution(logits, params)
    return int(torch.multinomial(probs, 1, generator=generator))


def make_generator(seed: int | None) -> torch.Generator:
    g = torch.Generator()
    if seed is None:
        g.seed()
    else:
        g.manual_seed(seed)
    return g
