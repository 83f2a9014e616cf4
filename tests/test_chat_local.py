"""The local chat path on the real bundled SmolLM2 (no mocks, no network)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import torch

from core.config import reset_settings
from core.models import fast_llama
from core.models.chat import IncrementalDetokenizer, LocalChatModel, get_chat_model, reset_chat_model
from core.models.hub import ModelUnavailable
from core.models.sampling import SamplingParams

ROOT = Path(__file__).resolve().parents[1]
HELLO = [{"role": "user", "content": "Say hello"}]
STORY = [{"role": "system", "content": "You are a storyteller."},
         {"role": "user", "content": "Tell me a story about a lighthouse keeper."}]


@pytest.fixture(scope="module")
def chat():
    """The default chat model (FastLlama decode, bfloat16 activations, 4-bit weights on CPU)."""
    return LocalChatModel()


@pytest.fixture(scope="module")
def chat32():
    return LocalChatModel(dtype=torch.float32)


def test_bundled_model_uses_the_fast_path(chat, chat32, monkeypatch):
    assert (chat.name, chat.source) == ("SmolLM2-135M-Instruct", "bundled")
    assert chat.fast is not None and chat.fast.quantized.startswith("int4")
    assert chat32.fast is not None and chat32.fast.quantized is None  # float32 keeps full weights
    monkeypatch.setenv("GENAI_LLM_QUANTIZE", "none")
    reset_settings()
    assert LocalChatModel().fast.quantized is None


def test_prefill_weights_follow_the_cpu_and_the_setting(chat, monkeypatch):
    """A prompt's prefill runs on bfloat16 where the CPU computes it natively, else on a float32
    copy (#15); GENAI_LLM_PREFILL=int4 keeps the decode weights (no extra memory)."""
    expected = "bfloat16" if fast_llama.native_bfloat16() else "float32"
    head = "bf16-amx" if fast_llama.packed_bfloat16_available() else "int8"  # the output matrix (#15 round 27)
    assert chat.decode_path.startswith(f"FastLlama (int4 (groups of 32), {head} output, {expected} prefill)")
    monkeypatch.setenv("GENAI_LLM_PREFILL", "int4")
    reset_settings()
    lean = LocalChatModel(max_batch=1)
    assert "int4 prefill" in lean.decode_path
    assert lean.fast.prefill_layers is lean.fast.layers


def test_int4_weights_track_float32(chat, chat32):
    """Teacher-forced on float32's greedy reply, the 4-bit model picks the same next token
    almost everywhere (it is the GGUF's own 4-bit grid, so it should)."""
    ids = chat32.prompt_ids(STORY)
    reference = list(chat32.token_ids(ids, 32, SamplingParams(max_new_tokens=32)))
    cache = chat.fast.new_cache(ids.shape[1] + len(reference))
    logits = chat.fast.prefill(ids, cache)
    agree = 0
    for i, token in enumerate(reference):
        agree += int(logits.argmax()) == token
        logits = chat.fast.step(token, cache, ids.shape[1] + i)
    assert agree >= 0.85 * len(reference), f"{agree}/{len(reference)}"


@pytest.mark.slow
def test_greedy_is_deterministic_and_matches_transformers_generate(chat32):
    params = SamplingParams(max_new_tokens=24)
    ids = chat32.prompt_ids(STORY)
    ours = list(chat32.token_ids(ids, 24, params))
    assert ours == list(chat32.token_ids(ids, 24, params))
    # independent oracle: transformers' own greedy generate on the same weights
    with torch.inference_mode():
        ref = chat32.lm.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=24,
                                 do_sample=False, eos_token_id=sorted(chat32.stop_ids))
    ref_ids = ref[0, ids.shape[1]:].tolist()
    ref_ids = [t for t in ref_ids if t not in chat32.stop_ids]
    assert len(ours) >= 16
    assert ours == ref_ids
    text = chat32.generate(STORY, params).text
    assert text == chat32.tokenizer.decode(ours, skip_special_tokens=True)


def test_greedy_text_is_the_same_every_call(chat):
    a = chat.generate(HELLO, SamplingParams(max_new_tokens=24))
    b = chat.generate(HELLO, SamplingParams(max_new_tokens=24, seed=123))  # seed is moot when greedy
    assert a.text and a.text == b.text
    assert 0 < a.new_tokens <= 24 and a.model == "SmolLM2-135M-Instruct" and a.seconds > 0


def test_sampling_repeats_with_a_seed_and_varies_across_seeds(chat):
    def run(seed):
        return chat.generate(STORY, SamplingParams(max_new_tokens=12, temperature=1.0, top_k=50, seed=seed)).text

    first = run(7)
    assert first == run(7)
    assert len({first, run(8), run(9)}) == 3


def test_stream_equals_generate(chat):
    params = SamplingParams(max_new_tokens=24)
    deltas = list(chat.stream(STORY, params))
    assert len(deltas) > 10  # token by token, not one blob
    assert "".join(deltas) == chat.generate(STORY, params).text


@pytest.mark.slow
def test_concurrent_requests_do_not_interfere(chat):
    params = SamplingParams(max_new_tokens=16)
    expected = {0: chat.generate(HELLO, params).text, 1: chat.generate(STORY, params).text}
    got = {}

    def worker(i):
        got[i] = chat.generate([HELLO, STORY][i], params).text

    threads = [threading.Thread(target=worker, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert got == expected


def test_cancel_stops_a_stream(chat):
    cancel = threading.Event()
    got = []
    for delta in chat.stream(STORY, SamplingParams(max_new_tokens=200), cancel=cancel):
        got.append(delta)
        if len(got) == 3:
            cancel.set()
    assert len(got) == 3
    already = threading.Event()
    already.set()
    assert list(chat.stream(STORY, SamplingParams(max_new_tokens=10), cancel=already)) == []


def test_max_new_tokens_caps_the_reply(chat):
    r = chat.generate(STORY, SamplingParams(max_new_tokens=5))
    assert r.new_tokens == 5


def test_incremental_detokenizer_handles_multibyte_characters(chat):
    text = "Héllo wörld 😀 — ça va? 日本語\n\n  spaced"
    ids = chat.tokenizer(text, add_special_tokens=False)["input_ids"]
    detok = IncrementalDetokenizer(chat.tokenizer)
    deltas = [detok.push(t) for t in ids]
    assert "".join(deltas) == text
    assert all("\ufffd" not in d for d in deltas)


def test_bad_messages_are_rejected(chat):
    with pytest.raises(ValueError, match=r"messages\[0\]"):
        list(chat.stream([{"role": "robot", "content": "hi"}]))
    with pytest.raises(ValueError, match="non-empty"):
        chat.generate([])


def test_hub_id_without_network_fails_fast_naming_the_setting(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.perf_counter()
    with pytest.raises(ModelUnavailable, match="GENAI_LLM_MODEL"):
        LocalChatModel("some-org/not-a-cached-model")
    assert time.perf_counter() - start < 10


def test_unreachable_hub_fails_fast_through_settings(monkeypatch):
    with socket.socket() as s:  # a closed local port stands in for an unreachable Hub
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("GENAI_LLM_MODEL", "some-org/not-a-cached-model")
    reset_settings()
    reset_chat_model()
    start = time.perf_counter()
    try:
        with pytest.raises(RuntimeError, match="GENAI_LLM_MODEL"):
            get_chat_model()
    finally:
        reset_chat_model()
    assert time.perf_counter() - start < 10


@pytest.mark.slow
def test_cli_chat_json_offline(data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    env.update(HF_HUB_OFFLINE="1", GENAI_DATA_DIR=str(data_dir))
    proc = subprocess.run([sys.executable, "-m", "core", "chat", "--json", "Say hello"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"text", "model", "new_tokens", "seconds", "decode_path"}
    assert out["text"].strip() and out["model"] == "SmolLM2-135M-Instruct"
    assert out["decode_path"].startswith("FastLlama")  # the bundled model takes the fast path
    assert out["new_tokens"] > 0 and out["seconds"] > 0
