"""FastLlama's single-token decode step as one torch.compile'd call (opt-in: GENAI_LLM_COMPILE=on).

Eager, a decode step of the bundled model is ~25 small torch operators per layer x 30 layers plus the
Python that calls them; at one thread that overhead was about a fifth of a step once the matrix kernels
and attention were fast (#15 round 23). Here the whole step is one compiled graph (inductor, C++ for the
elementwise parts; the int4/int8 matrix kernels and the flash-attention kernel stay torch's own): embedding,
every layer's norm, projections, rotary, cache writes and attention, the final norm and the output matrix.

Same math, same bits as `FastLlama.step`:
- RMS norms sum their squares in float64 (`order_free_rms_norm`) in the graph and, from the moment a
  CompiledStep is built, in the model's eager paths too: a float32 sum's rounding depends on the order
  inductor's fused reduction picks (#15 round 25);
- inductor is told to round to bfloat16 where eager rounds (`emulate_precision_casts`), so fused
  elementwise kernels give eager's results;
- attention reads the whole preallocated cache with the positions past `pos` masked, where
  `FastLlama.decode_attention` reads whole blocks of DECODE_KEY_BLOCK keys: masked keys add exact zeros to
  the kernel's sums (that is what makes batched equal alone there), and the caches hold zeros where nothing
  was written (fused decode attention only). The cache's length is a symbol of the graph (marked dynamic),
  so one graph serves every cache and position. Reading only the keys in use would tie a second size to
  the cache's, and torch's contiguity check then specializes the graph on whether the two are equal: a
  recompile (tens of seconds) late in a reply. The price: attention over a reply's unused positions
  (fp32, one thread: 19 us per layer at 64 keys, 49 at 320).
tests/test_compiled_step.py checks logits bit for bit against the eager step on a tiny model.

Compiling takes tens of seconds (36 s for the bundled model on one core of an AMD EPYC, a cold inductor
cache; less when ~/.cache or /tmp holds a warm one), paid once per process (`warm_up`): when the model
loads (GENAI_LLM_COMPILE=on), or in a thread while the eager step serves (`compile_in_background`,
GENAI_LLM_COMPILE=background, #15 round 25). Where compiling fails (no C++ compiler, an inductor error),
`compile_step` returns None and the eager step runs; `LocalChatModel.decode_path` says which.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

import torch
import torch.nn.functional as F

from core.models.fast_llama import DECODE_KEY_BLOCK, PackedBFloat16Linear, order_free_rms_norm

log = logging.getLogger(__name__)


class CompiledStep:
    """`step(token, cache, pos)` with FastLlama.step's contract, as one compiled graph."""

    def __init__(self, fast):
        if not fast.fused_decode_attention:
            raise ValueError("a compiled step needs fused decode attention (zeroed caches): a CPU with native bfloat16")
        if isinstance(fast.lm_head, PackedBFloat16Linear):  # inductor cannot lower oneDNN's packed weight
            raise ValueError("a compiled step needs an int8, int4 or plain output matrix: quantize_int4(head='int8')")
        self.fast = f = fast
        # every eager path of this model (a prompt's prefill, the engine's batched step) now norms as the graph
        # does, whose fused reduction cannot reproduce torch's float32 sum (fast_llama.order_free_rms_norm)
        f.norm_as_compiled()
        hq, hk, d = f.n_heads, f.n_kv, f.head_dim
        nq, nk, half, eps = hq * d, hk * d, d // 2, f.eps
        layers, lm_head = list(f.layers), f.lm_head

        def step(token: torch.Tensor, pos: torch.Tensor, ks: list[torch.Tensor], vs: list[torch.Tensor]):
            x = F.embedding(token, f.embed).to(f.dtype)  # (1, hidden)
            cos, sin = f.cos[pos], f.sin[pos]  # (1, d)
            length = ks[0].shape[2]  # all of the cache, the positions past pos masked (see the module doc)
            hidden = torch.arange(length, device=pos.device) > pos
            mask = torch.zeros(length, dtype=ks[0].dtype, device=pos.device).masked_fill(hidden, float("-inf"))
            for i, (w_in, w_qkv, w_o, w_post, w_gu, w_down) in enumerate(layers):
                h = order_free_rms_norm(x, w_in, eps)
                qkv = w_qkv(h)  # (1, nq + 2 nk)
                qk = qkv[:, :nq + nk].view(hq + hk, d)
                qk = qk * cos + torch.cat((qk[..., half:], qk[..., :half]), dim=-1) * sin  # FastLlama.sin: signed
                ks[i].index_copy_(2, pos, qk[hq:].to(ks[i].dtype)[None, :, None])
                vs[i].index_copy_(2, pos, qkv[:, nq + nk:].view(1, hk, 1, d).to(vs[i].dtype))
                att = F.scaled_dot_product_attention(qk[None, :hq, None].to(ks[i].dtype), ks[i], vs[i],
                                                     attn_mask=mask[None, None, None], enable_gqa=True)
                x = x + w_o(att.reshape(1, nq).to(x.dtype))
                h = order_free_rms_norm(x, w_post, eps)
                gate, up = w_gu(h).chunk(2, dim=-1)
                x = x + w_down(F.silu(gate) * up)
            x = order_free_rms_norm(x, f.final_norm, eps)
            return lm_head(x)[0]

        self._compiled = torch.compile(step, fullgraph=True, options={"emulate_precision_casts": True})
        self._marked: set[int] = set()

    @torch.inference_mode()
    def step(self, token: int, cache, pos: int) -> torch.Tensor:
        """Logits (vocab,) after feeding `token` at position `pos` of `cache` (a KVCache of this model)."""
        if id(cache) not in self._marked:  # a cache's length is a symbol of the graph, not a constant in it
            for t in (*cache.k, *cache.v):
                torch._dynamo.mark_dynamic(t, 2)
            self._marked.add(id(cache))
            if len(self._marked) > 10_000:  # ids of caches long gone; only their count matters
                self._marked.clear()
        device = self.fast.device
        return self._compiled(torch.tensor([token], device=device), torch.tensor([pos], device=device),
                              cache.k, cache.v)

    def warm_up(self) -> float:
        """Compile now (seconds taken): two steps on a scratch cache."""
        start = time.perf_counter()
        cache = self.fast.new_cache(2 * DECODE_KEY_BLOCK)
        self.step(1, cache, 0)
        self.step(2, cache, 1)
        return time.perf_counter() - start


def compile_step(fast) -> CompiledStep | None:
    """A warmed-up CompiledStep for `fast`, or None (logged) where this torch or machine cannot compile it."""
    try:
        compiled = CompiledStep(fast)
        seconds = compiled.warm_up()
    except Exception as e:  # noqa: BLE001 - any compile failure: the eager step still works
        log.warning("compiling the decode step failed (%s: %s); decoding eagerly", type(e).__name__,
                    str(e).splitlines()[0] if str(e) else "")
        return None
    log.info("compiled the decode step in %.1f s", seconds)
    return compiled


def compile_in_background(fast, on_ready: Callable[[CompiledStep | None], None]) -> threading.Thread:
    """Compile `fast`'s step in a daemon thread and hand the result (None: it failed) to `on_ready`.

    The caller keeps decoding with the eager step meanwhile and switches between two steps: the compiled
    step gives the eager step's logits bit for bit, so a reply does not change where the switch falls. For
    that the eager paths take the graph's norm now, before the thread starts (see CompiledStep)."""
    fast.norm_as_compiled()
    thread = threading.Thread(target=lambda: on_ready(compile_step(fast)), name="compile-decode-step", daemon=True)
    thread.start()
    return thread
