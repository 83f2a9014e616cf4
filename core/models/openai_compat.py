"""Chat through any OpenAI-compatible server (vLLM, TGI, Ollama, llama.cpp server).

Same interface as `LocalChatModel`: `.stream()` yields text deltas as the server sends
them (Server-Sent Events from POST {base_url}/chat/completions with "stream": true),
`.generate()` returns a ChatResult. Plain httpx rather than the openai SDK: we need only one
endpoint, exact control over timeouts and errors, and the `top_k` extra field that vLLM,
llama.cpp server and Ollama accept; `extra_body` (GENAI_LLM_EXTRA_BODY) adds server-specific
fields to every request, like the SDK's `extra_body`. Like the SDK, a request that cannot
connect, or gets 429 or 502-504 before anything was streamed, is retried (GENAI_LLM_RETRIES,
backoff 0.5 s, 1 s, ...).

Every failure (server unreachable, error status, a stream that is not the protocol)
is a RuntimeError that names GENAI_LLM_BASE_URL, so a user knows which setting to fix.
"""
from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from typing import Iterator

import httpx

from core.models.sampling import SamplingParams
from core.models.types import ChatResult, TokenCounter, validate_messages

log = logging.getLogger(__name__)

SETTING = "GENAI_LLM_BASE_URL"
RETRY_STATUS = (429, 502, 503, 504)  # overloaded or restarting: worth another try
OWN_FIELDS = ("messages", "stream", "stream_options")  # extra_body may not change what we parse


def parse_extra_body(text: str) -> dict:
    """GENAI_LLM_EXTRA_BODY as a dict ('' = {}); ValueError naming the setting otherwise."""
    if not text.strip():
        return {}
    try:
        extra = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"GENAI_LLM_EXTRA_BODY must be a JSON object, got {text!r}: {e}") from e
    if not isinstance(extra, dict):
        raise ValueError(f"GENAI_LLM_EXTRA_BODY must be a JSON object, got {text!r}")
    if clash := sorted(set(extra) & set(OWN_FIELDS)):
        raise ValueError(f"GENAI_LLM_EXTRA_BODY may not set {clash}: the backend sets those itself")
    return extra


class OpenAICompatChatModel:
    source = "endpoint"

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 60.0, retries: int = 2,
                 extra_body: dict | None = None):
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"{SETTING}={base_url!r} must start with http:// or https://")
        if timeout <= 0:
            raise ValueError(f"timeout must be > 0, got {timeout!r}")
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + "/chat/completions"
        self.name = model
        self.timeout = timeout
        self.retries = retries
        self.extra_body = parse_extra_body(json.dumps(extra_body or {}))
        self._headers = {"Content-Type": "application/json"}
        if api_key:
            self._headers["Authorization"] = f"Bearer {api_key}"
        # One pooled client, shared by every session: httpx.Client is thread-safe.
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                    headers=self._headers)

    def _payload(self, messages: list[dict], params: SamplingParams, stream: bool) -> dict:
        validate_messages(messages)
        body = {
            "model": self.name,
            "messages": messages,
            "max_tokens": params.max_new_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": stream,
        }
        if params.top_k:
            body["top_k"] = params.top_k  # not in OpenAI's spec; vLLM/llama.cpp/Ollama honour it
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        body.update(self.extra_body)  # server-specific fields; may override the sampling ones above
        if stream:
            body["stream_options"] = {"include_usage": True}
        return body

    def _fail(self, what: str) -> RuntimeError:
        return RuntimeError(f"chat server {self.base_url} ({SETTING}): {what}")

    def _check_status(self, response: httpx.Response) -> None:
        if response.status_code < 400:
            return
        response.read()
        detail = response.text.strip().replace("\n", " ")[:300]
        raise self._fail(f"HTTP {response.status_code} from {self.url}: {detail or response.reason_phrase}")

    def stream(self, messages: list[dict], params: SamplingParams = SamplingParams(),
               cancel: threading.Event | None = None, counter=None) -> Iterator[str]:
        response = self._send(self._payload(messages, params, stream=True))
        try:
            with self._errors_named():
                yield from self._events(response, cancel, counter)
        finally:
            response.close()  # also on cancel: the server sees the connection go and stops

    def _send(self, body: dict) -> httpx.Response:
        """POST body, retrying a refused connection or a busy status with back-off; returns the
        open (streaming) response with a status below 400."""
        for attempt in range(self.retries + 1):
            try:
                with self._errors_named():
                    response = self._client.send(self._client.build_request("POST", self.url, json=body),
                                                  stream=True)
            except RuntimeError as e:
                if attempt < self.retries and isinstance(e.__cause__, httpx.ConnectError):
                    self._back_off(attempt, str(e.__cause__))
                    continue
                raise
            if response.status_code in RETRY_STATUS and attempt < self.retries:
                response.close()
                self._back_off(attempt, f"HTTP {response.status_code}")
                continue
            self._check_status(response)
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    @contextlib.contextmanager
    def _errors_named(self):
        """httpx's transport errors as RuntimeErrors that name the setting to fix."""
        try:
            yield
        except httpx.TimeoutException as e:
            raise self._fail(f"no answer within {self.timeout:g} s ({type(e).__name__})") from e
        except httpx.TransportError as e:
            raise self._fail(f"cannot reach {self.url}: {e}") from e

    def _back_off(self, attempt: int, why: str) -> None:
        log.warning("chat server %s: %s; retrying (%d of %d)", self.base_url, why, attempt + 1, self.retries)
        time.sleep(0.5 * 2 ** attempt)

    def _events(self, response: httpx.Response, cancel, counter) -> Iterator[str]:
        """Text deltas from a Server-Sent Events response.

        A stream that ends with neither [DONE] nor a finish_reason was cut off: an error, not
        an answer (llama-cpp-python's server, for one, reports a prompt over its context that way:
        200, then the connection closes)."""
        chunks, usage_tokens, ended = 0, None, False
        for line in response.iter_lines():
            if cancel is not None and cancel.is_set():
                return  # the caller closes the connection: the server stops
            if not line or line.startswith(":"):
                continue  # keep-alive blank lines and SSE comments
            if not line.startswith("data:"):
                continue  # event:/id:/retry: fields carry nothing we use
            data = line[len("data:"):].strip()
            if data == "[DONE]":
                return
            chunk = self._parse_chunk(data)
            choices = chunk.get("choices")
            ended = ended or bool(isinstance(choices, list) and choices and isinstance(choices[0], dict)
                                  and choices[0].get("finish_reason"))
            usage = chunk.get("usage") or {}
            if isinstance(usage.get("completion_tokens"), int):
                usage_tokens = usage["completion_tokens"]  # exact, when the server tells
            delta = self._delta_text(chunk)
            chunks += bool(delta)  # else: one content chunk is about one token
            if counter is not None:
                counter.count = usage_tokens if usage_tokens is not None else chunks
            if delta:
                yield delta
        if not ended and not (cancel is not None and cancel.is_set()):
            raise self._fail(f"the stream from {self.url} ended without [DONE] or a finish_reason after {chunks} "
                             f"content chunks (the server stopped mid-answer; its log says why)")

    def _parse_chunk(self, data: str) -> dict:
        try:
            chunk = json.loads(data)
        except json.JSONDecodeError as e:
            raise self._fail(f"malformed stream chunk (not JSON): {data[:200]!r}") from e
        if not isinstance(chunk, dict):
            raise self._fail(f"malformed stream chunk (not an object): {data[:200]!r}")
        if "error" in chunk:  # some servers report errors inside a 200 stream
            raise self._fail(f"server error in stream: {json.dumps(chunk['error'])[:300]}")
        return chunk

    def _delta_text(self, chunk: dict) -> str:
        choices = chunk.get("choices")
        if choices is None or (choices == [] and "usage" in chunk):
            return ""  # the final usage-only chunk
        try:
            content = choices[0].get("delta", {}).get("content")
        except (TypeError, IndexError, AttributeError) as e:
            raise self._fail(f"malformed stream chunk (no choices[0].delta): {json.dumps(chunk)[:200]}") from e
        if content is not None and not isinstance(content, str):
            raise self._fail(f"malformed stream chunk (content is not text): {json.dumps(chunk)[:200]}")
        return content or ""

    def generate(self, messages: list[dict], params: SamplingParams = SamplingParams(),
                 cancel: threading.Event | None = None):
        start, counter = time.perf_counter(), TokenCounter()
        text = "".join(self.stream(messages, params, cancel, counter))
        return ChatResult(text, self.name, counter.count, time.perf_counter() - start)

    def complete(self, messages: list[dict], params: SamplingParams = SamplingParams()):
        """One non-streaming request ("stream": false); new_tokens from `usage` when given."""
        body = self._payload(messages, params, stream=False)
        start = time.perf_counter()
        response = self._send(body)
        try:
            with self._errors_named():
                response.read()
        finally:
            response.close()
        try:
            payload = response.json()
            text = payload["choices"][0]["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError) as e:
            raise self._fail(f"malformed response (no choices[0].message.content): {response.text[:200]!r}") from e
        usage = payload.get("usage") or {}
        tokens = usage.get("completion_tokens")
        if not isinstance(tokens, int):
            tokens = len(text.split())  # a rough stand-in when the server reports no usage
        return ChatResult(text, self.name, tokens, time.perf_counter() - start)
