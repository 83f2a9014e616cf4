"""Single-stream decode of the bundled model by decode path, in one process on the same weights (#15 round 23).

    taskset -c 1 env GENAI_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python benchmarks/decode_paths.py --runs 5

Paths (rows), all on the default int4 weights of the bundled model, one `LocalChatModel`:
  eager-bf16-attn  main's single-request loop (GENAI_LLM_MAX_BATCH=1) on a CPU with AVX512-BF16: FastLlama.step,
                   bfloat16 cache, one fused bfloat16 attention call per layer
  eager-f32-attn   the same fused attention call over a float32 cache (float32 kernel)
  whole-*          the step as ONE torch.compile'd graph (core/models/compiled_step.py, GENAI_LLM_COMPILE=on)
  layers-*         a prototype: everything between two attention calls (o projection, residual, norm, MLP,
                   the next layer's norm, qkv projection and rotary) as one torch.compile'd function per
                   layer (inductor, static shapes); cache writes and attention stay eager
  engine-<step>-*  the same steps inside the batching engine with one request (the default loop, max batch 8)

Each run streams greedy tokens for a prompt through `LocalChatModel.token_ids` (prefix cache off, so every
first token includes the whole prefill); runs are interleaved (A B C A B C ...). Per path: median time to the
first token, median decode tokens/s ((tokens - 1) / (last - first)), both as ratios to main's path in the same
loop (eager-bf16-attn, engine-eager-bf16-attn), and whether its token ids equal that path's. `--profile` instead prints torch.profiler's operator table for 20 steps of the first path at a
`--context`-token context. The machine need not be idle for the ratios; absolute figures need one.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import PROMPT  # noqa: E402
from core.models.chat import LocalChatModel  # noqa: E402
from core.models.compiled_step import CompiledStep  # noqa: E402
from core.models.generation_engine import GenerationEngine  # noqa: E402
from core.models.sampling import SamplingParams  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def heldout_prompt() -> list[dict]:
    """~300 tokens of the sample corpus as context, then a question (the held-out prompt)."""
    text = (ROOT / "assets/rag_corpus/genai_studio_guide.md").read_text()[:1200]
    return [{"role": "system", "content": "Answer from the context."},
            {"role": "user", "content": f"Context:\n{text}\n\nQuestion: what can a user do with this suite? "
                                        "Explain in detail."}]


def int4(x, packed, scale_zero, group: int = 32):
    """Int4Linear's product; scale_zero is (in / group, out, 2)."""
    return torch.ops.aten._weight_int4pack_mm_for_cpu(x.reshape(-1, x.shape[-1]), packed, group, scale_zero) \
        .view(*x.shape[:-1], scale_zero.shape[1])


class LayerCompiled:
    """FastLlama.step for one token with the code between two attention calls compiled (see the docstring)."""

    def __init__(self, fast, emulate_casts: bool = True):
        import torch._inductor.config as inductor_config

        inductor_config.emulate_precision_casts = emulate_casts  # round bfloat16 where eager rounds
        self.fast = fast
        f = fast
        hq, hk, d = f.n_heads, f.n_kv, f.head_dim
        nq, nk, half, eps = hq * d, hk * d, d // 2, f.eps

        def pre(x, w_in, qkv_p, qkv_s, cos, sin):  # norm, qkv, rotary: (qk (hq + hk, d), v (hk, d))
            h = F.rms_norm(x, (x.shape[-1],), w_in, eps)
            qkv = int4(h, qkv_p, qkv_s)
            qk = qkv[..., :nq + nk].view(hq + hk, d)
            qk = qk * cos + torch.cat((qk[..., half:], qk[..., :half]), dim=-1) * sin
            return qk, qkv[..., nq + nk:].view(hk, d)

        def mlp(x, att, o_p, o_s, w_post, gu_p, gu_s, down_p, down_s):
            x = x + int4(att.to(x.dtype), o_p, o_s)
            h = F.rms_norm(x, (x.shape[-1],), w_post, eps)
            gate, up = int4(h, gu_p, gu_s).chunk(2, dim=-1)
            return x + int4(F.silu(gate) * up, down_p, down_s)

        def between(x, att, o_p, o_s, w_post, gu_p, gu_s, down_p, down_s, w_in, qkv_p, qkv_s, cos, sin):
            x = mlp(x, att, o_p, o_s, w_post, gu_p, gu_s, down_p, down_s)
            return (x, *pre(x, w_in, qkv_p, qkv_s, cos, sin))

        def tail(x, att, o_p, o_s, w_post, gu_p, gu_s, down_p, down_s, w_final):
            x = mlp(x, att, o_p, o_s, w_post, gu_p, gu_s, down_p, down_s)
            return F.rms_norm(x, (x.shape[-1],), w_final, eps)

        self.pre = torch.compile(pre, dynamic=False, fullgraph=True)
        self.between = torch.compile(between, dynamic=False, fullgraph=True)
        self.tail = torch.compile(tail, dynamic=False, fullgraph=True)

    @torch.inference_mode()
    def step(self, token: int, cache, pos: int) -> torch.Tensor:
        f = self.fast
        hq = f.n_heads
        cos, sin = f.cos[pos].clone(), f.sin[pos].clone()  # (d,): fresh tensors, no storage offset to guard on
        x = f.embed[token][None]  # (1, hidden)
        mask = f.decode_mask([pos + 1]) if f.fused_decode_attention else None
        layers = f.layers
        first = layers[0]
        qk, v = self.pre(x, first[0], first[1].packed, first[1].scale_zero, cos, sin)
        for i, (_, _, w_o, w_post, w_gu, w_down) in enumerate(layers):
            k_cache, v_cache = cache.k[i], cache.v[i]
            k_cache[0, :, pos] = qk[hq:]
            v_cache[0, :, pos] = v
            if f.fused_decode_attention:
                att = f.decode_attention(qk[None, :hq], k_cache, v_cache, mask)
            else:
                att = f.one_query_attention(qk[:hq], k_cache[0, :, :pos + 1], v_cache[0, :, :pos + 1])[None]
            weights = (w_o.packed, w_o.scale_zero, w_post, w_gu.packed, w_gu.scale_zero, w_down.packed,
                       w_down.scale_zero)
            if i + 1 < len(layers):
                nxt = layers[i + 1]
                x, qk, v = self.between(x, att, *weights, nxt[0], nxt[1].packed, nxt[1].scale_zero, cos, sin)
            else:
                x = self.tail(x, att, *weights, f.final_norm)
        return f.lm_head(x)[0]


class Path_:
    def __init__(self, name: str, model: LocalChatModel, compiled):
        self.name, self.model, self.compiled = name, model, compiled
        self.engine_loop = name.startswith("engine-")
        self.cache_dtype = torch.bfloat16 if name.endswith("bf16-attn") else torch.float32
        self.engine = None

    def activate(self) -> None:
        fast = self.model.fast
        fast.cache_dtype, fast.fused_decode_attention = self.cache_dtype, True
        if self.engine_loop:  # the default LocalChatModel's loop: the batching engine, here with 1 request
            self.engine = self.engine or GenerationEngine(fast, self.model.stop_ids, 8, None, self.compiled)
            self.model.engine = self.engine
        else:
            self.model.engine = None
        self.model.compiled = self.compiled if not self.engine_loop else None
        fast.__dict__.pop("step", None)
        if isinstance(self.compiled, LayerCompiled):
            fast.step = self.compiled.step

    def run(self, messages, max_tokens: int) -> dict:
        self.activate()
        ids = self.model.prompt_ids(messages)
        tokens, times = [], []
        start = time.perf_counter()
        for token in self.model.token_ids(ids, max_tokens, SamplingParams(max_new_tokens=max_tokens)):
            times.append(time.perf_counter())
            tokens.append(token)
        return {"ttft": times[0] - start, "tps": (len(tokens) - 1) / (times[-1] - times[0]), "tokens": tokens,
                "prompt": ids.shape[1]}


def profile(path: Path_, context: int, steps: int = 20) -> None:
    from torch.profiler import ProfilerActivity
    from torch.profiler import profile as torch_profile

    path.activate()
    fast = path.model.fast
    step = path.compiled.step if path.compiled is not None else fast.step
    cache = fast.new_cache(context + steps + 30)
    logits = fast.prefill(torch.randint(100, 20000, (context,), generator=torch.Generator().manual_seed(0)), cache)
    pos, token = context, int(logits.argmax())
    for _ in range(10):  # warm-up
        token, pos = int(step(token, cache, pos).argmax()), pos + 1
    with torch_profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps):
            token, pos = int(step(token, cache, pos).argmax()), pos + 1
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=25))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=int(os.environ.get("GENAI_THREADS", "1")))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--max-new-tokens", type=int, default=64)
    p.add_argument("--paths", default="eager-bf16-attn,eager-f32-attn,whole-f32-attn,engine-eager-bf16-attn,"
                   "engine-eager-f32-attn,engine-whole-f32-attn")
    p.add_argument("--prompt", choices=("tuning", "heldout"), default="tuning")
    p.add_argument("--no-emulate-casts", action="store_true", help="let inductor skip eager's bfloat16 roundings")
    p.add_argument("--profile", action="store_true")
    p.add_argument("--context", type=int, default=300)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    model = LocalChatModel(max_batch=1, prefix_cache_mb=0)
    messages = PROMPT if args.prompt == "tuning" else heldout_prompt()
    paths, made, compile_s = [], {}, {}
    for name in args.paths.split(","):
        step = name.removeprefix("engine-").split("-")[0]
        if step not in ("eager", "layers", "whole"):
            raise SystemExit(f"unknown path {name!r}")
        if step != "eager" and step not in made:
            made[step] = (LayerCompiled(model.fast, not args.no_emulate_casts) if step == "layers"
                          else CompiledStep(model.fast))
        paths.append(Path_(name, model, made.get(step)))
    if args.profile:
        profile(paths[0], args.context)
        return 0
    for path in paths:  # warm-up; the first compiled path's warm-up includes the one-time compile
        t = time.perf_counter()
        path.run(messages, 4)
        if path.compiled is not None and id(path.compiled) not in compile_s:
            compile_s[id(path.compiled)] = (path.name, time.perf_counter() - t)
    results = {path.name: [] for path in paths}
    for _ in range(args.runs):
        for path in paths:
            results[path.name].append(path.run(messages, args.max_new_tokens))
    def baseline(path: Path_) -> str:  # main's path in the same loop (single-request or engine), else the first row
        name = "engine-eager-bf16-attn" if path.engine_loop else "eager-bf16-attn"
        return name if name in results else paths[0].name

    print(f"single-stream decode, bundled SmolLM2-135M ({model.fast.quantized}), {args.prompt} prompt "
          f"({results[paths[0].name][0]['prompt']} tokens), {args.max_new_tokens} new tokens, greedy, torch threads "
          f"{torch.get_num_threads()}, medians of {args.runs} interleaved runs, load {os.getloadavg()[0]:.2f}, "
          f"torch {torch.__version__}")
    for name, seconds in compile_s.values():
        print(f"one-time compile + first 4-token run of {name}: {seconds:.1f} s")
    print()
    print("| path | TTFT ms | vs main (same loop) | decode tok/s | vs main (same loop) | tokens | same ids as main |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for path in paths:
        rs, base = results[path.name], results[baseline(path)]
        tps, ttft = statistics.median(r["tps"] for r in rs), statistics.median(r["ttft"] for r in rs)
        base_tps, base_ttft = statistics.median(r["tps"] for r in base), statistics.median(r["ttft"] for r in base)
        same = all(r["tokens"] == base[0]["tokens"] for r in rs)
        print(f"| {path.name} | {ttft * 1000:.1f} | {ttft / base_ttft:.2f}x | {tps:.1f} | {tps / base_tps:.2f}x | "
              f"{len(rs[0]['tokens'])} | {'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
