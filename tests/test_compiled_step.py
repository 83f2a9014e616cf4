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
    fast.quantize_int4(head="int8")  # what a compiled step gets (inductor cannot lower the AMX-packed matrix)
    # fused decode attention over a float32 cache, as on an AMD Zen 4 (forced: the CI CPU may differ)
    fast.cache_dtype, fast.fused_decode_attention = torch.float32, True
    return fast


def eager_greedy(fast: FastLlama, prompt: torch.Tensor, tokens: int) -> list[int]:
    """The eager step's greedy reply to `prompt`: what every compiled path must reproduce."""
    cache = fast.new_cache(len(prompt) + tokens)
    logits, reply = fast.prefill(prompt, cache), []
    for i in range(tokens):
        reply.append(int(logits.argmax()))
        logits = fast.step(reply[-1], cache, len(prompt) + i)
    return reply


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
    alone = eager_greedy(fast, prompt, 20)
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
    fast.quantize_int4(head="int8")
    fast.cache_dtype, fast.fused_decode_attention = torch.float32, True
    with inductor_config.patch({"cpp.cxx": ("/nonexistent/g++",)}):
        assert compile_step(fast) is None
    cache = fast.new_cache(10)
    fast.prefill(torch.tensor([1, 2, 3]), cache)
    assert fast.step(4, cache, 3).shape == (97,)  # the eager step still runs


def test_rms_norm_compiled_equals_eager_on_rows_of_the_bundled_models_width():
    """The order-free rms_norm (what a model with a compiled step uses) sums squares in float64 so that inductor's reduction order cannot change its
    float32 result: F.rms_norm's float32 sum came out one bfloat16 unit apart in 1 of 300 rows of width 576
    on a Xeon with AMX, and the bundled model's greedy reply changed within 20 tokens (#15 round 25)."""
    from core.models.fast_llama import order_free_rms_norm as rms_norm

    generator = torch.Generator().manual_seed(25)
    weight = (torch.randn(576, generator=generator) * 0.1 + 1).bfloat16()

    def residual_then_norm(x):  # as in a layer: the residual add fuses into the norm's kernel
        return rms_norm(x + x * 0.5, weight, 1e-5)

    compiled_norm = torch.compile(residual_then_norm, fullgraph=True, options={"emulate_precision_casts": True})
    differing = 0
    with torch.inference_mode():
        for i in range(1500):
            scale = (1 + i % 7) * torch.rand(576, generator=generator) ** 4  # a few large features, as activations
            x = (torch.randn(1 + i % 3, 576, generator=generator) * scale).bfloat16()
            differing += not torch.equal(compiled_norm(x), residual_then_norm(x))
    assert differing == 0, f"{differing} of 1500 batches differ"


def test_a_background_compile_takes_over_between_steps_without_changing_the_reply(tmp_path, monkeypatch):
    """GENAI_LLM_COMPILE=background: the engine decodes eagerly while the step compiles in a thread, switches
    when it is handed over, and the reply equals the eager one token for token."""
    from core.models.compiled_step import compile_in_background

    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", str(tmp_path))
    fast = int4_fused()
    fast.norm_as_compiled()  # what compile_in_background does before its thread starts
    prompt = torch.randint(0, 97, (6,), generator=torch.Generator().manual_seed(3))
    eager = eager_greedy(fast, prompt, 40)
    engine = GenerationEngine(fast, set(), max_batch=4)
    handed_over = []

    def on_ready(step):
        handed_over.append(step)
        engine.compiled = step

    thread = compile_in_background(fast, on_ready)
    during = list(engine.submit(prompt[None], 40, SamplingParams(max_new_tokens=40), None))
    thread.join(timeout=300)
    assert handed_over and handed_over[0] is not None, "the background compile did not hand a step over"
    compiled, calls = handed_over[0], []
    step = compiled.step
    compiled.step = lambda *args: calls.append(args[2]) or step(*args)  # counts the real compiled step's calls
    after = list(engine.submit(prompt[None], 40, SamplingParams(max_new_tokens=40), None))
    engine.close()
    assert during == eager and after == eager
    assert calls == list(range(6, 6 + 39))  # after the handover every step ran on the compiled graph
