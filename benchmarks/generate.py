"""Time-to-first-token and decode tokens/s of the chat path, beside llama.cpp.

What it measures: the bundled SmolLM2-135M-Instruct answering a fixed prompt with greedy
decoding, streamed, `--runs` times per backend, runs interleaved (A B C A B C ...) so a
busy machine slows every backend alike. Per backend it prints the median time to the
first streamed text (TTFT, includes tokenising the chat template and the prefill) and
the median decode rate ((tokens - 1) / (last token time - first token time)).

Backends (rows):
  ours        LocalChatModel as the apps use it (default settings): FastLlama decode loop,
              bfloat16 activations, 4-bit weights (GENAI_LLM_QUANTIZE=auto)
  ours-bf16   the same with bfloat16 weights (GENAI_LLM_QUANTIZE=none)
  ours-fp32   the same in float32
  ours-hf     LocalChatModel(fast=False): the transformers forward with its cache, one
              token a step (the chat path before FastLlama), bfloat16
  llama.cpp   llama-cpp-python on the very GGUF file the bundled model comes from, same
              thread count, in a subprocess of the interpreter given by --llama-python
  ours-openai ours via OpenAI API -> llama.cpp server: our OpenAICompatChatModel (the backend
              GENAI_LLM_BASE_URL selects) streaming from `python -m llama_cpp.server` on that
              GGUF, same thread count, started from --llama-python on 127.0.0.1:--server-port
              (needs llama-cpp-python[server]; see benchmarks/openai_server.py, which also
              checks its answers). Before each run a 1-token request with another system
              prompt clears the server's reused prompt prefix, so TTFT includes the prefill.

llama-cpp-python is NOT a project dependency. Build it in a throwaway venv (it compiles
llama.cpp with its server and tools: minutes on an idle many-core machine, well over an
hour on 2 cores shared with other work):

    python3 -m venv /tmp/llamavenv
    nice -n 10 /tmp/llamavenv/bin/pip install 'llama-cpp-python[server]==0.3.36'

then:

    .venv/bin/python benchmarks/generate.py --llama-python /tmp/llamavenv/bin/python --threads 2

Without --llama-python (or when that interpreter cannot import llama_cpp) the llama.cpp
row says why it is missing, and the other rows are still measured.

On a CPU with AMX, a native 0.3.36 build crashed in llama_decode on any prompt of more than
one token (SIGSEGV, once SIGILL) in its repacked weight buffers; `--no-repack` runs both
llama.cpp rows the way llama-server's --no-repack does (what benchmarks/results/
openai_server_llamacpp.md measured, 2026-12-03):

    taskset -c 1 .venv/bin/python benchmarks/generate.py --runs 5 --max-new-tokens 128 --threads 1 \
        --backends ours,llama.cpp,ours-openai --llama-python /tmp/llamavenv/bin/python --no-repack
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

PROMPT = [{"role": "system", "content": "You are a helpful assistant."},
          {"role": "user", "content": "Write a long story about a lighthouse keeper who finds a message in a bottle."}]

# Runs inside the llama.cpp venv: one JSON request per stdin line, one JSON result per stdout line.
LLAMA_WORKER = textwrap.dedent("""
    import json, sys, time
    import llama_cpp
    cfg = json.loads(sys.argv[1])
    if cfg.get("no_repack"):  # llama-server's --no-repack: no extra (repacked/AMX) weight buffers
        exec(cfg["no_repack"])  # openai_server.NO_REPACK_PATCH
    from llama_cpp import Llama
    t = time.perf_counter()
    llm = Llama(model_path=cfg["gguf"], n_threads=cfg["threads"], n_threads_batch=cfg["threads"],
                n_ctx=2048, verbose=False, seed=0)
    print(json.dumps({"loaded": time.perf_counter() - t}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        llm.reset()  # no prompt-prefix reuse between runs: every TTFT includes the prefill
        start = time.perf_counter()
        first = last = None
        tokens, text = 0, []
        for chunk in llm.create_chat_completion(messages=req["messages"], max_tokens=req["max_tokens"],
                                                temperature=0.0, top_k=1, stream=True):
            piece = chunk["choices"][0]["delta"].get("content")
            if piece:
                now = time.perf_counter()
                first = first or now
                last = now
                tokens += 1
                text.append(piece)
        print(json.dumps({"ttft": first - start, "first": first - start, "last": last - start,
                          "tokens": tokens, "text": "".join(text)}), flush=True)
""")


class LlamaCpp:
    name = "llama.cpp"

    def __init__(self, python: str, gguf: Path, threads: int, no_repack: bool = False):
        from benchmarks.openai_server import NO_REPACK_PATCH

        self.proc = subprocess.Popen(
            [python, "-c", LLAMA_WORKER, json.dumps({"gguf": str(gguf), "threads": threads,
                                                     "no_repack": NO_REPACK_PATCH if no_repack else ""})],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = self.proc.stdout.readline()
        if not ready:
            raise RuntimeError(f"{python} could not start llama_cpp (see its error above)")
        self.detail = f"llama-cpp-python, {gguf.name}, n_threads={threads}" + (", no repack" if no_repack else "")

    def run(self, messages, max_tokens) -> dict:
        self.proc.stdin.write(json.dumps({"messages": messages, "max_tokens": max_tokens}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:  # e.g. SIGSEGV in llama_decode of a native build on an AMX CPU: see --no-repack
            raise RuntimeError(f"the llama.cpp worker died (exit code {self.proc.wait(10)}); on a CPU with AMX "
                               "try --no-repack")
        return json.loads(line)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(30)


class Ours:
    def __init__(self, name: str, model, detail: str):
        self.name, self.model, self.detail = name, model, detail

    def run(self, messages, max_tokens) -> dict:
        from core.models.chat import TokenCounter
        from core.models.sampling import SamplingParams

        counter, text = TokenCounter(), []
        start = time.perf_counter()
        first = last = None
        for delta in self.model.stream(messages, SamplingParams(max_new_tokens=max_tokens), counter=counter):
            now = time.perf_counter()
            first = first or now
            last = now
            text.append(delta)
        last = time.perf_counter()  # the final token may be held in no delta; the loop ends after it
        return {"ttft": first - start, "first": first - start, "last": last - start,
                "tokens": counter.count, "text": "".join(text)}

    def close(self):
        pass


class OursViaServer(Ours):
    """Our OpenAI-compatible backend against llama.cpp's server (a subprocess this row owns)."""

    def __init__(self, args):
        from benchmarks.openai_server import NEUTRAL_LLAMACPP, LlamaServer
        from core.models import bundled
        from core.models.openai_compat import OpenAICompatChatModel

        log = Path(os.environ.get("GENAI_DATA_DIR", "/tmp")) / "llama_server.log"
        self.server = LlamaServer(args.llama_python, bundled.smollm2_gguf(), args.threads, args.server_port, log,
                                  no_repack=args.no_repack)
        # temperature 0 alone would leave the server's repeat_penalty 1.1 on: not the greedy decoding of the other rows
        model = OpenAICompatChatModel(self.server.base_url, self.server.model, timeout=300, extra_body=NEUTRAL_LLAMACPP)
        super().__init__("ours-openai", model, f"OpenAICompatChatModel -> {self.server.detail}")

    def run(self, messages, max_tokens) -> dict:
        from benchmarks.openai_server import flush_prefix

        flush_prefix(self.model)
        return super().run(messages, max_tokens)

    def close(self):
        self.server.close()


def build(backends: list[str], args) -> tuple[list, dict]:
    import torch

    from core.models import bundled
    from core.models.chat import LocalChatModel

    made, missing = [], {}
    for name in backends:
        t = time.perf_counter()
        if name == "ours":
            m = LocalChatModel()
            made.append(Ours(name, m, f"FastLlama, {m.fast.quantized or m.fast.dtype}"))
        elif name == "ours-bf16":
            m = LocalChatModel(dtype=torch.bfloat16, quantize="none")
            made.append(Ours(name, m, "FastLlama, torch.bfloat16"))
        elif name == "ours-fp32":
            m = LocalChatModel(dtype=torch.float32, quantize="none")
            made.append(Ours(name, m, "FastLlama, torch.float32"))
        elif name == "ours-hf":
            m = LocalChatModel(dtype=torch.bfloat16, fast=False, quantize="none")
            made.append(Ours(name, m, f"transformers forward + cache, {m.lm.dtype}"))
        elif name == "llama.cpp":
            if not args.llama_python:
                missing[name] = "not measured: pass --llama-python (see this script's docstring)"
                continue
            try:
                made.append(LlamaCpp(args.llama_python, bundled.smollm2_gguf(), args.threads, args.no_repack))
            except (OSError, RuntimeError) as e:
                missing[name] = f"not measured: {e}"
                continue
        elif name == "ours-openai":
            if not args.llama_python:
                missing[name] = "not measured: pass --llama-python (a venv with llama-cpp-python[server])"
                continue
            try:
                made.append(OursViaServer(args))
            except (OSError, RuntimeError) as e:
                missing[name] = f"not measured: {e}"[:300]
                continue
        print(f"# loaded {name} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return made, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--threads", type=int, default=None, help="torch and llama.cpp threads (default: all cores)")
    parser.add_argument("--llama-python", default=None, help="python of a venv with llama-cpp-python")
    parser.add_argument("--backends", default="ours,ours-bf16,ours-fp32,ours-hf,llama.cpp,ours-openai")
    parser.add_argument("--no-repack", action="store_true",
                        help="both llama.cpp rows without repacked (AMX) weight buffers, like llama-server's --no-repack: "
                             "a native 0.3.36 build crashes in prefill on the AMX VM of 2026-12-03")
    parser.add_argument("--server-port", type=int, default=8089, help="port for llama_cpp.server (ours-openai row)")
    parser.add_argument("--json", action="store_true", help="also print every run as JSON lines")
    args = parser.parse_args()

    import torch

    args.threads = args.threads or os.cpu_count()
    torch.set_num_threads(args.threads)
    backends, missing = build(args.backends.split(","), args)
    try:
        # one warm-up run each (first-call allocations, lazy kernels), not counted
        for b in backends:
            b.run(PROMPT, 8)
        results = {b.name: [] for b in backends}
        for i in range(args.runs):
            for b in backends:
                r = b.run(PROMPT, args.max_new_tokens)
                r["decode_tps"] = (r["tokens"] - 1) / (r["last"] - r["first"]) if r["tokens"] > 1 else float("nan")
                results[b.name].append(r)
                if args.json:
                    print(json.dumps({"backend": b.name, "run": i, **{k: v for k, v in r.items() if k != "text"}}))
    finally:  # also on an error: no llama.cpp server left running on its port
        for b in backends:
            b.close()

    peer = results.get("llama.cpp")
    peer_tps = statistics.median(r["decode_tps"] for r in peer) if peer else None
    print(f"\nchat decode, bundled SmolLM2-135M-Instruct, greedy, {args.max_new_tokens} new tokens max, "
          f"{args.threads} threads, medians of {args.runs} interleaved runs (torch {torch.__version__})\n")
    print("| backend | detail | TTFT ms | decode tok/s | tokens | vs llama.cpp decode |")
    print("|---|---|---:|---:|---:|---:|")
    for b in backends:
        rs = results[b.name]
        tps = statistics.median(r["decode_tps"] for r in rs)
        ratio = f"{tps / peer_tps:.2f}x" if peer_tps else "n/a"
        print(f"| {b.name} | {b.detail} | {statistics.median(r['ttft'] for r in rs) * 1000:.0f} | "
              f"{tps:.1f} | {statistics.median(r['tokens'] for r in rs):.0f} | {ratio} |")
    for name, why in missing.items():
        print(f"| {name} | {why} | | | | |")
    print("\nfirst 80 characters of each backend's reply:")
    for b in backends:
        print(f"  {b.name}: {results[b.name][0]['text'][:80]!r}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `benchmarks.openai_server` without PYTHONPATH
    raise SystemExit(main())
