"""FastLlama (core/models/fast_llama.py) against the transformers Llama forward.

Tiny random Llama models built from configs cover the shapes a Hub model may have that the
bundled SmolLM2 does not: multi-head, grouped-query and multi-query attention, an output
head that is not tied to the embeddings, and a head size other than hidden/heads. FastLlama
must give the same next-token logits as transformers at every position, for a whole prompt
(prefill) and token by token (decode steps with its own cache).
"""
from __future__ import annotations

import pytest
import torch
from transformers import LlamaConfig, LlamaForCausalLM

from core.models import fast_llama
from core.models.fast_llama import FastLlama

CONFIGS = {
    "multi-head": dict(num_attention_heads=4, num_key_value_heads=4),
    "grouped-query": dict(num_attention_heads=4, num_key_value_heads=2),
    "multi-query": dict(num_attention_heads=4, num_key_value_heads=1),
    "untied head": dict(num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False),
    "head size 32 (not hidden/heads)": dict(num_attention_heads=4, num_key_value_heads=2, head_dim=32),
    "rope theta 500000": dict(num_attention_heads=2, num_key_value_heads=1,
                              rope_parameters={"rope_type": "default", "rope_theta": 500000.0}),
}


def tiny_llama(seed: int = 0, **overrides) -> LlamaForCausalLM:
    torch.manual_seed(seed)
    cfg = LlamaConfig(**{"vocab_size": 97, "hidden_size": 64, "intermediate_size": 96, "num_hidden_layers": 2,
                         "max_position_embeddings": 64, **overrides})
    return LlamaForCausalLM(cfg).eval()


@pytest.mark.parametrize("name", list(CONFIGS))
def test_prefill_and_steps_match_the_transformers_forward(name):
    model = tiny_llama(**CONFIGS[name])
    ids = torch.randint(0, 97, (1, 12), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        expected = model(input_ids=ids).logits[0]  # (T, vocab): the reference, before fusing
    fast = FastLlama(model)
    assert fast.n_kv == CONFIGS[name]["num_key_value_heads"]
    cache = fast.new_cache(ids.shape[1])
    prefix = 5
    got = [fast.prefill(ids[:, :prefix], cache)]
    for pos in range(prefix, ids.shape[1]):
        got.append(fast.step(int(ids[0, pos]), cache, pos))
    torch.testing.assert_close(torch.stack(got), expected[prefix - 1:], atol=2e-4, rtol=1e-4)
    # the transformers module still works on the fused weights (they are views, not copies)
    with torch.no_grad():
        torch.testing.assert_close(model(input_ids=ids).logits[0], expected, atol=1e-5, rtol=1e-5)


def test_models_it_does_not_reproduce_are_refused():
    scaled = tiny_llama(rope_parameters={"rope_type": "linear", "factor": 2.0, "rope_theta": 10000.0})
    biased = tiny_llama(attention_bias=True)
    for model in (scaled, biased):
        assert not fast_llama.supports(model)
        with pytest.raises(ValueError, match="plain Llama"):
            FastLlama(model)


def test_int4_without_the_torch_operators_says_which_are_missing(monkeypatch):
    fast = FastLlama(tiny_llama().to(torch.bfloat16))
    # as a torch build without one of the kernels would look
    monkeypatch.setattr(fast_llama, "QUANTIZED_OPERATORS", ("_weight_int4pack_mm_for_cpu", "_no_such_kernel"))
    with pytest.raises(RuntimeError, match="_no_such_kernel"):
        fast.quantize_int4()
    assert fast.quantized is None  # nothing was half-converted


def test_int4_logits_stay_close_to_bfloat16():
    if fast_llama.missing_operators():
        pytest.fail(f"torch {torch.__version__} lacks {fast_llama.missing_operators()}")
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2).to(torch.bfloat16)
    ids = torch.randint(0, 97, (1, 8), generator=torch.Generator().manual_seed(2))
    plain = FastLlama(model)
    plain_cache = plain.new_cache(9)
    plain.prefill(ids, plain_cache)
    quant = FastLlama(model)
    quant.quantize_int4()
    quant_cache = quant.new_cache(9)
    quant.prefill(ids, quant_cache)
    # a decode step runs on the int4 projections
    ref = plain.step(5, plain_cache, 8).float()
    got = quant.step(5, quant_cache, 8).float()
    assert not torch.equal(ref, got)
    assert torch.nn.functional.cosine_similarity(ref, got, dim=0) > 0.98


def test_int4_prefill_runs_on_the_bfloat16_weights():
    """int4's CPU kernel is slow on many rows, so a prompt's prefill keeps the model's own weights."""
    if fast_llama.missing_operators():
        pytest.fail(f"torch {torch.__version__} lacks {fast_llama.missing_operators()}")
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2).to(torch.bfloat16)
    ids = torch.randint(0, 97, (1, 8), generator=torch.Generator().manual_seed(3))
    plain = FastLlama(model)
    quant = FastLlama(model)
    quant.quantize_int4(head="none", prefill="bfloat16")
    assert "bfloat16 prefill" in quant.quantized
    assert torch.equal(plain.prefill(ids, plain.new_cache(8)), quant.prefill(ids, quant.new_cache(8)))
    int4_throughout = FastLlama(model)
    int4_throughout.quantize_int4(head="none", prefill="int4")
    assert not torch.equal(plain.prefill(ids, plain.new_cache(8)), int4_throughout.prefill(ids, int4_throughout.new_cache(8)))


def test_int4_prefill_on_a_float32_copy_computes_the_prompt_in_float32(monkeypatch):
    """Where the CPU lacks native bfloat16 (AVX2) a float32 matmul is the fastest for a prompt's
    many rows (#15), so the prefill runs on a float32 copy of the weights with float32
    activations: its keys and values are a float32 model's, and no int4 kernel runs."""
    if fast_llama.missing_operators():
        pytest.fail(f"torch {torch.__version__} lacks {fast_llama.missing_operators()}")
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2)
    ids = torch.randint(0, 97, (1, 12), generator=torch.Generator().manual_seed(5))
    reference = FastLlama(model)  # float32 weights and activations throughout
    ref_cache = reference.new_cache(12)
    reference.prefill(ids, ref_cache)
    model = model.to(torch.bfloat16)
    quant, int4_throughout = FastLlama(model), FastLlama(model)
    quant.quantize_int4(head="none", prefill="float32")
    int4_throughout.quantize_int4(head="none", prefill="int4")
    assert "float32 prefill" in quant.quantized
    int4_rows = []
    int4_call = fast_llama.Int4Linear.__call__
    monkeypatch.setattr(fast_llama.Int4Linear, "__call__", lambda self, x: int4_rows.append(x.shape) or int4_call(self, x))
    cache, int4_cache = quant.new_cache(12), int4_throughout.new_cache(12)
    quant.prefill(ids, cache)
    assert int4_rows == []
    int4_throughout.prefill(ids, int4_cache)
    assert int4_rows  # the check above can see int4 calls
    # keys from the float32 copy differ from the float32 model's only by the bfloat16 rounding of
    # the weights themselves, far less than int4's
    err = max((k[:, :, :12] - r[:, :, :12]).abs().max() for k, r in zip(cache.k, ref_cache.k))
    int4_err = max((k[:, :, :12] - r[:, :, :12]).abs().max() for k, r in zip(int4_cache.k, ref_cache.k))
    assert err < int4_err / 4
    # decode steps after it run int4 as before
    int4_rows.clear()
    quant.step(3, cache, 12 - 1)
    assert int4_rows


def test_prompt_attention_runs_in_bfloat16_where_the_cpu_computes_it_natively(monkeypatch):
    """A prompt's attention in float32 was half of an answer's prefill (#15). A bfloat16 model on a
    CPU with native bfloat16 runs it in bfloat16 (elsewhere float32, as the cache); the logits stay
    those of float32 attention but for bfloat16 rounding."""
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2).to(torch.bfloat16)
    ids = torch.randint(0, 97, (1, 24), generator=torch.Generator().manual_seed(4))
    fast = FastLlama(model)
    expected = torch.bfloat16 if fast_llama.native_bfloat16() else torch.float32
    seen = []
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def spy(q, k, v, **kw):
        seen.append((q.dtype, k.dtype, v.dtype))
        return sdpa(q, k, v, **kw)

    monkeypatch.setattr(torch.nn.functional, "scaled_dot_product_attention", spy)
    got = fast.prefill(ids, fast.new_cache(25)).float()
    assert seen and set(seen) == {(expected,) * 3}
    fast.prefill_attention_dtype = torch.float32
    ref = fast.prefill(ids, fast.new_cache(25)).float()
    assert torch.nn.functional.cosine_similarity(ref, got, dim=0) > 0.999
    assert torch.equal(got.argmax(), ref.argmax())


def test_the_amx_packed_output_matrix_treats_rows_alone_or_says_it_needs_amx():
    """quantize_int4(head="bf16-amx") (#15 round 26, opt-in): on a CPU with AMX tiles a row's logits do not
    depend on the other rows of the batch (what keeps batched replies equal to lone ones) and equal a plain
    bfloat16 product's to rounding; elsewhere a clear error, and the model is left as it was."""
    model = tiny_llama(num_attention_heads=4, num_key_value_heads=2).to(torch.bfloat16)
    fast = FastLlama(model)
    if not fast_llama.packed_bfloat16_available():
        with pytest.raises(ValueError, match="AMX"):
            fast.quantize_int4(head="bf16-amx")
        assert fast.quantized is None
        return
    fast.quantize_int4(head="bf16-amx")
    assert "bf16-amx output" in fast.quantized
    x = torch.randn(8, model.config.hidden_size, generator=torch.Generator().manual_seed(26)).bfloat16()
    batch = fast.lm_head(x)
    for rows in (slice(0, 1), slice(3, 4), slice(0, 3)):
        assert torch.equal(fast.lm_head(x[rows]), batch[rows])
    plain = torch.nn.functional.linear(x.float(), model.lm_head.weight.float())
    assert torch.allclose(batch.float(), plain, atol=0.05, rtol=0.02)
