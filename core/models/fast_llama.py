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
- `F.rms_norm` (one kernel) instead of six elementwise operations;
- no attention mask for single-token steps (causality is implied by the cache length).

Optional further step: `compile=True` wraps the single-token step in `torch.compile`
(see docs/generation.md for what it costs and gains here).

The math is the transformers Llama forward (see transformers/models/llama/modeling_llama.py);
tests/test_chat_local.py checks that greedy decoding matches `model.generate` token for
token in float32.
"""
from __future__ import annotations

import logging

import torch
import torch.nn.functional as F

log = logging.getLogger(__name__)


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
        self.embed = inner.embed_tokens.weight
        self.final_norm = inner.norm.weight
        self.lm_head = model.lm_head.weight  # tied to embed for SmolLM2: same tensor
        self.layers = []
        for layer in inner.layers:
            att, mlp = layer.self_attn, layer.mlp
            self.layers.append((
                layer.input_layernorm.weight,
                _fuse([att.q_proj, att.k_proj, att.v_proj]),
                att.o_proj.weight,
                layer.post_attention_layernorm.weight,
                _fuse([mlp.gate_proj, mlp.up_proj]),
                mlp.down_proj.weight,
            ))
        theta = cfg.rope_parameters.get("rope_theta", 10000.0)
        inv_freq = 1.0 / (theta ** (torch.arange(0, self.head_dim, 2, dtype=torch.int64).float() / self.head_dim))
        freqs = torch.outer(torch.arange(self.max_len, dtype=torch.float32), inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)  # same layout as transformers' rotate_half
        self.cos = emb.cos().to(self.device, self.dtype)
        self.sin = emb.sin().to(self.device, self.dtype)
        self._step = self._forward

    def new_cache(self, length: int) -> "KVCache":
        return KVCache(len(self.layers), self.n_kv, min(length, self.max_len), self.head_dim,
                       self.dtype, self.device)

    @torch.inference_mode()
    def prefill(self, ids: torch.Tensor, cache: "KVCache") -> torch.Tensor:
        """Logits (vocab,) for the token after `ids` (1-D or (1, T)); fills `cache`."""
        ids = ids.reshape(1, -1).to(self.device)
        return self._forward(ids, cache, 0)

    @torch.inference_mode()
    def step(self, token: int, cache: "KVCache", pos: int) -> torch.Tensor:
        """Logits (vocab,) after feeding `token` at position `pos`."""
        ids = torch.tensor([[token]], device=self.device)
        return self._step(ids, cache, pos)

    def compile(self) -> None:
        """torch.compile the single-token step (first call pays the compile time)."""
        self._step = torch.compile(self._forward, dynamic=True, fullgraph=False)

    def _forward(self, ids: torch.Tensor, cache: "KVCache", pos: int) -> torch.Tensor:
        T = ids.shape[1]
        end = pos + T
        hq, hk, d = self.n_heads, self.n_kv, self.head_dim
        nq, nk = hq * d, hk * d
        cos, sin = self.cos[pos:end], self.sin[pos:end]
        x = F.embedding(ids, self.embed)  # (1, T, hidden)
        for i, (w_in, w_qkv, w_o, w_post, w_gu, w_down) in enumerate(self.layers):
            h = F.rms_norm(x, (x.shape[-1],), w_in, self.eps)
            qkv = F.linear(h, w_qkv)  # (1, T, nq + 2 nk)
            qk = qkv[..., :nq + nk].view(1, T, hq + hk, d)
            half = d // 2
            rotated = torch.cat((-qk[..., half:], qk[..., :half]), dim=-1)
            qk = qk * cos[:, None, :] + rotated * sin[:, None, :]  # rotary, q and k at once
            q = qk[:, :, :hq].transpose(1, 2)  # (1, hq, T, d)
            k_cache, v_cache = cache.k[i], cache.v[i]
            k_cache[:, :, pos:end] = qk[:, :, hq:].transpose(1, 2)
            v_cache[:, :, pos:end] = qkv[..., nq + nk:].view(1, T, hk, d).transpose(1, 2)
            att = F.scaled_dot_product_attention(
                q, k_cache[:, :, :end], v_cache[:, :, :end], is_causal=T > 1, enable_gqa=True)
            x = x + F.linear(att.transpose(1, 2).reshape(1, T, nq), w_o)
            h = F.rms_norm(x, (x.shape[-1],), w_post, self.eps)
            gate, up = F.linear(h, w_gu).chunk(2, dim=-1)
            x = x + F.linear(F.silu(gate) * up, w_down)
        x = F.rms_norm(x[:, -1], (x.shape[-1],), self.final_norm, self.eps)
        return F.linear(x, self.lm_head)[0]


class KVCache:
    """Keys and values of one request, preallocated for its whole length."""

    def __init__(self, layers: int, kv_heads: int, length: int, head_dim: int,
                 dtype: torch.dtype, device: torch.device):
        shape = (1, kv_heads, length, head_dim)
        self.k = [torch.empty(shape, dtype=dtype, device=device) for _ in range(layers)]
        self.v = [torch.empty(shape, dtype=dtype, device=device) for _ in range(layers)]
