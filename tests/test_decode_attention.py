"""FastLlama.decode_attention: one fused attention call for a whole decode batch over a bfloat16 cache
(the path a CPU with native bfloat16 takes; forced here so any CPU runs it).

It must give each request exactly what the request would get alone, whatever the other requests'
lengths (a greedy reply must not depend on who else is being served), and it must attend to exactly
each request's own positions.
"""
from __future__ import annotations

import pytest
import torch
from test_fast_llama import tiny_llama

from core.models import batched_decode, fast_llama
from core.models.batched_decode import BatchKVCache, batched_step
from core.models.fast_llama import FastLlama


def fused(model, cache_dtype: torch.dtype = torch.bfloat16) -> FastLlama:
    fast = FastLlama(model)
    # bfloat16: as on a CPU with AMX; float32: as on one with AVX512-BF16 alone (AMD Zen 4)
    fast.cache_dtype, fast.fused_decode_attention = cache_dtype, True
    return fast


@pytest.mark.parametrize("cache_dtype", [torch.bfloat16, torch.float32])
def test_a_request_decodes_the_same_alone_and_beside_longer_requests(cache_dtype):
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024)
    fast = fused(model.to(torch.bfloat16), cache_dtype)
    gen = torch.Generator().manual_seed(3)
    prompts = [torch.randint(0, 97, (n,), generator=gen) for n in (5, 70, 300)]  # 1, 2 and 5 key blocks
    steps = 4
    together = BatchKVCache(fast, len(prompts))
    together.ensure(max(p.numel() for p in prompts) + steps)
    tokens = [int(fast.prefill(p, together.claim(b)).argmax()) for b, p in enumerate(prompts)]
    positions = [p.numel() for p in prompts]
    alone = []
    for p in prompts:
        cache = fast.new_cache(p.numel() + steps)
        logits, row = fast.prefill(p, cache), []
        for i in range(steps):
            token = int(logits.argmax())
            logits = fast.step(token, cache, p.numel() + i)
            row.append(logits)
        alone.append(row)
    for i in range(steps):
        logits = batched_step(fast, together, tokens, [q + i for q in positions])
        for b in range(len(prompts)):
            assert torch.equal(logits[b], alone[b][i]), f"request {b} (prompt {positions[b]}) differs at step {i}"
        tokens = [int(row.argmax()) for row in logits]



@pytest.fixture
def garbage_memory(monkeypatch):
    """torch.empty hands back NaN, as recycled memory may: what the cache does not zero stays NaN."""
    real_empty = torch.empty
    monkeypatch.setattr(batched_decode.torch, "empty",
                        lambda *args, **kwargs: real_empty(*args, **kwargs).fill_(float("nan")))


def alone_logits(fast, prompt, steps):
    cache = fast.new_cache(prompt.numel() + steps)
    logits, rows = fast.prefill(prompt, cache), []
    for i in range(steps):
        logits = fast.step(int(logits.argmax()), cache, prompt.numel() + i)
        rows.append(logits)
    return rows


@pytest.mark.parametrize("cache_dtype", [torch.bfloat16, torch.float32])
def test_claimed_slots_hold_numbers_after_the_cache_grows_and_free_ones_are_not_written(garbage_memory, cache_dtype):
    """#15: zeroing the whole batch cache at the start of a busy period cost a lone request's first token
    40 ms (8 slots, float32). Only a claimed slot is zeroed, and a claimed slot's new end when the cache
    grows: a short request decoding beside a longer one that arrived later reads its masked positions
    past 256, which the growth left as garbage."""
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024)
    fast = fused(model.to(torch.bfloat16), cache_dtype)
    gen = torch.Generator().manual_seed(5)
    short, long = torch.randint(0, 97, (6,), generator=gen), torch.randint(0, 97, (400,), generator=gen)
    steps = 3
    cache = BatchKVCache(fast, 4)
    cache.ensure(short.numel() + steps)
    first = fast.prefill(short, cache.claim(0))
    assert all(torch.isnan(k[1:]).all() for k in cache.k + cache.v), "free slots were written"
    cache.ensure(long.numel() + steps)  # the longer request arrives: the cache grows from 256 positions
    assert cache.length > 256
    second = fast.prefill(long, cache.claim(1))
    assert all(torch.isnan(k[2:]).all() for k in cache.k + cache.v), "free slots were written"
    tokens, positions = [int(first.argmax()), int(second.argmax())], [short.numel(), long.numel()]
    want = [alone_logits(fast, p, steps) for p in (short, long)]
    for i in range(steps):
        logits = batched_step(fast, cache, tokens, [p + i for p in positions])
        for b in range(2):
            assert torch.equal(logits[b], want[b][i]), f"request {b} differs at step {i}"
        tokens = [int(row.argmax()) for row in logits]

def test_each_request_attends_to_exactly_its_own_positions():
    """Against attention over exactly each request's keys in float32. Keys are small, so attention is
    nearly uniform and one position too many or too few would move the result by ~1/length."""
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024)
    fast = fused(model.to(torch.bfloat16))
    gen = torch.Generator().manual_seed(0)
    lengths = [1, 7, 64, 65, 200]
    shape = (len(lengths), fast.n_kv, 256, fast.head_dim)
    keys = (torch.randn(shape, generator=gen) * 0.01).to(torch.bfloat16)
    values = torch.randn(shape, generator=gen).to(torch.bfloat16)
    for b, n in enumerate(lengths):  # what another request left past this one's end must not count
        keys[b, :, n:] = 5.0
        values[b, :, n:] = 100.0
    q = torch.randn(len(lengths), fast.n_heads, fast.head_dim, generator=gen).to(torch.bfloat16)
    got = fast.decode_attention(q, keys, values, fast.decode_mask(lengths)).float()
    for b, n in enumerate(lengths):
        expected = fast.one_query_attention(q[b], keys[b, :, :n].float(), values[b, :, :n].float())
        assert torch.allclose(got[b], expected, atol=0.02, rtol=0.02), f"request of length {n}"


def test_the_cache_is_bfloat16_only_where_the_cpu_has_amx():
    """Decode attention over a bfloat16 cache is fast in torch's flash-attention kernel only with AMX tiles:
    with AVX512-BF16 alone (AMD Zen 4) it took 315 us per layer at 320 positions against 49 us in float32
    (#15 round 23), so there the cache is float32 and the same fused call runs in float32. Without native
    bfloat16 (AVX2) bfloat16 attention matmuls are several times slower: float32 cache, per-row attention."""
    native, amx = fast_llama.native_bfloat16(), fast_llama.amx_tiles()
    bf16 = FastLlama(tiny_llama().to(torch.bfloat16))
    assert (bf16.cache_dtype, bf16.fused_decode_attention) == (
        torch.bfloat16 if native and amx else torch.float32, native)
    fp32 = FastLlama(tiny_llama())
    assert (fp32.cache_dtype, fp32.fused_decode_attention) == (torch.float32, False)
    assert bf16.new_cache(10).k[0].shape[2] == (64 if native else 10)  # whole key blocks, zeroed
