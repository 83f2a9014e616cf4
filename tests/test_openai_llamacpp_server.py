"""The OpenAI-compatible backend against a real llama.cpp server (opt-in: skipped in CI).

llama-cpp-python is not a project dependency and CI cannot build it (it compiles llama.cpp),
so these run only when GENAI_LLAMA_PYTHON names the python of a venv with
`llama-cpp-python[server]` (see benchmarks/openai_server.py):

    GENAI_LLAMA_PYTHON=/tmp/llamavenv/bin/python [GENAI_LLAMA_NO_REPACK=1] .venv/bin/python -m pytest \
        tests/test_openai_llamacpp_server.py

The backend's protocol handling is covered in CI by tests/test_chat_openai_compat.py (a real
HTTP server speaking Server-Sent Events); this file checks the same things against the real
thing: greedy text equal to llama-cpp-python's own API, stop, usage, cancel, errors.
"""
from __future__ import annotations

import os
import socket
import subprocess
import threading
import time

import pytest

from core.models.openai_compat import OpenAICompatChatModel
from core.models.sampling import SamplingParams

LLAMA_PYTHON = os.environ.get("GENAI_LLAMA_PYTHON", "")
# GENAI_LLAMA_NO_REPACK=1: llama-server's --no-repack (see benchmarks/openai_server.py NO_REPACK_LAUNCH)
NO_REPACK = os.environ.get("GENAI_LLAMA_NO_REPACK", "") == "1"

pytestmark = pytest.mark.skipif(
    not LLAMA_PYTHON or subprocess.run([LLAMA_PYTHON, "-c", "import llama_cpp.server"], capture_output=True).returncode,
    reason="opt-in: set GENAI_LLAMA_PYTHON to a python with llama-cpp-python[server] (not buildable in CI)")

MESSAGES = [{"role": "user", "content": "What is the capital of France? Answer in one sentence."}]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from benchmarks.openai_server import LlamaServer
    from core.models import bundled

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = LlamaServer(LLAMA_PYTHON, bundled.smollm2_gguf(), 1, port, tmp_path_factory.mktemp("llama") / "server.log",
                      n_ctx=2048, no_repack=NO_REPACK)
    yield srv
    srv.close()


@pytest.fixture
def model(server):
    from benchmarks.openai_server import NEUTRAL_LLAMACPP

    return OpenAICompatChatModel(server.base_url, server.model, timeout=120, extra_body=NEUTRAL_LLAMACPP)


def test_greedy_text_equals_llama_cpp_pythons_own_api(server, model):
    from benchmarks.generate import LlamaCpp
    from core.models import bundled

    messages = [{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "List three uses of a paperclip."}]
    direct = LlamaCpp(LLAMA_PYTHON, bundled.smollm2_gguf(), 1, NO_REPACK)
    try:
        want = direct.run(messages, 48)["text"]
    finally:
        direct.close()
    assert want
    assert model.generate(messages, SamplingParams(max_new_tokens=48)).text == want
    # why GENAI_LLM_EXTRA_BODY exists: without it the server applies its default repeat_penalty 1.1
    plain = OpenAICompatChatModel(server.base_url, server.model, timeout=120)
    assert plain.generate(messages, SamplingParams(max_new_tokens=48)).text != want


def test_max_tokens_usage_and_stop(model):
    r = model.complete(MESSAGES, SamplingParams(max_new_tokens=4))
    assert r.new_tokens == 4 and r.text  # usage.completion_tokens of the non-streamed answer
    assert 1 <= model.generate(MESSAGES, SamplingParams(max_new_tokens=4)).new_tokens <= 4
    full = model.generate(MESSAGES, SamplingParams(max_new_tokens=32)).text
    word = full.split()[2]
    cut = model.generate(MESSAGES, SamplingParams(max_new_tokens=32, stop=(" " + word,))).text
    assert cut == full[:full.index(" " + word)]


def test_closing_the_stream_stops_the_servers_generation(server, model):
    cancel = threading.Event()
    got = []
    for delta in model.stream(MESSAGES + [{"role": "assistant", "content": "Paris."},
                                          {"role": "user", "content": "Now write a very long story."}],
                              SamplingParams(max_new_tokens=1500), cancel=cancel):
        got.append(delta)
        if len(got) == 2:
            cancel.set()
    assert len(got) == 2
    time.sleep(0.5)
    cpu = server.cpu_seconds()
    time.sleep(1.5)
    assert server.cpu_seconds() - cpu < 0.3  # a server still decoding 1500 tokens would use ~1.5 s
    start = time.perf_counter()
    assert model.generate(MESSAGES, SamplingParams(max_new_tokens=1)).text
    assert time.perf_counter() - start < 10


def test_a_prompt_over_the_context_is_an_error_naming_the_setting(model):
    with pytest.raises(RuntimeError, match="GENAI_LLM_BASE_URL"):
        model.generate([{"role": "user", "content": "word " * 3000}], SamplingParams(max_new_tokens=4))
