"""One decode step for several requests at once, over FastLlama's weights.

Decoding one token on a CPU is bound by reading the weights: every projection reads its whole
matrix to multiply one row. With B requests in flight, one (B, hidden) matmul reads the
matrix once for all of them, so B tokens cost little more than one. This module keeps the
keys and values of up to `slots` requests in one padded cache per layer, shaped
(slots, kv_heads, length, head_dim), and runs one forward pass for the rows 0..B-1:

- embedding, norms, the fused qkv / gate-up / down / output projections: one call each for
  the whole batch (these are the matmuls that dominate);
- rotary embedding with each row's own position;
- the new key/value of each row written at its own position (one indexed write per layer);
- attention of each row's single query over exactly its own keys.

Attention must not make a row's result depend on the other rows: one padded matmul over the
longest row changes the order of the sums, so a greedy reply could differ from the same request
run alone once bfloat16 rounding tips a near-tie. On a CPU with native bfloat16 (bfloat16 cache)
it is one fused call for all rows whose keys are read in fixed blocks with the rest masked
(`FastLlama.decode_attention`); elsewhere (float32 cache) a few small matmuls per row
(`one_query_attention`). Either way, and with projections whose kernels treat rows
independently (the int4/int8 kernels do), a request's tokens are bit-identical whatever else is
in the batch (tests/test_generation_engine.py checks this).

Rows are kept contiguous (0..B-1) by the caller (`GenerationEngine` moves the last row into a
freed slot, `move()`), so the cache slice a step reads is a view, never a gather.
The math is FastLlama's `_forward` for one token; for a single row it computes the same thing.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from core.models.fast_llama import FastLlama


class SlotView:
    """One slot of a BatchKVCache seen as FastLlama's single-request `KVCache` (views, no copy),
    so FastLlama.prefill can fill the slot in place."""

    def __init__(self, cache: BatchKVCache, slot: int):
        self.k = [k[slot:slot + 1] for k in cache.k]
        self.v = [v[slot:slot + 1] for v in cache.v]


class BatchKVCache:
    """Keys and values of up to `slots` requests, grown on demand up to the model's context.

    Allocated with `empty`, so pages nobody writes (free slots, the unused end) never become
    resident memory. The fused decode attention (FastLlama.decode_attention) reads each row up to
    the batch's longest length, its unwritten positions masked; masked garbage could still be NaN
    and poison the sums, so a slot is zeroed when a request claims it (`claim`), and a claimed
    slot's new end when the cache grows. Zeroing only claimed slots keeps a lone request's first
    token from paying for the whole batch's memory (#15: allocating all 8 slots zeroed in float32
    took 40 ms at the start of every busy period)."""

    def __init__(self, fast: FastLlama, slots: int):
        self.fast, self.slots = fast, slots
        self.length = 0
        self.k: list[torch.Tensor] = []
        self.v: list[torch.Tensor] = []
        self._zeroed = [0] * slots  # per slot: positions holding numbers, not garbage (fused attention)

    @property
    def bytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in self.k + self.v)

    def ensure(self, length: int) -> None:
        """Room for `length` positions per slot (doubling, in steps of 256, up to the context)."""
        if length <= self.length:
            return
        f = self.fast
        if length > f.max_len:
            raise ValueError(f"a request needs {length} positions; the model's context is {f.max_len}")
        new_len = min(f.max_len, max(length, 2 * self.length, 256))
        new_len = min(f.max_len, -(-new_len // 256) * 256)  # a multiple of DECODE_KEY_BLOCK too
        shape = (self.slots, f.n_kv, new_len, f.head_dim)
        grown_k, grown_v = [], []
        for old_k, old_v in zip(self.k, self.v) if self.k else ((None, None) for _ in f.layers):
            k = torch.empty(shape, dtype=f.cache_dtype, device=f.device)
            v = torch.empty(shape, dtype=f.cache_dtype, device=f.device)
            if old_k is not None:
                k[:, :, :self.length] = old_k
                v[:, :, :self.length] = old_v
            grown_k.append(k)
            grown_v.append(v)
        self.k, self.v, self.length = grown_k, grown_v, new_len
        for slot, zeroed in enumerate(self._zeroed):
            if zeroed:  # a claimed slot stays all numbers
                self._zero(slot)

    def claim(self, slot: int) -> SlotView:
        """Slot `slot` for a new request (call `ensure` first), as a view its prefill writes into."""
        self._zero(slot)
        return SlotView(self, slot)

    def _zero(self, slot: int) -> None:
        start = self._zeroed[slot]
        if not self.fast.fused_decode_attention or start >= self.length:
            return  # the per-request attention reads only the positions a request wrote
        for k, v in zip(self.k, self.v):
            k[slot, :, start:].zero_()
            v[slot, :, start:].zero_()
        self._zeroed[slot] = self.length

    def release(self) -> None:
        """Free the memory (the engine calls this when no request is left)."""
        self.k, self.v, self.length = [], [], 0
        self._zeroed = [0] * self.slots

    def move(self, src: int, dst: int, used: int) -> None:
        """Copy the first `used` positions of slot `src` into slot `dst`."""
        for k, v in zip(self.k, self.v):
            k[dst, :, :used] = k[src, :, :used]
            v[dst, :, :used] = v[src, :, :used]


@torch.inference_mode()
def batched_step(fast: FastLlama, cache: BatchKVCache, tokens: list[int], positions: list[int]) -> torch.Tensor:
    """Logits (B, vocab): row b feeds `tokens[b]` at `positions[b]` into cache slot b."""
    B = len(tokens)
    hq, hk, d = fast.n_heads, fast.n_kv, fast.head_dim
    nq, nk = hq * d, hk * d
    rows = torch.arange(B, device=fast.device)
    pos = torch.tensor(positions, device=fast.device)
    lengths = [p + 1 for p in positions]
    cos, sin = fast.cos[pos][:, None, :], fast.sin[pos][:, None, :]  # (B, 1, d)
    x = F.embedding(torch.tensor(tokens, device=fast.device), fast.embed)  # (B, hidden)
    half = d // 2
    mask = fast.decode_mask(lengths) if fast.fused_decode_attention else None
    for i, (w_in, w_qkv, w_o, w_post, w_gu, w_down) in enumerate(fast.layers):
        h = fast.rms_norm(x, w_in, fast.eps)
        qkv = w_qkv(h)  # (B, nq + 2 nk)
        qk = qkv[:, :nq + nk].view(B, hq + hk, d)
        qk = qk * cos + torch.cat((qk[..., half:], qk[..., :half]), dim=-1) * sin  # FastLlama.sin carries the sign
        k_cache, v_cache = cache.k[i], cache.v[i]
        k_cache[rows, :, pos] = qk[:, hq:].to(k_cache.dtype)  # (B, hk, d) at each row's own position
        v_cache[rows, :, pos] = qkv[:, nq + nk:].view(B, hk, d).to(v_cache.dtype)
        if fast.fused_decode_attention:
            att = fast.decode_attention(qk[:, :hq], k_cache, v_cache, mask)
        else:
            att = torch.stack([fast.one_query_attention(qk[b, :hq], k_cache[b, :, :n], v_cache[b, :, :n])
                               for b, n in enumerate(lengths)])
        x = x + w_o(att.to(x.dtype))
        h = fast.rms_norm(x, w_post, fast.eps)
        gate, up = w_gu(h).chunk(2, dim=-1)
        x = x + w_down(F.silu(gate) * up)
    x = fast.rms_norm(x, fast.final_norm, fast.eps)
    return fast.lm_head(x)

