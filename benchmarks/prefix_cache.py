"""Prefill time with the prefix KV cache (core/models/prefix_cache.py) against one pass.

The chatbot's real prompts: the batching benchmark's ten first questions over the sample corpus,
answer mode abstractive, hybrid k=4, the default focused context (the prompts of
benchmarks/batching.py's chatbot part). Per prompt, in interleaved rounds:
  before     the whole prompt in one pass as before this change: no cache, and the prompt's attention
             over exactly its keys (FastLlama.prompt_attention now pads them to a multiple of 512 and
             the queries to whole blocks, so that a split prompt equals one pass bit for bit)
  one pass   FastLlama.prefill of the whole prompt, no cache (GENAI_LLM_PREFIX_CACHE_MB=0)
  miss       the system turn prefilled and stored, then the rest (the first question a process sees)
  hit        the stored system turn copied into the request's cache, then the rest (every later one)
Each timed prefill starts from an empty cache of its own. Printed: the median over prompts of each
prompt's median time, the ratio to one pass, and whether the logits equal one pass bit for bit.
Every figure with the load average (`uptime`) it was measured under.

    taskset -c 0 env GENAI_THREADS=1 GENAI_DATA_DIR=/tmp/prefix-bench .venv/bin/python benchmarks/prefix_cache.py \
        --rounds 5 [--float32]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def rag_prompts(n: int) -> list[list[dict]]:
    """The messages the chatbot's chain sends the model for the batching benchmark's first questions."""
    from benchmarks.batching import QUESTIONS
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    col = open_collection("sample")
    if col.count() == 0:
        col.ingest(sorted((ROOT / "assets" / "rag_corpus").iterdir()))
    chain = RagChain("sample", answer_mode="abstractive", params=SamplingParams(max_new_tokens=1))
    out = []
    for question, _ in QUESTIONS:
        prompt = chain.ask(question).trace.get("prompt")
        if prompt:  # abstained questions never reach the model
            out.append(prompt)
    return out[:n]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--prompts", type=int, default=10)
    p.add_argument("--float32", action="store_true", help="the float32 model (default: as the apps load it)")
    p.add_argument("--threads", type=int, default=int(os.environ.get("GENAI_THREADS", "1") or 1))
    args = p.parse_args()
    import torch

    from core.models.chat import LocalChatModel
    from core.models.prefix_cache import PrefixCache, prefill

    torch.set_num_threads(args.threads)
    start_load = load()
    model = LocalChatModel(dtype=torch.float32 if args.float32 else None, max_batch=1)
    fast = model.fast
    prompts = rag_prompts(args.prompts)
    cases = []
    for messages in prompts:
        ids = model.prompt_ids(messages)[0]
        cases.append((ids, model.prefix_length(messages, ids)))

    def before(ids, n):
        fast.prompt_attention = unpadded_attention
        try:
            return fast.prefill(ids, fast.new_cache(ids.numel()))
        finally:
            del fast.prompt_attention  # back to the class's method

    def unpadded_attention(q, keys, values, pos):  # the code before this change (pos is 0 here)
        dt = fast.prefill_attention_dtype
        return torch.nn.functional.scaled_dot_product_attention(q.to(dt), keys.to(dt), values.to(dt),
                                                                is_causal=True, enable_gqa=True)

    def one_pass(ids, n):
        return fast.prefill(ids, fast.new_cache(ids.numel()))

    def miss(ids, n):
        return prefill(fast, ids, fast.new_cache(ids.numel()), PrefixCache(64 * 2**20), n)

    stored = PrefixCache(64 * 2**20)

    def hit(ids, n):
        return prefill(fast, ids, fast.new_cache(ids.numel()), stored, n)

    runs = {"before": before, "one pass": one_pass, "miss": miss, "hit": hit}
    times = {name: [[] for _ in cases] for name in runs}
    exact = {name: True for name in runs}
    for i, (ids, n) in enumerate(cases):  # warm-up and the exactness check, not timed
        reference = one_pass(ids, n)
        for name, fn in runs.items():
            exact[name] &= torch.equal(fn(ids, n), reference)
    bench_load = load()
    for _ in range(args.rounds):
        for i, (ids, n) in enumerate(cases):
            for name, fn in runs.items():
                t = time.perf_counter()
                fn(ids, n)
                times[name][i].append(time.perf_counter() - t)
    bench_load += " -> " + load()
    per_prompt = {name: [statistics.median(ts) for ts in rows] for name, rows in times.items()}
    base = statistics.median(per_prompt["one pass"])
    tokens = [ids.numel() for ids, _ in cases]
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; bundled SmolLM2, {model.decode_path}; "
          f"torch threads {args.threads}; {len(cases)} chatbot prompts of {min(tokens)}-{max(tokens)} tokens "
          f"(median {statistics.median(tokens):.0f}), system turn {cases[0][1]} tokens; "
          f"medians of {args.rounds} interleaved rounds; load (1/5/15 min) at start {start_load}, "
          f"during {bench_load}")
    print()
    print("| prefill | median ms | vs one pass | per-prompt ratio min-max | logits equal one pass |")
    print("|---|---:|---:|---:|---|")
    for name in runs:
        ratios = [a / b for a, b in zip(per_prompt[name], per_prompt["one pass"])]
        med = statistics.median(per_prompt[name])
        print(f"| {name} | {med * 1000:.0f} | {med / base:.2f}x | {min(ratios):.2f}-{max(ratios):.2f}x | "
              f"{'yes' if exact[name] else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
