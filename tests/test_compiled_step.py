"""The compiled decode step (core/models/compiled_step.py, GENAI_LLM_COMPILE=on) against FastLlama's eager step.

A tiny random Llama with 4-bit weights, as the bundled model runs: compiling it takes seconds, not the
bundled model's ~30. The compiled step must give the eager step's logits bit for bit (greedy text must not
depend on the setting), run one graph for every cache and position (no recompile while a reply grows), and
where compiling fails the product must fall back to the eager step.
"""
from __future__ import annotations

import pytest
import torch
from test_fast_llama import tiny_llama
from torch._dynamo.utils import counters

from core.models.compiled_step import CompiledStep, compile_step
from core.models.fast_llama import FastLlama
from core.models.generation_engine import GenerationEngine
from core.models.sampling import SamplingParams


def int4_fused() -> FastLlama:
    model = tiny_llama(0, num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024)
    fast = FastLlama(model.to(torch.bfloat16))
    fast.quantize_int4()
    # fused decode attention over a float32 cache, as on an AMD Zen 4 (forced: the CI CPU may differ)
    fast.cache_dtype, fast.fused_decode_attention = torch.float32, True
    return fast


@pytest.fixture(scope="module")
def compiled() -> CompiledStep:
    step = compile_step(int4_fused())
    assert step is not None, "compiling failed on this machine (see the log)"
    return step


def test_the_compiled_step_gives_the_eager_logits_bit_for_bit(compiled):
    fast = compiled.fast
    prompt = torch.randint(0, 97, (5,), generator=torch.Generator().manual_seed(1))
    graphs = counters["stats"]["unique_graphs"]
    for length in (80, 600):  # caches of other lengths than the warm-up's (600: two of the kernel's 512-key blocks)
        eager_cache, compiled_cache = fast.new_cache(length), fast.new_cache(length)
        logits = fast.prefill(prompt, eager_cache)
        fast.prefill(prompt, compiled_cache)
        for pos in range(5, 75):
            token = int(logits.argmax())
            logits = fast.step(token, eager_cache, pos)
            got = compiled.step(token, compiled_cache, pos)
            assert torch.equal(got, logits), f"cache of {length}: logits differ at position {pos}"
        for layer in range(len(fast.layers)):
            assert torch.equal(compiled_cache.k[layer], eager_cache.k[layer])
            assert torch.equal(compiled_cache.v[layer], eager_cache.v[layer])
    assert counters["stats"]["unique_graphs"] == graphs, "a new cache length or position recompiled the step"


def test_the_engine_runs_a_lone_request_on_the_compiled_step(compiled):
    fast = compiled.fast
    prompt = torch.randint(0, 97, (7,), generator=torch.Generator().manual_seed(2))
    cache = fast.new_cache(7 + 20)
    logits, alone = fast.prefill(prompt, cache), []
    for i in range(20):
        alone.append(int(logits.argmax()))
        logits = fast.step(alone[-1], cache, 7 + i)
    calls = []
    step = compiled.step

    def counted(*args):
        calls.append(args[2])
        return step(*args)

    compiled.step = counted  # counts the calls of the real compiled step
    try:
        engine = GenerationEngine(fast, set(), max_batch=4, compiled=compiled)
        got = list(engine.submit(prompt[None], 20, SamplingParams(max_new_tokens=20), None))
        engine.close()
    finally:
        del compiled.step
    assert got == alone
    assert calls == list(range(7, 7 + 19))  # every step after the prefill's token, on the compiled graph


def test_where_compiling_fails_the_eager_step_is_kept(tmp_path, monkeypatch):
    """A real failure, not a mock: inductor pointed at a C++ compiler that does not exist, with an empty
    cache folder and other shapes than the tests above (no compiled kernel can stand in)."""
    import torch._inductor.config as inductor_config

    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", str(tmp_path))
    model = tiny_llama(1, num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=256)
    fast = FastLlama(model.to(torch.bfloat16))
    fast.quantize_int4()
    fast.cache_dtype, fast.fused_decode_attention = torch.float32, True
    with inductor_config.patch({"cpp.cxx": ("/nonexistent/g++",)}):
        assert compile_step(fast) is None
    cache = fast.new_cache(10)
    fast.prefill(torch.tensor([1, 2, 3]), cache)
    assert fast.step(4, cache, 3).shape == (97,)  # the eager step still runs
