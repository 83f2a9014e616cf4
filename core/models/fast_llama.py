"""A lean decode path for Llama-architecture models (the bundled SmolLM2 is one).

Generating one token with a 135M model is a few hundred tiny matrix-vector products,
so on a CPU the time goes as much to per-operation overhead (Python, module calls,
the generic cache object, masks) as to arithmetic. This module runs the same weights
as the transformers model, with far fewer operations per token:

- q, k, v projections fused into one matmul, gate and up into another (the transformers
  module's weights become views into the fused tensors, so no memory is duplicated and
  the transformers model keeps working);
- one preallocated key/value buffer per request, written in place (no cache object);
- rotary embedding for q and k in one go, from a precomputed cos/sin table;
- `F.rms_norm` (one kernel) instead of six elementwise operations (with a compiled step, the
  order-free `order_free_rms_norm` instead, which the compiled graph reproduces bit for bit);
- no causal mask for single-token steps (causality is implied by the cache length);
- keys and values kept in float32 on a CPU without native bfloat16 arithmetic (AVX2), even when
  the weights and activations are bfloat16: there a bfloat16 attention matmul runs several times
  slower than a float32 one, and attention is what grows with the context (measured: 3.0 ms vs
  0.3 ms per layer at 300 positions; #15). A CPU with native bfloat16 runs a decode step's attention
  as one fused call (`decode_attention`), over a bfloat16 cache where it has AMX tiles and a float32
  one where it has AVX512-BF16 alone (AMD Zen 4: there the fused bfloat16 kernel is 6x slower).

On a CPU, decoding one token is bound by memory bandwidth: every weight is read once per
token. `quantize_int4()` therefore stores the projection weights as 4-bit integers in
groups of 32 with a bfloat16 scale and zero per group (torch's own CPU kernel,
`aten._weight_int4pack_mm_for_cpu`), and the output projection as int8 per row
(`aten._weight_int8pack_mm`): a third of the bytes of bfloat16. For the bundled model this
is no new loss: its GGUF already stores these weights as Q4_1 (4 bits, groups of 32,
a scale and a minimum each), so the groups map back onto the same grid; the token
embedding / output matrix is Q8_0 there. docs/generation.md has the measurements.

The math is the transformers Llama forward (see transformers/models/llama/modeling_llama.py).
tests/test_fast_llama.py checks the logits against the transformers forward on tiny random
Llama configs (multi-head, grouped-query and multi-query attention, untied output head, a head
size other than hidden/heads); tests/test_chat_local.py checks that greedy decoding of the
bundled model matches `model.generate` token for token in float32. Models this module does
not reproduce (`supports()` is False), or a torch build without the int4 operators, fall
back to the transformers forward; `LocalChatModel.decode_path` says which path runs.
"""
from __future__ import annotations

import logging

import torch
import torch.nn.functional as F

log = logging.getLogger(__name__)


# torch's CPU kernels for quantize_int4(): private aten operators, so a torch build may lack them.
QUANTIZED_OPERATORS = ("_convert_weight_to_int4pack_for_cpu", "_weight_int4pack_mm_for_cpu", "_weight_int8pack_mm")


def missing_operators(names: tuple[str, ...] | None = None) -> list[str]:
    """The aten operators among `names` (default: QUANTIZED_OPERATORS) this torch build lacks."""
    return [n for n in (QUANTIZED_OPERATORS if names is None else names) if not hasattr(torch.ops.aten, n)]


def supports(model: torch.nn.Module) -> bool:
    """True when `model` is a plain Llama decoder this module reproduces exactly."""
    cfg = getattr(model, "config", None)
    if cfg is None or getattr(cfg, "model_type", None) != "llama":
        return False
    rope = getattr(cfg, "rope_parameters", None) or {}
    return (rope.get("rope_type", "default") == "default"
            and not getattr(cfg, "attention_bias", False)
            and not getattr(cfg, "mlp_bias", False)
            and getattr(cfg, "hidden_act", "silu") == "silu"
            and getattr(cfg, "pretraining_tp", 1) == 1)


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512-BF16 or AMX tiles)."""
    checks = (getattr(torch.cpu, "_is_avx512_bf16_supported", None), getattr(torch.cpu, "_is_amx_tile_supported", None))
    return any(check is not None and check() for check in checks)


def amx_tiles() -> bool:
    """Whether this CPU has AMX tiles (what torch's CPU flash attention needs for a fast bfloat16 kernel)."""
    check = getattr(torch.cpu, "_is_amx_tile_supported", None)
    return check is not None and check()


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float) -> torch.Tensor:
    """Llama's RMS norm over the last dimension: torch's kernel (the eager default)."""
    return F.rms_norm(x, (x.shape[-1],), weight, eps)


def order_free_rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float) -> torch.Tensor:
    """Llama's RMS norm with the mean of squares summed in float64: what a model with a compiled step uses.

    `F.rms_norm` sums the squares in float32, and inductor's fused reduction (the compiled step) sums
    them in another order than torch's kernel: 1 bfloat16 norm in 300 came out one unit apart, enough to
    change a greedy reply of the bundled model within 20 tokens (Xeon with AMX, #15 round 25). Squares of
    bfloat16 values are exact in float32 and their float64 sum is all but exact, so its float32 rounding
    is the same in any order: eager, batched and compiled steps agree bit for bit (3,000 of 3,000 random
    rows; F.rms_norm differs from it in 14, in the last bit). Not the eager default: its extra operators
    cost ~5 us a call, 61 calls a step (eager decode 69-71 vs 72-75 tok/s)."""
    xf = x.float()
    mean_square = xf.double().square().mean(-1, keepdim=True).float()
    return (xf * torch.rsqrt(mean_square + eps) * weight).to(x.dtype)


class Dense:
    """y = x W^T with a plain floating-point weight."""

    def __init__(self, weight: torch.Tensor):
        self.weight = weight

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.weight)


class Int4Linear:
    """y = x W^T with W as 4-bit integers, asymmetric per group of `group` inputs.

    torch's CPU kernel computes w = (q - 8) * scale + zero, so the GGUF-style
    w = q * d + min becomes scale = d, zero = min + 8 d.
    """

    def __init__(self, weight: torch.Tensor, group: int = 32):
        n, k = weight.shape
        if k % group:
            raise ValueError(f"in_features={k} is not a multiple of the group size {group}")
        w = weight.detach().float().view(n, k // group, group)
        low, high = w.amin(-1), w.amax(-1)
        d = ((high - low) / 15).clamp_min(1e-12)
        q = ((w - low[..., None]) / d[..., None]).round().clamp(0, 15).to(torch.int32).view(n, k)
        self.packed = torch.ops.aten._convert_weight_to_int4pack_for_cpu(q, 1)
        self.scale_zero = torch.stack([d.t(), (low + 8 * d).t()], dim=-1).to(torch.bfloat16).contiguous()
        self.group, self.out_features = group, n

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        flat = x.reshape(-1, x.shape[-1])
        y = torch.ops.aten._weight_int4pack_mm_for_cpu(flat, self.packed, self.group, self.scale_zero)
        return y.view(*x.shape[:-1], self.out_features)


class Int8Linear:
    """y = x W^T with W as int8, one symmetric scale per output row."""

    def __init__(self, weight: torch.Tensor):
        w = weight.detach().float()
        scale = (w.abs().amax(-1) / 127).clamp_min(1e-12)
        self.weight = (w / scale[:, None]).round().clamp(-127, 127).to(torch.int8).contiguous()
        self.scale = scale.to(torch.bfloat16)

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        flat = x.reshape(-1, x.shape[-1])
        y = torch.ops.aten._weight_int8pack_mm(flat, self.weight, self.scale)
        return y.view(*x.shape[:-1], self.weight.shape[0])


class PackedBFloat16Linear:
    """y = x W^T with the bfloat16 W packed once for oneDNN, whose kernels run on AMX tiles where the CPU has
    them. Measured as the output matrix on such a CPU (#15 round 26, `quantize_int4(head="bf16-amx")`): int8's
    kernel costs time per row (6.2 ms a step for 8 requests), this one about the same for 1 row and 8 (8 streams
    1.08x), and it is the model's own weight (teacher-forced KL to float32 halved, round 27): the default output
    matrix where the CPU has AMX. A row's result does not depend on the other rows (batches of 1, 3 and 8 checked).
    Inductor cannot lower it: a compiled step needs another output matrix."""

    def __init__(self, weight: torch.Tensor):
        self.packed = torch.ops.mkldnn._reorder_linear_weight(weight.detach().to(torch.bfloat16).contiguous(), None)
        self.out_features = weight.shape[0]

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        flat = x.reshape(-1, x.shape[-1])
        y = torch.ops.mkldnn._linear_pointwise(flat, self.packed, None, "none", [], "")
        return y.view(*x.shape[:-1], self.out_features)


def packed_bfloat16_available() -> bool:
    """Whether this torch build and CPU run PackedBFloat16Linear on AMX tiles."""
    return (amx_tiles() and torch.backends.mkldnn.is_available()
            and hasattr(torch.ops.mkldnn, "_reorder_linear_weight") and hasattr(torch.ops.mkldnn, "_linear_pointwise"))


def _fuse(linears: list[torch.nn.Linear]) -> torch.Tensor:
    """Concatenate the weights of `linears` and make each module's weight a view into it."""
    fused = torch.cat([lin.weight.detach() for lin in linears]).contiguous()
    start = 0
    for lin in linears:
        rows = lin.weight.shape[0]
        lin.weight.data = fused[start:start + rows]  # same storage: nothing is duplicated
        start += rows
    return fused


class FastLlama:
    """Prefill + single-token steps over a transformers LlamaForCausalLM's weights.

    Thread-safe for concurrent requests: weights are read-only and every request owns
    its `KVCache`.
    """

    def __init__(self, model: torch.nn.Module):
        if not supports(model):
            raise ValueError(f"FastLlama supports plain Llama models, not {type(model).__name__}")
        cfg = model.config
        self.n_heads = cfg.num_attention_heads
        self.n_kv = cfg.num_key_value_heads
        self.head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // self.n_heads
        self.eps = cfg.rms_norm_eps
        self.max_len = cfg.max_position_embeddings
        inner = model.model
        self.dtype = inner.embed_tokens.weight.dtype
        self.device = inner.embed_tokens.weight.device
        native = self.device.type == "cpu" and self.dtype == torch.bfloat16 and native_bfloat16()
        # Keys and values are bfloat16 values already (the projections' output); a float32 cache only
        # widens them. On a CPU without native bfloat16 it pays: attention matmuls in float32 are several
        # times faster there. On one with native bfloat16 the cache stays bfloat16 (half the bytes a
        # decode step reads: at a 700-token RAG context, 8 requests' keys and values are 258 MB a step in
        # float32), and decode attention runs as one fused kernel for the whole batch (`decode_attention`).
        # That fast bfloat16 attention needs AMX tiles: with AVX512-BF16 alone (AMD Zen 4) torch's flash
        # attention for one query over a bfloat16 cache took 315 us per layer at 320 positions against 49 us
        # in float32 (1 thread; it was 45 % of a decode step at a 300-token context, #15 round 23). There
        # the cache is float32 and the same fused kernel runs in float32.
        self.cache_dtype = self.dtype if (native and amx_tiles()) or self.device.type != "cpu" else torch.float32
        self.fused_decode_attention = native
        # A prompt's attention (prefill) in bfloat16 where the CPU computes it natively: its q, k, v
        # are bfloat16 values already (the cache only widens them) and its output is rounded to
        # bfloat16 next, so only the kernel's inner sums change; it ran 2.5x faster (a 1100-token
        # RAG prompt: 1.43 -> 0.58 s over 30 layers, one thread), and that attention was half of the
        # prefill that each visitor's answer waits for (#15).
        self.prefill_attention_dtype = torch.bfloat16 if native else self.cache_dtype
        self.embed = inner.embed_tokens.weight
        self.final_norm = inner.norm.weight
        # torch's kernel; a compiled step switches every path to order_free_rms_norm (compiled_step.py)
        self.rms_norm = rms_norm
        self.lm_head = Dense(model.lm_head.weight)  # tied to embed for SmolLM2: same tensor
        self.layers = []
        for layer in inner.layers:
            att, mlp = layer.self_attn, layer.mlp
            self.layers.append([
                layer.input_layernorm.weight,
                Dense(_fuse([att.q_proj, att.k_proj, att.v_proj])),
                Dense(att.o_proj.weight),
                layer.post_attention_layernorm.weight,
                Dense(_fuse([mlp.gate_proj, mlp.up_proj])),
                Dense(mlp.down_proj.weight),
            ])
        theta = cfg.rope_parameters.get("rope_theta", 10000.0)
        inv_freq = 1.0 / (theta ** (torch.arange(0, self.head_dim, 2, dtype=torch.int64).float() / self.head_dim))
        freqs = torch.outer(torch.arange(self.max_len, dtype=torch.float32), inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)  # same layout as transformers' rotate_half
        self.cos = emb.cos().to(self.device, self.dtype)
        # rotate_half(x) * sin = cat(-x2, x1) * sin = cat(x2, x1) * cat(-sin1, sin2): the sign lives in the table
        # (bit for bit the same products), one operation fewer per layer and token
        half = self.head_dim // 2
        self.sin = torch.cat((-emb[:, :half].sin(), emb[:, half:].sin()), dim=-1).to(self.device, self.dtype)
        self.quantized = None
        # The projections a prompt's prefill runs on, and its activations' dtype. Same as decode's
        # until quantize_int4().
        self.prefill_layers = self.layers
        self.prefill_dtype = self.dtype

    def norm_as_compiled(self) -> None:
        """Every eager path (a prompt's prefill, the single and the batched step) norms from now on as a compiled
        step's graph does (`order_free_rms_norm`), so that eager and compiled steps agree bit for bit."""
        self.rms_norm = order_free_rms_norm

    def quantize_int4(self, group: int = 32, head: str = "auto", prefill: str | None = None) -> None:
        """4-bit projections; the output matrix as `head` (auto | int8 | int4 | bf16-amx | none). bf16-amx: the
        model's bfloat16 weight packed for oneDNN, CPUs with AMX tiles only; auto picks it there (#15 round 27:
        8 streams 1.08x, one stream 0.99x, KL to float32 halved) and int8 elsewhere.

        CPU and bfloat16 activations only (the kernels' contract). `prefill`: the weights a prompt's
        prefill runs on — "bfloat16" (the model's own), "float32" (a float32 copy) or "int4" (the
        decode weights); None picks bfloat16 where the CPU computes it natively, else float32."""
        if head not in ("auto", "int8", "int4", "bf16-amx", "none"):
            raise ValueError(f"head must be auto, int8, int4, bf16-amx or none, got {head!r}")
        if head == "auto":
            head = "bf16-amx" if packed_bfloat16_available() else "int8"
        if head == "bf16-amx" and not packed_bfloat16_available():
            raise ValueError("head='bf16-amx' needs a CPU with AMX tiles and torch's oneDNN operators")
        if prefill not in (None, *PREFILL_WEIGHTS):
            raise ValueError(f"prefill must be one of {PREFILL_WEIGHTS}, got {prefill!r}")
        if self.device.type != "cpu" or self.dtype != torch.bfloat16:
            raise ValueError(f"int4 weights need a bfloat16 model on the CPU, not {self.dtype} on {self.device}")
        if missing := missing_operators():
            raise RuntimeError(f"this torch build ({torch.__version__}) lacks the operators {missing}")
        # torch's int4 CPU kernel costs time in proportion to the rows it multiplies: on a CPU
        # with native bfloat16 (AVX512-BF16/AMX), a 576 -> 3072 projection took 0.08 ms for 1 row
        # and 2.5 ms for 64 in int4, 0.21 and 0.43 ms in bfloat16 (one thread), and a 700-token
        # RAG prompt's prefill 4.4 s in int4 against 0.6 s in bfloat16. So there a prefill keeps
        # the bfloat16 projections and decode (one row per request) runs int4. These are the
        # model's own weights (its modules' weights are views into them): no extra memory
        # while the model is loaded. Without native bfloat16 a bfloat16 matmul is slower still
        # (199 ms for 576 rows of that projection, two threads, AVX2), but a float32 one takes
        # 27.8 ms against int4's 53.2 ms: there the prefill runs on a float32 copy of the
        # projections (4 bytes a weight: 425 MB for the bundled model), with float32 activations.
        if prefill is None:
            prefill = "bfloat16" if native_bfloat16() else "float32"
        if prefill == "bfloat16":
            self.prefill_layers = [list(layer) for layer in self.layers]
        elif prefill == "float32":
            self.prefill_layers = [[w.float() if isinstance(w, torch.Tensor) else Dense(w.weight.float())
                                    for w in layer] for layer in self.layers]
            self.prefill_dtype = torch.float32
        else:
            self.prefill_layers = self.layers
        for layer in self.layers:
            for i in (1, 2, 4, 5):
                layer[i] = Int4Linear(layer[i].weight, group)
        if head == "int8":
            self.lm_head = Int8Linear(self.lm_head.weight)
        elif head == "int4":
            self.lm_head = Int4Linear(self.lm_head.weight, group)
        elif head == "bf16-amx":
            self.lm_head = PackedBFloat16Linear(self.lm_head.weight)
        self.quantized = f"int4 (groups of {group}), {head} output, {prefill} prefill"

    def new_cache(self, length: int) -> KVCache:
        length = min(length, self.max_len)
        if self.fused_decode_attention:  # decode_attention reads whole key blocks: room for them, zeroed
            length = round_up(length, DECODE_KEY_BLOCK)
        return KVCache(len(self.layers), self.n_kv, length, self.head_dim, self.cache_dtype, self.device,
                       zeroed=self.fused_decode_attention)

    @torch.inference_mode()
    def prefill(self, ids: torch.Tensor, cache: KVCache, start: int = 0) -> torch.Tensor:
        """Logits (vocab,) for the token after `ids` (1-D or (1, T)); fills `cache`.

        `start` > 0: `ids` continue a prompt whose first `start` positions the cache holds already
        (a stored prefix, core/models/prefix_cache.py); they go at positions start, start + 1, ..."""
        ids = ids.reshape(1, -1).to(self.device)
        return self._forward(ids, cache, start, self.prefill_layers, prompt=True)

    @torch.inference_mode()
    def step(self, token: int, cache: KVCache, pos: int) -> torch.Tensor:
        """Logits (vocab,) after feeding `token` at position `pos`."""
        ids = torch.tensor([[token]], device=self.device)
        return self._forward(ids, cache, pos, self.layers)

    def _forward(self, ids: torch.Tensor, cache: KVCache, pos: int, layers: list, prompt: bool = False) -> torch.Tensor:
        T = ids.shape[1]
        end = pos + T
        hq, hk, d = self.n_heads, self.n_kv, self.head_dim
        nq, nk = hq * d, hk * d
        cos, sin = self.cos[pos:end, None, :], self.sin[pos:end, None, :]  # (T, 1, d), once for every layer
        x = F.embedding(ids, self.embed).to(self.prefill_dtype if prompt else self.dtype)  # (1, T, hidden)
        one = T == 1 and not (prompt and pos)  # a single new token's attention (not a prompt's)
        mask = self.decode_mask([end]) if one and self.fused_decode_attention else None  # once, not per layer
        half = d // 2
        for i, (w_in, w_qkv, w_o, w_post, w_gu, w_down) in enumerate(layers):
            h = self.rms_norm(x, w_in, self.eps)
            qkv = w_qkv(h)  # (1, T, nq + 2 nk)
            qk = qkv[..., :nq + nk].view(1, T, hq + hk, d)
            qk = qk * cos + torch.cat((qk[..., half:], qk[..., :half]), dim=-1) * sin  # rotary, q and k at once
            k_cache, v_cache = cache.k[i], cache.v[i]
            k_cache[:, :, pos:end] = qk[:, :, hq:].transpose(1, 2)
            v_cache[:, :, pos:end] = qkv[..., nq + nk:].view(1, T, hk, d).transpose(1, 2)
            if one and self.fused_decode_attention:
                att = self.decode_attention(qk[:, 0, :hq], k_cache, v_cache, mask)[:, None]
            elif one:
                att = self.one_query_attention(qk[0, 0, :hq], k_cache[0, :, :end], v_cache[0, :, :end])
            else:
                att = self.prompt_attention(qk[:, :, :hq].transpose(1, 2), k_cache[:, :, :end], v_cache[:, :, :end],
                                            pos).transpose(1, 2)
            x = x + w_o(att.to(x.dtype).reshape(1, T, nq))
            h = self.rms_norm(x, w_post, self.eps)
            gate, up = w_gu(h).chunk(2, dim=-1)
            x = x + w_down(F.silu(gate) * up)
        x = self.rms_norm(x[:, -1].to(self.dtype), self.final_norm, self.eps)
        return self.lm_head(x)[0]

    def prompt_attention(self, q: torch.Tensor, keys: torch.Tensor, values: torch.Tensor, pos: int) -> torch.Tensor:
        """Causal attention of a prompt's queries q (1, heads, T, d), at positions pos..pos+T-1, over
        keys, values (1, kv_heads, pos+T, d) -> (1, heads, T, d).

        On the CPU each query's result is made independent of how the prompt was cut into prefill
        calls, so that a stored prefix + the rest equals one pass bit for bit (prefix_cache.py):
        torch's CPU flash-attention kernel walks the keys in blocks of min(512, keys) and the queries
        in blocks of 32/64/256, and a block of 1-3 queries takes another matmul path. So the keys
        are zero-padded to a multiple of 512 and the queries padded so no query block has 1-3 rows;
        padded keys are masked (exact zeros in every sum) and padded queries' rows are dropped."""
        T, end = q.shape[2], keys.shape[2]
        dt = self.prefill_attention_dtype
        if self.device.type == "cpu":
            rows = padded_query_rows(T)
            q = F.pad(q, (0, 0, 0, rows - T))
            length = round_up(end, KEY_BLOCK)
            keys, values = (F.pad(t, (0, 0, 0, length - end)) for t in (keys, values))
        else:
            rows, length = T, end
        q, keys, values = q.to(dt), keys.to(dt), values.to(dt)
        if pos == 0:  # query i sees keys 0..i (torch's is_causal aligns the mask top-left)
            att = F.scaled_dot_product_attention(q, keys, values, is_causal=True, enable_gqa=True)
        else:  # query i is at position pos + i: it sees keys 0..pos+i
            mask = torch.ones(rows, length, dtype=torch.bool, device=q.device).tril(pos)
            att = F.scaled_dot_product_attention(q, keys, values, attn_mask=mask, enable_gqa=True)
        return att[:, :, :T]

    def decode_mask(self, lengths: list[int]) -> tuple[int, torch.Tensor]:
        """For `decode_attention`: how many key positions a step reads (the longest request's length
        rounded up to DECODE_KEY_BLOCK), and the additive mask (B, 1, 1, that) hiding each request's
        positions past its own length. Built once per step, not once per layer."""
        longest = round_up(max(lengths), DECODE_KEY_BLOCK)
        hidden = torch.arange(longest, device=self.device) >= torch.tensor(lengths, device=self.device)[:, None]
        mask = torch.zeros(hidden.shape, dtype=self.cache_dtype, device=self.device).masked_fill_(hidden, float("-inf"))
        return longest, mask[:, None, None, :]

    def decode_attention(self, q: torch.Tensor, k_cache: torch.Tensor, v_cache: torch.Tensor,
                         mask: tuple[int, torch.Tensor]) -> torch.Tensor:
        """Attention of one new token per request: q (B, heads, d), request b seeing the first lengths[b]
        positions of its keys and values k_cache[b], v_cache[b] (kv_heads, >= length, d) -> (B, heads * d);
        `mask` = decode_mask(lengths).

        One fused kernel call for the whole batch (torch's CPU flash attention, bfloat16 in, float32
        sums) instead of a few small matmuls per request, which at RAG contexts were half of an 8-request
        step. Every request reads the keys up to the longest request's length (rounded up to
        DECODE_KEY_BLOCK), the positions past its own length masked. Masked positions add exact zeros
        to the kernel's sums, so a request's result does not depend on the other requests' lengths:
        batched equals alone, bit for bit (measured on 867 rows of random batches, 1-2 threads, and
        checked by tests/test_decode_attention.py). That is why the caches hold zeros, not garbage, where
        nothing was written yet: a masked NaN would still poison the sums (0 * NaN)."""
        B = q.shape[0]
        longest, additive = mask
        keys, values = k_cache[:B, :, :longest], v_cache[:B, :, :longest]
        if keys.shape[2] < longest:  # a context that is not a multiple of DECODE_KEY_BLOCK: pad its end
            keys, values = (F.pad(t, (0, 0, 0, longest - t.shape[2])) for t in (keys, values))
        att = F.scaled_dot_product_attention(q[:, :, None].to(keys.dtype), keys, values, attn_mask=additive,
                                             enable_gqa=True)
        return att.reshape(B, self.n_heads * self.head_dim)

    def one_query_attention(self, q: torch.Tensor, keys: torch.Tensor, values: torch.Tensor) -> torch.Tensor:
        """Attention of one new token: q (heads, d) over keys, values (kv_heads, length, d) -> (heads * d,).

        Two small matmuls and a softmax: the fused SDPA kernel is built for long queries; for
        one query it measured about twice as slow here. Query heads are grouped by the key/value
        head they share (grouped-query attention) instead of repeating the keys. The batched
        decode step (batched_decode.py) calls this same function per request, so a request's
        result does not depend on what else is in the batch."""
        group = self.n_heads // self.n_kv
        q = q.reshape(self.n_kv, group, self.head_dim).to(keys.dtype) * self.head_dim ** -0.5
        weights = torch.softmax(torch.matmul(q, keys.transpose(-1, -2)), dim=-1, dtype=torch.float32)
        out = torch.matmul(weights.to(values.dtype), values)  # (n_kv, group, d)
        return out.reshape(self.n_heads * self.head_dim)


# The weights a prompt's prefill can run on (FastLlama.quantize_int4's `prefill`).
PREFILL_WEIGHTS = ("bfloat16", "float32", "int4")

# torch's CPU flash attention (aten/src/ATen/native/cpu/FlashAttentionKernel.cpp) splits the keys
# into blocks of min(512, keys) and the queries into blocks of 32 (< 192 queries), 64 (< 768) or 256.
KEY_BLOCK = 512
# A decode step's keys are read up to the longest request's length rounded up to this (few shapes).
DECODE_KEY_BLOCK = 64


def round_up(n: int, block: int) -> int:
    return -(-n // block) * block


def padded_query_rows(rows: int) -> int:
    """`rows` or a few more, so that the kernel's last query block does not have 1-3 rows (such a
    block's matmul takes another path, whose sums round differently: measured, torch 2.13 CPU)."""
    while (tail := rows % (256 if rows >= 768 else 64 if rows >= 192 else 32)) in (1, 2, 3):
        rows += 4 - tail
    return rows


class KVCache:
    """Keys and values of one request, preallocated for its whole length."""

    def __init__(self, layers: int, kv_heads: int, length: int, head_dim: int,
                 dtype: torch.dtype, device: torch.device, zeroed: bool = False):
        shape = (1, kv_heads, length, head_dim)
        new = torch.zeros if zeroed else torch.empty
        self.k = [new(shape, dtype=dtype, device=device) for _ in range(layers)]
        self.v = [new(shape, dtype=dtype, device=device) for _ in range(layers)]
