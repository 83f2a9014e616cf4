"""The OpenAI-compatible backend against a real HTTP server speaking the protocol.

The server below is a stdlib ThreadingHTTPServer on 127.0.0.1 (a real socket, real
HTTP, real Server-Sent Events), not a mock of the client: it answers
POST /v1/chat/completions the way vLLM / llama.cpp server do, and records the requests
it got so the tests can check what the client sent.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.config import ConfigError, load_settings, reset_settings
from core.models.chat import get_chat_model, reset_chat_model
from core.models.openai_compat import OpenAICompatChatModel
from core.models.sampling import SamplingParams

WORDS = ["Hello", " there", ",", " friend", "!"]


class FakeServer(BaseHTTPRequestHandler):
    requests: list[dict] = []
    mode = "ok"  # ok | error | garbage | no_usage | slow | busy_once | busy | cut | no_done

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        FakeServer.requests.append({"path": self.path, "body": body,
                                    "auth": self.headers.get("Authorization")})
        if self.path != "/v1/chat/completions":
            return self._json(404, {"error": {"message": f"no route {self.path}"}})
        if FakeServer.mode == "error":
            return self._json(500, {"error": {"message": "model exploded"}})
        if FakeServer.mode == "busy" or (FakeServer.mode == "busy_once" and len(FakeServer.requests) == 1):
            return self._json(503, {"error": {"message": "loading model"}})
        words = WORDS[: body.get("max_tokens", len(WORDS))]
        if not body.get("stream"):
            return self._json(200, {
                "id": "c1", "object": "chat.completion", "model": body["model"],
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(words)},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 7, "completion_tokens": len(words), "total_tokens": 7 + len(words)}})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if FakeServer.mode == "garbage":
            self._event("this is not json")
            return
        self._event(json.dumps({"choices": [{"index": 0, "delta": {"role": "assistant"}}]}))
        self.wfile.write(b": keep-alive comment\n\n")
        try:
            for w in words:
                self._event(json.dumps({"choices": [{"index": 0, "delta": {"content": w}}]}))
                if FakeServer.mode == "slow":
                    time.sleep(0.2)
                if FakeServer.mode == "cut":
                    return  # what llama-cpp-python's server does when generation raises mid-stream
            self._event(json.dumps({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
            if FakeServer.mode == "no_done":
                return  # finished, just without the closing [DONE]
            if FakeServer.mode != "no_usage" and body.get("stream_options", {}).get("include_usage"):
                # report a count different from the chunk count, to see which one is used
                self._event(json.dumps({"choices": [], "usage": {"completion_tokens": 42}}))
            self._event("[DONE]")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (cancel)

    def _event(self, data: str):
        self.wfile.write(f"data: {data}\n\n".encode())
        self.wfile.flush()

    def _json(self, status: int, obj: dict):
        raw = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeServer)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_server_state():
    FakeServer.requests, FakeServer.mode = [], "ok"


MESSAGES = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "Say hello"}]


def test_stream_yields_server_deltas_and_sends_sampling_params(server):
    model = OpenAICompatChatModel(server, "tiny-model", api_key="sk-test", timeout=5)
    params = SamplingParams(max_new_tokens=50, temperature=0.7, top_k=40, top_p=0.9, seed=3)
    deltas = list(model.stream(MESSAGES, params))
    assert deltas == WORDS
    (req,) = FakeServer.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["auth"] == "Bearer sk-test"
    body = req["body"]
    assert body["model"] == "tiny-model" and body["messages"] == MESSAGES and body["stream"] is True
    assert (body["temperature"], body["top_p"], body["max_tokens"], body["seed"], body["top_k"]) == \
        (0.7, 0.9, 50, 3, 40)


def test_generate_reports_usage_tokens_when_given(server):
    model = OpenAICompatChatModel(server, "tiny-model", timeout=5)
    r = model.generate(MESSAGES, SamplingParams(max_new_tokens=3))
    assert r.text == "Hello there,"
    assert r.model == "tiny-model"
    assert r.new_tokens == 42  # from the usage chunk, not the 3 chunks
    assert r.seconds > 0
    body = FakeServer.requests[0]["body"]
    assert "seed" not in body and "top_k" not in body  # only sent when set


def test_generate_counts_chunks_without_usage(server):
    FakeServer.mode = "no_usage"
    r = OpenAICompatChatModel(server, "m", timeout=5).generate(MESSAGES)
    assert r.text == "Hello there, friend!" and r.new_tokens == len(WORDS)


def test_non_streaming_json(server):
    r = OpenAICompatChatModel(server, "m", timeout=5).complete(MESSAGES, SamplingParams(max_new_tokens=2))
    assert r.text == "Hello there" and r.new_tokens == 2
    assert FakeServer.requests[0]["body"]["stream"] is False


def test_error_status_names_the_setting(server):
    FakeServer.mode = "error"
    model = OpenAICompatChatModel(server, "m", timeout=5)
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*HTTP 500.*model exploded"):
        list(model.stream(MESSAGES))
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*HTTP 500"):
        model.complete(MESSAGES)


def test_a_busy_server_is_retried_then_answers(server):
    FakeServer.mode = "busy_once"
    assert list(OpenAICompatChatModel(server, "m", timeout=5, retries=2).stream(MESSAGES)) == WORDS
    assert len(FakeServer.requests) == 2
    FakeServer.requests, FakeServer.mode = [], "busy_once"
    assert OpenAICompatChatModel(server, "m", timeout=5, retries=2).complete(MESSAGES).text == "".join(WORDS)
    assert len(FakeServer.requests) == 2


def test_retries_are_bounded_and_the_last_status_is_reported(server):
    FakeServer.mode = "busy"
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*HTTP 503.*loading model"):
        list(OpenAICompatChatModel(server, "m", timeout=5, retries=1).stream(MESSAGES))
    assert len(FakeServer.requests) == 2  # the first try and one retry
    FakeServer.requests = []
    with pytest.raises(RuntimeError, match=r"HTTP 503"):
        OpenAICompatChatModel(server, "m", timeout=5, retries=0).complete(MESSAGES)
    assert len(FakeServer.requests) == 1


def test_wrong_path_is_a_clear_error(server):
    model = OpenAICompatChatModel(server.replace("/v1", "/nope"), "m", timeout=5)
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*HTTP 404"):
        model.generate(MESSAGES)


def test_malformed_stream_is_a_clear_error(server):
    FakeServer.mode = "garbage"
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*malformed stream chunk"):
        OpenAICompatChatModel(server, "m", timeout=5).generate(MESSAGES)


def test_unreachable_port_fails_fast_with_the_setting():
    with socket.socket() as s:  # a port that was free a moment ago and nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    model = OpenAICompatChatModel(f"http://127.0.0.1:{port}/v1", "m", timeout=5)
    start = time.perf_counter()
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*cannot reach"):
        model.generate(MESSAGES)
    assert time.perf_counter() - start < 5


def test_cancel_stops_the_stream(server):
    FakeServer.mode = "slow"
    cancel = threading.Event()
    got = []
    for delta in OpenAICompatChatModel(server, "m", timeout=5).stream(MESSAGES, cancel=cancel):
        got.append(delta)
        cancel.set()
    assert got == WORDS[:1]


def test_bad_messages_and_url_are_rejected_before_any_request(server):
    model = OpenAICompatChatModel(server, "m", timeout=5)
    with pytest.raises(ValueError, match="messages"):
        list(model.stream([{"role": "wizard", "content": "hi"}]))
    assert FakeServer.requests == []
    with pytest.raises(ValueError, match="GENAI_LLM_BASE_URL"):
        OpenAICompatChatModel("localhost:8000", "m")


def test_settings_select_the_endpoint_backend(server, monkeypatch):
    monkeypatch.setenv("GENAI_LLM_BASE_URL", server)
    monkeypatch.setenv("GENAI_LLM_MODEL", "served-model")
    reset_settings()
    reset_chat_model()
    try:
        model = get_chat_model()
        assert (model.name, model.source) == ("served-model", "endpoint")
        assert model.generate(MESSAGES).text == "Hello there, friend!"
    finally:
        reset_chat_model()


def test_extra_body_reaches_the_server_in_every_request(server):
    # llama-cpp-python's server fills a field a request leaves out with a non-neutral default
    # (repeat_penalty 1.1): temperature 0 there is not argmax unless the request says so
    extra = {"repeat_penalty": 1.0, "min_p": 0.0, "top_k": 1}
    model = OpenAICompatChatModel(server, "m", timeout=5, extra_body=extra)
    assert list(model.stream(MESSAGES, SamplingParams(top_k=40))) == WORDS
    assert model.complete(MESSAGES).text == "".join(WORDS)
    streamed, plain = (r["body"] for r in FakeServer.requests)
    for body in (streamed, plain):
        assert (body["repeat_penalty"], body["min_p"], body["top_k"]) == (1.0, 0.0, 1)  # extra_body wins
        assert body["messages"] == MESSAGES
    assert streamed["stream"] is True and streamed["stream_options"] == {"include_usage": True}
    assert plain["stream"] is False


def test_extra_body_that_is_not_a_json_object_or_sets_our_fields_is_refused():
    with pytest.raises(ValueError, match="may not set.*stream"):
        OpenAICompatChatModel("http://127.0.0.1:1/v1", "m", extra_body={"stream": False})
    assert load_settings({"GENAI_LLM_EXTRA_BODY": '{"min_p": 0}'}).models.llm_extra_body == '{"min_p": 0}'
    for bad in ("[1, 2]", "{repeat_penalty: 1}", '{"messages": []}'):
        with pytest.raises(ConfigError, match="GENAI_LLM_EXTRA_BODY"):
            load_settings({"GENAI_LLM_EXTRA_BODY": bad})


def test_extra_body_setting_reaches_the_configured_backend(server, monkeypatch):
    monkeypatch.setenv("GENAI_LLM_BASE_URL", server)
    monkeypatch.setenv("GENAI_LLM_EXTRA_BODY", '{"repeat_penalty": 1.0}')
    reset_settings()
    reset_chat_model()
    try:
        assert get_chat_model().generate(MESSAGES).text == "Hello there, friend!"
        assert FakeServer.requests[0]["body"]["repeat_penalty"] == 1.0
    finally:
        reset_chat_model()


def test_a_stream_cut_off_mid_answer_is_an_error_not_a_short_answer(server):
    # llama-cpp-python's server answers 200 and then closes the stream when generation fails
    # (a prompt over its context window): that used to come back as a normal, truncated reply
    FakeServer.mode = "cut"
    with pytest.raises(RuntimeError, match=r"GENAI_LLM_BASE_URL.*ended without \[DONE\] or a finish_reason after 1"):
        OpenAICompatChatModel(server, "m", timeout=5).generate(MESSAGES)


def test_a_finished_stream_without_done_is_still_an_answer(server):
    FakeServer.mode = "no_done"
    assert OpenAICompatChatModel(server, "m", timeout=5).generate(MESSAGES).text == "".join(WORDS)
