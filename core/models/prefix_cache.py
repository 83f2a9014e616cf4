"""Prefilled keys and values of prompt prefixes, reused by every request that starts with one.

    prefixes = PrefixCache(max_bytes=64 * 2**20)
    logits = prefill(fast, ids, cache, prefixes, prefix_len=system_turn_tokens)

Every RAG answer starts with the same system turn (the rules, ~150 tokens after the chat
template; core/retrieval/prompts.py keeps it free of per-question text). Its keys and values
depend only on those tokens, so they are computed once, kept here, and copied into each new
request's cache; only the rest of the prompt is prefilled (`FastLlama.prefill(start=...)`).

- Keyed by the exact token ids of the prefix; a request uses the longest stored prefix of its
  prompt. On a miss, a request that names its prefix (`prefix_len`: the caller knows where the
  system turn ends) prefills the prefix first, stores it, then prefills the rest.
- Bounded by memory (`GENAI_LLM_PREFIX_CACHE_MB`), least recently used out first; 0 disables.
- Thread-safe: the stored tensors are never written after they are stored, so a reader may use
  an entry that is evicted meanwhile.
- Exact: the logits equal a one-pass prefill bit for bit on the CPU (FastLlama.prompt_attention
  shapes the attention for it; tests/test_prefix_cache.py checks it).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

import torch

# Both parts of a split prompt keep at least this many tokens: a matmul over few rows takes another
# kernel path whose sums round differently, and the split would no longer equal one pass. That path
# covers 1-3 rows on an AVX2 CPU and 1-15 rows in MKL's float32 GEMM on an AVX-512 one (one thread).
MIN_PART = 16


class PrefixCache:
    """LRU of (prefix token ids -> per-layer keys and values), bounded by `max_bytes` (0: disabled)."""

    def __init__(self, max_bytes: int):
        if max_bytes < 0:
            raise ValueError(f"max_bytes must be >= 0, got {max_bytes!r}")
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[int, ...], tuple[list[torch.Tensor], list[torch.Tensor], int]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0
        self.hits = self.misses = self.stored = self.evicted = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def __len__(self) -> int:
        return len(self._entries)

    def longest(self, ids: list[int]) -> tuple[int, list[torch.Tensor], list[torch.Tensor]] | None:
        """(length, keys, values) of the longest stored prefix of `ids` that leaves MIN_PART tokens."""
        with self._lock:
            best = None
            for key in self._entries:
                if len(key) <= len(ids) - MIN_PART and (best is None or len(key) > len(best)) \
                        and tuple(ids[:len(key)]) == key:
                    best = key
            if best is None:
                self.misses += 1
                return None
            self._entries.move_to_end(best)
            self.hits += 1
            k, v, _ = self._entries[best]
            return len(best), k, v

    def put(self, ids: list[int], keys: list[torch.Tensor], values: list[torch.Tensor]) -> bool:
        """Store copies of a prefix's keys and values; False when one entry alone exceeds the bound."""
        size = sum(t.numel() * t.element_size() for t in keys + values)
        if size > self.max_bytes:
            return False
        entry = ([t.clone() for t in keys], [t.clone() for t in values], size)
        key = tuple(ids)
        with self._lock:
            if key in self._entries:
                self.bytes -= self._entries.pop(key)[2]
            self._entries[key] = entry
            self.bytes += size
            self.stored += 1
            while self.bytes > self.max_bytes:
                _, (_, _, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped
                self.evicted += 1
        return True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def stats(self) -> dict:
        return {"entries": len(self._entries), "bytes": self.bytes, "max_bytes": self.max_bytes,
                "hits": self.hits, "misses": self.misses, "stored": self.stored, "evicted": self.evicted}


def prefill(fast, ids: torch.Tensor, cache, prefixes: PrefixCache | None, prefix_len: int = 0) -> torch.Tensor:
    """`fast.prefill(ids, cache)` (FastLlama; `cache` a KVCache or an engine SlotView), reusing a
    stored prefix of `ids` when there is one, else storing `ids[:prefix_len]` on the way."""
    ids = ids.reshape(-1)
    if prefixes is None or not prefixes.enabled:
        return fast.prefill(ids, cache)
    tokens = ids.tolist()
    found = prefixes.longest(tokens)
    if found is not None:
        n, keys, values = found
        for layer, (k, v) in enumerate(zip(keys, values)):
            cache.k[layer][:, :, :n] = k
            cache.v[layer][:, :, :n] = v
        return fast.prefill(ids[n:], cache, start=n)
    if not MIN_PART <= prefix_len <= len(tokens) - MIN_PART:
        return fast.prefill(ids, cache)
    fast.prefill(ids[:prefix_len], cache)  # its logits are not needed; its keys and values are
    prefixes.put(tokens[:prefix_len], [k[:, :, :prefix_len] for k in cache.k], [v[:, :, :prefix_len] for v in cache.v])
    return fast.prefill(ids[prefix_len:], cache, start=prefix_len)
