"""Our OpenAI-compatible backend against a real OpenAI-compatible server (#15 item 7).

The server is llama-cpp-python's `llama_cpp.server` (FastAPI + uvicorn, Server-Sent Events)
serving the very GGUF file the bundled model comes from. llama-cpp-python is NOT a project
dependency: build it, with the server extra, in a throwaway venv (compiles llama.cpp):

    python3 -m venv /tmp/llamavenv
    nice -n 10 /tmp/llamavenv/bin/pip install 'llama-cpp-python[server]==0.3.36'

`LlamaServer` starts it as a subprocess on 127.0.0.1 and waits for GET /v1/models;
benchmarks/generate.py uses it for its `ours-openai` row (speed). Run as a script, this file
checks correctness end to end through `OpenAICompatChatModel`, the class the apps use when
GENAI_LLM_BASE_URL is set:

    GENAI_DATA_DIR=/tmp/oai-data .venv/bin/python benchmarks/openai_server.py \\
        --llama-python /tmp/llamavenv/bin/python --threads 1 --port 7681 [--no-repack] [--chain-local]

1. greedy text through the server equals llama-cpp-python's own create_chat_completion on the
   same GGUF and chat template (the GGUF's own template in both), for a few prompts;
2. `seed`, `max_tokens` and `stop` are honoured; `usage` is read (streamed and not);
3. closing a stream stops the server's generation (its process's CPU time stops growing and
   the next request is answered at once);
4. errors come back as RuntimeErrors naming GENAI_LLM_BASE_URL (a prompt over the context);
5. the chatbot's chain (RagChain, grounded answers, the sample corpus) answers through it;
6. (informational) whether the server's greedy text depends on the prompt prefix it reuses
   from the previous request (it did: see benchmarks/results/openai_server_llamacpp.md).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

SERVER_NAME = "ours-openai"
# llama-cpp-python's server fills sampling fields a request leaves out with its own defaults,
# which are not neutral: repeat_penalty 1.1 (its Python API: 1.0), top_k 40, min_p 0.05. These
# make the server's "temperature 0" the same plain argmax as ours and as the Python API.
NEUTRAL_LLAMACPP = {"repeat_penalty": 1.0, "min_p": 0.0}


# `python -m llama_cpp.server` with llama-server's --no-repack (use_extra_bufts=False), which
# llama-cpp-python 0.3.36 does not expose: a native build crashed (SIGSEGV / SIGILL in
# llama_decode) on any prompt of more than one token in the repacked AMX weight buffers of
# the VM this was measured on (Xeon with AMX); one token at a time, or no repack, worked.
NO_REPACK_PATCH = """
import llama_cpp
default_params = llama_cpp.llama_model_default_params
def no_repack():
    p = default_params()
    p.use_extra_bufts = False
    return p
llama_cpp.llama_cpp.llama_model_default_params = no_repack
llama_cpp.llama.llama_cpp.llama_model_default_params = no_repack
"""
NO_REPACK_LAUNCH = NO_REPACK_PATCH + """
import runpy, sys
sys.argv[0] = "llama_cpp.server"
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
"""


class LlamaServer:
    """`python -m llama_cpp.server` on 127.0.0.1:port as a subprocess; .base_url, .model."""

    def __init__(self, python: str, gguf: Path, threads: int, port: int, log_path: Path, n_ctx: int = 4096,
                 wait_s: float = 300.0, no_repack: bool = False):
        launch = ["-c", NO_REPACK_LAUNCH] if no_repack else ["-m", "llama_cpp.server"]
        cmd = [python, *launch, "--model", str(gguf), "--n_threads", str(threads),
               "--n_threads_batch", str(threads), "--n_ctx", str(n_ctx), "--host", "127.0.0.1", "--port", str(port)]
        with socket.socket() as sock:  # else /v1/models may be answered by another process's server
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                raise RuntimeError(f"port {port} is in use already: pick another (--port / --server-port)")
        self.log_path = log_path
        self._log = open(log_path, "w")
        t = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT)
        self.base_url = f"http://127.0.0.1:{port}/v1"
        self.detail = f"llama_cpp.server, {gguf.name}, n_threads={threads}, n_ctx={n_ctx}" + (
            ", no repack" if no_repack else "")
        deadline = time.monotonic() + wait_s
        while True:
            if self.proc.poll() is not None:
                self._log.close()
                raise RuntimeError(f"llama_cpp.server exited with {self.proc.returncode}: "
                                   f"{log_path.read_text()[-1500:]}")
            try:
                r = httpx.get(self.base_url + "/models", timeout=2)
                if r.status_code == 200 and self.proc.poll() is None:
                    self.model = r.json()["data"][0]["id"]
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"llama_cpp.server did not answer {self.base_url}/models within {wait_s:g} s")
            time.sleep(0.2)
        self.start_s = time.perf_counter() - t

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


def flush_prefix(model) -> None:
    """llama-cpp-python reuses the longest common token prefix of the previous request; a tiny
    request with another system prompt leaves only the template's first 3 tokens in common, so
    the next timed request pays (almost) its whole prefill, like the other rows."""
    from core.models.sampling import SamplingParams

    model.complete([{"role": "system", "content": "Z"}, {"role": "user", "content": "0"}],
                   SamplingParams(max_new_tokens=1))


PROMPTS = [
    [{"role": "system", "content": "You are a helpful assistant."},
     {"role": "user", "content": "Write a long story about a lighthouse keeper who finds a message in a bottle."}],
    [{"role": "user", "content": "What is the capital of France? Answer in one sentence."}],
    [{"role": "system", "content": "Answer briefly."},
     {"role": "user", "content": "List three uses of a paperclip."}],
]

QUESTIONS = ["What is the Zen of Python's first line?", "Which license is the MIT license?",
             "What does the constitution say about senators?", "How do I start GenAI Studio?"]


def check(name: str, ok: bool, detail: str, results: list) -> None:
    results.append({"check": name, "ok": bool(ok), "detail": detail})
    print(f"[{'PASS' if ok else 'FAIL'}] {name}: {detail}", flush=True)


def run_checks(server: LlamaServer, llama_python: str, threads: int, max_tokens: int, no_repack: bool) -> list[dict]:
    from benchmarks.generate import LlamaCpp
    from core.models import bundled
    from core.models.openai_compat import OpenAICompatChatModel
    from core.models.sampling import SamplingParams

    results: list[dict] = []
    plain = OpenAICompatChatModel(server.base_url, server.model, timeout=120)
    neutral = OpenAICompatChatModel(server.base_url, server.model, timeout=120, extra_body=NEUTRAL_LLAMACPP)
    greedy = SamplingParams(max_new_tokens=max_tokens)

    # 1. greedy text: server (through our backend) vs llama-cpp-python's Python API
    direct = LlamaCpp(llama_python, bundled.smollm2_gguf(), threads, no_repack)
    try:
        for i, messages in enumerate(PROMPTS):
            want = direct.run(messages, max_tokens)["text"]
            got_neutral = neutral.generate(messages, greedy).text
            got_plain = plain.generate(messages, greedy).text
            check(f"greedy prompt {i}: server (repeat_penalty 1.0, min_p 0) == Python API", got_neutral == want,
                  f"{len(want)} chars; first difference at {_diff_at(got_neutral, want)}", results)
            same = got_plain == want
            check(f"greedy prompt {i}: server with its own defaults (no extra_body)", True,
                  "equal" if same else f"differs from char {_diff_at(got_plain, want)}: server "
                  f"{got_plain[max(0, _diff_at(got_plain, want) - 20):][:60]!r} vs API "
                  f"{want[max(0, _diff_at(got_plain, want) - 20):][:60]!r} (repeat_penalty 1.1 is its default)", results)
    finally:
        direct.close()

    # 2. seed, max_tokens, stop, usage
    sampled = SamplingParams(max_new_tokens=24, temperature=0.9, seed=7)
    a = neutral.generate(PROMPTS[0], sampled).text
    b = neutral.generate(PROMPTS[0], sampled).text
    c = neutral.generate(PROMPTS[0], SamplingParams(max_new_tokens=24, temperature=0.9, seed=8)).text
    check("seed: same seed, same text; another seed, another text", a == b and a != c,
          f"seed 7 twice {'equal' if a == b else 'DIFFERENT'}; seed 8 {'differs' if a != c else 'EQUAL'}", results)
    r = neutral.complete(PROMPTS[0], SamplingParams(max_new_tokens=5))
    check("max_tokens 5, non-streamed: usage.completion_tokens == 5", r.new_tokens == 5,
          f"new_tokens={r.new_tokens}, text={r.text!r}", results)
    r = neutral.generate(PROMPTS[0], SamplingParams(max_new_tokens=5))
    check("max_tokens 5, streamed: at most 5 tokens (new_tokens from usage when sent, else chunks)",
          1 <= r.new_tokens <= 5, f"new_tokens={r.new_tokens}, text={r.text!r}", results)
    raw = httpx.post(server.base_url + "/chat/completions", timeout=60, json={
        "model": server.model, "messages": PROMPTS[0], "max_tokens": 5, "stream": True,
        "stream_options": {"include_usage": True}}).text
    check("stream usage: does the server send a usage chunk when asked (stream_options.include_usage)?", True,
          "yes" if '"usage"' in raw and '"completion_tokens"' in raw else
          "no: llama-cpp-python 0.3.36 ignores stream_options; our backend then counts content chunks", results)
    full = neutral.generate(PROMPTS[0], SamplingParams(max_new_tokens=64)).text
    stop = next((s for s in (". ", ", ", " the ") if s in full), None)
    if stop:
        cut = neutral.generate(PROMPTS[0], SamplingParams(max_new_tokens=64, stop=(stop,))).text
        check(f"stop {stop!r}: reply ends before it", cut == full[:full.index(stop)],
              f"{cut!r} vs expected {full[:full.index(stop)]!r}", results)
    else:
        check("stop", False, f"no stop candidate in {full[:80]!r}", results)

    # 3. cancel: close the stream after 3 deltas of a long answer; the server must stop generating
    cancel = threading.Event()
    got = []
    for delta in neutral.stream(PROMPTS[0], SamplingParams(max_new_tokens=1500), cancel=cancel):
        got.append(delta)
        if len(got) == 3:
            cancel.set()
    time.sleep(0.5)  # the server notices the closed connection at its next token
    cpu0 = server.cpu_seconds()
    time.sleep(2.0)
    busy = server.cpu_seconds() - cpu0
    t = time.perf_counter()
    after = neutral.generate(PROMPTS[1], SamplingParams(max_new_tokens=1))
    ttft_after = time.perf_counter() - t
    check("cancel: closed stream stops the server's generation", busy < 0.3 and ttft_after < 10,
          f"{len(got)} deltas read; server CPU in the 2 s after: {busy:.2f} s (would be ~2 s if still "
          f"generating 1500 tokens); next request answered in {ttft_after:.2f} s ({after.text!r})", results)
    log_tail = server.log_path.read_text()[-3000:]
    check("cancel: server log says the client disconnected", True,
          "yes" if "disconnected" in log_tail.lower() else "no log line (checked by CPU time above)", results)

    # 4. errors: a prompt longer than the context
    long = [{"role": "user", "content": "word " * 6000}]
    try:
        neutral.generate(long, SamplingParams(max_new_tokens=8))
        check("error: prompt over n_ctx gives a RuntimeError naming GENAI_LLM_BASE_URL", False, "no error", results)
    except RuntimeError as e:
        check("error: prompt over n_ctx gives a RuntimeError naming GENAI_LLM_BASE_URL",
              "GENAI_LLM_BASE_URL" in str(e), str(e)[:300], results)
    return results


def _diff_at(a: str, b: str) -> int | str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return "none" if len(a) == len(b) else min(len(a), len(b))


def run_chain(model, label: str, max_tokens: int) -> list[dict]:
    """RagChain, grounded answers, sample corpus, through `model` (None: the local backend)."""
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    col = open_collection("sample")
    if col.count() == 0:
        corpus = Path(__file__).resolve().parents[1] / "assets/rag_corpus"
        col.ingest(sorted(p for p in corpus.iterdir() if p.is_file()))
    rows = []
    for q in QUESTIONS:
        chain = RagChain("sample", answer_mode="grounded", chat_model=model,
                         params=SamplingParams(max_new_tokens=max_tokens))
        t = time.perf_counter()
        ans = chain.ask(q)
        timings = ans.trace.get("timings_ms", {})
        rows.append({"backend": label, "question": q, "answer": ans.answer, "found": ans.found,
                     "cited": [c.source for c in ans.citations if c.cited], "seconds": round(time.perf_counter() - t, 2),
                     "first_token_ms": timings.get("first_token"), "model_sentences": len(ans.trace.get("model_sentences", [])),
                     "fell_back_to_quotes": bool(ans.trace.get("fell_back_to_quotes"))})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def prefix_reuse(model, question: str, max_tokens: int) -> dict:
    """Greedy answers to one RAG prompt after different previous requests. llama-cpp-python
    reuses the longest token prefix it shares with the previous request and prefills only
    the rest, in a batch of another size; the numbers, and so a near-tie, can then differ."""
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain

    messages = RagChain("sample", answer_mode="grounded", chat_model=model,
                        params=SamplingParams(max_new_tokens=4)).ask(question).trace["prompt"]
    params, out = SamplingParams(max_new_tokens=max_tokens), {}
    flush_prefix(model)
    out["after a flush (3 template tokens reused)"] = model.generate(messages, params).text
    out["the same prompt again (all of it reused)"] = model.generate(messages, params).text
    flush_prefix(model)
    out["after a flush again"] = model.generate(messages, params).text
    for case, text in out.items():
        print(json.dumps({"case": case, "text": text}), flush=True)
    print(f"# prompt of {sum(len(m['content']) for m in messages)} characters; answers all equal: "
          f"{len(set(out.values())) == 1}", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llama-python", required=True, help="python of a venv with llama-cpp-python[server]")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=7681)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--no-repack", action="store_true", help="server and Python API without repacked "
                        "(AMX) weight buffers, like llama-server's --no-repack (see NO_REPACK_LAUNCH)")
    parser.add_argument("--chain-local", action="store_true", help="also ask the chain's questions through the "
                        "local backend, to compare")
    parser.add_argument("--log", default=None, help="server log file (default: $GENAI_DATA_DIR/llama_server.log)")
    args = parser.parse_args()

    from core.models import bundled

    log = Path(args.log or Path(os.environ.get("GENAI_DATA_DIR", "/tmp")) / "llama_server.log")
    server = LlamaServer(args.llama_python, bundled.smollm2_gguf(), args.threads, args.port, log,
                         no_repack=args.no_repack)
    print(f"# {server.detail} up in {server.start_s:.1f} s at {server.base_url}, model id {server.model!r}",
          flush=True)
    try:
        results = run_checks(server, args.llama_python, args.threads, args.max_new_tokens, args.no_repack)
        from core.models.openai_compat import OpenAICompatChatModel

        print("\n# RagChain, grounded, sample corpus, through the server, then the local backend", flush=True)
        via = OpenAICompatChatModel(server.base_url, server.model, timeout=300, extra_body=NEUTRAL_LLAMACPP)
        run_chain(via, "ours-openai", 96)
        print("\n# one RAG prompt, greedy, after different previous requests (the server's prefix reuse)", flush=True)
        prefix_reuse(via, QUESTIONS[0], 96)
        if args.chain_local:
            run_chain(None, "ours (local)", 96)
    finally:
        server.close()
    failed = [r["check"] for r in results if not r["ok"]]
    print(f"\n{len(results) - len(failed)}/{len(results)} checks passed" + (f"; failed: {failed}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
