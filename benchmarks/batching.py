"""Many visitors at once: the generation engine's batching, and the chatbot under 10 visitors.

Part 1, decode (in this process, the bundled SmolLM2 as the apps load it): interleaved rounds of
  single      one request alone through the engine
  8 batched   8 different prompts at once through the engine (continuous batching)
  8 threads   the same 8 prompts at once with the engine off (each request its own decode
              loop on its own thread: what concurrency cost before the engine)
Per row: aggregate tokens/s (all new tokens / wall time), the median stream's decode rate
after its first token, and the median time to first token. Targets (#15): 8 batched
aggregate >= 3x single, per stream >= 0.5x single.

Part 2, chatbot (a real `apps/chatbot/app.py` process, driven with gradio_client): the sample
corpus, answer mode "abstractive" (the model writes every answer). One visitor asking 2
questions alone, then 10 visitors x 2 questions at once; per answer the time to its first
streamed text and to the finished answer (the app's default: up to 8 answers at once through
the engine). `--baseline` repeats it with one answer at a time (GENAI_CHAT_CONCURRENCY=1), with
and without the engine (GENAI_LLM_MAX_BATCH=1: the app before #15). `--whole-passages` repeats it
with the model reading the four whole passages (GENAI_CONTEXT_CHARS=0: the prompt before
core/retrieval/focused_context.py, about twice as many prompt tokens). `--no-prefix-cache` repeats it
with the prefix cache off (GENAI_LLM_PREFIX_CACHE_MB=0: every prompt's system turn prefilled again,
the app before core/models/prefix_cache.py) after the default run; `--no-prefix-cache-first` runs that
peer before it; both flags: peer, default, peer (both orders in one run, for an A/B on one machine).
`--peer KEY=VALUE` (repeatable) does the same for any app settings, e.g. `--peer GENAI_LLM_PREFILL=int4`
(the prompt's prefill on the 4-bit weights, as before the float32 prefill on CPUs without bfloat16).
Targets: median answer with 10 visitors <= 2x one visitor alone; median first text <= 3 s.

Every figure is printed with the load average (`uptime`) it was measured under.

    GENAI_THREADS=2 .venv/bin/python benchmarks/batching.py --runs 3 --port 7921 [--baseline] [--whole-passages]
        [--no-prefix-cache] [--no-prefix-cache-first]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ["Write a long story about a lighthouse keeper who finds a message in a bottle.",
           "Explain how rain forms, step by step.", "Describe a busy market in the morning.",
           "Write a letter to a friend about your garden.", "What makes a good teacher? Explain at length.",
           "Tell me about the history of bicycles.", "Describe the life of a honeybee.",
           "Write a short essay about the sea."]
# two questions per visitor, about the shipped sample corpus (assets/sample_corpus)
QUESTIONS = [("How often must the Zanzibar widget be oiled?", "Which lubricant grade is used for it?"),
             ("When was the Marmot ledger started?", "In which village was it started?"),
             ("What does the MIT license say about warranty?", "Who may use software under it?"),
             ("How long does the Zanzibar widget warranty last?", "What part does the warranty cover?"),
             ("What does the Marmot ledger record?", "What unit is used for weights in it?"),
             ("What is the first line of the Zen of Python?", "What does it say about errors?"),
             ("What does the ISC license permit?", "What does it disclaim?"),
             ("What does the first amendment protect?", "How many senators does each state have?"),
             ("What is GenAI Studio?", "Which apps does it include?"),
             ("What are the conditions of the BSD 3-clause license?", "Does it allow endorsement using the author's name?")]


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


# --- part 1 ------------------------------------------------------------------------------
def decode_part(args) -> list[str]:
    import torch

    from core.models.chat import LocalChatModel
    from core.models.many_prompts import run_many
    from core.models.sampling import SamplingParams

    if args.threads:
        torch.set_num_threads(args.threads)
    model = LocalChatModel()
    engine = model.engine
    params = SamplingParams(max_new_tokens=args.max_new_tokens)
    convs = [[{"role": "user", "content": p}] for p in PROMPTS]
    run_many(model, convs[:2], SamplingParams(max_new_tokens=8))  # warm-up, not counted

    def no_engine(c, p):
        model.engine = None
        try:
            return run_many(model, c, p)
        finally:
            model.engine = engine

    rows = {"single": lambda: run_many(model, convs[:1], params),
            "8 batched": lambda: run_many(model, convs, params),
            "8 threads, no engine": lambda: no_engine(convs, params)}
    got = {name: [] for name in rows}
    for _ in range(args.runs):
        for name, fn in rows.items():
            before = load()
            results, summary = fn()
            got[name].append({"aggregate": summary["aggregate_tokens_per_s"],
                              "stream": med(r.tokens_per_s for r in results),
                              "first": med(r.first_token_s for r in results),
                              "tokens": summary["new_tokens"], "load": before + " -> " + load()})
    single = med(r["aggregate"] for r in got["single"])
    single_stream = med(r["stream"] for r in got["single"])
    out = [f"decode: bundled SmolLM2, {model.decode_path}, greedy, {args.max_new_tokens} new tokens max, "
           f"torch threads {args.threads or 'all'}, medians of {args.runs} interleaved rounds", "",
           "| run | aggregate tok/s | vs single | per-stream tok/s | vs single | first token ms | new tokens | load (1/5/15 min) |",
           "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, rs in got.items():
        agg, stream = med(r["aggregate"] for r in rs), med(r["stream"] for r in rs)
        out.append(f"| {name} | {agg:.1f} | {agg / single:.2f}x | {stream:.1f} | {stream / single_stream:.2f}x | "
                   f"{med(r['first'] for r in rs) * 1000:.0f} | {med(r['tokens'] for r in rs):.0f} | "
                   f"{'; '.join(r['load'] for r in rs)} |")
    engine.close()
    return out


# --- part 2 ------------------------------------------------------------------------------
class ChatbotProcess:
    def __init__(self, port: int, data_dir: Path, extra_env: dict):
        env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
        env.update(GENAI_DATA_DIR=str(data_dir), GRADIO_SERVER_PORT=str(port), HF_HUB_OFFLINE="1",
                   GRADIO_ANALYTICS_ENABLED="False", PYTHONPATH=str(ROOT), **extra_env)
        if os.environ.get("GENAI_THREADS"):
            env["GENAI_THREADS"] = os.environ["GENAI_THREADS"]
        self.log = open(data_dir / "chatbot.log", "w")
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "apps/chatbot/app.py")], env=env, cwd=ROOT,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}/"
        from gradio_client import Client

        deadline = time.time() + 600
        while True:
            try:
                self.client = Client(self.url, verbose=False)
                break
            except Exception:  # noqa: BLE001 - not up yet
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"the chatbot did not start; see {self.log.name}") from None
                time.sleep(2)

    def rss_mb(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) // 1024

    def close(self):
        self.proc.terminate()
        self.proc.wait(30)
        self.log.close()


def visitor(url: str, questions, out: list, answer_mode: str):
    from gradio_client import Client

    client, history = Client(url, verbose=False), []
    for turn, q in enumerate(questions):
        start = time.perf_counter()
        job = client.submit(q, history, "sample", "hybrid", 4, "zero_shot", [], answer_mode, None, api_name="/ask")
        first = None
        while not job.done():
            if first is None:
                for update in job.outputs():
                    content = update[0][-1]["content"] if update and update[0] else ""
                    text = content[0]["text"] if isinstance(content, list) else str(content)
                    if text and text != "…" and not text.startswith("<i>Retrieved"):
                        first = time.perf_counter() - start
                        break
            time.sleep(0.05)
        try:
            result = job.result(timeout=30)
            history = result[0]
            timings = (result[2] or {}).get("timings_ms", {}) if isinstance(result[2], dict) else {}
            out.append({"turn": turn, "total": time.perf_counter() - start, "first": first or None,
                        "timings": timings})
        except Exception as e:  # noqa: BLE001 - counted as an error in the table
            out.append({"turn": turn, "error": f"{type(e).__name__}: {e}"[:200]})


def visitors(url: str, n: int, answer_mode: str) -> list[dict]:
    out: list[dict] = []
    threads = [threading.Thread(target=visitor, args=(url, QUESTIONS[i % len(QUESTIONS)], out, answer_mode))
               for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(1800)
    return out


def one_at_a_time(url: str, n: int, answer_mode: str) -> list[dict]:
    """The 10 visitors' conversations asked one after another: the "alone" baseline must ask the same
    questions (the first pair alone is unanswerable and abstains in 0.2 s, which flattered the ratio)."""
    out: list[dict] = []
    for i in range(n):
        visitor(url, QUESTIONS[i % len(QUESTIONS)], out, answer_mode)
    return out


def chatbot_configs(args) -> list[tuple[str, dict]]:
    """(label, extra env) of each chatbot run, in the order they run."""
    configs = [("engine, 8 answers at once", {})]
    no_prefix = ("engine, 8 answers at once, no prefix cache", {"GENAI_LLM_PREFIX_CACHE_MB": "0"})
    if args.no_prefix_cache_first:
        configs.insert(0, no_prefix)
    if args.no_prefix_cache:
        configs.append(no_prefix)
    if args.peer:  # any app settings: before and after the default, both orders in one run
        peer = ("engine, 8 answers at once, " + ", ".join(args.peer), dict(p.split("=", 1) for p in args.peer))
        configs = [peer, *configs, peer]
    if args.whole_passages:  # the prompt before focused_context.py: the four whole passages
        configs += [("engine, 8 answers at once, whole passages", {"GENAI_CONTEXT_CHARS": "0"})]
    if args.baseline:
        configs += [("engine, one answer at a time", {"GENAI_CHAT_CONCURRENCY": "1"}),
                    ("no engine, one answer at a time", {"GENAI_LLM_MAX_BATCH": "1", "GENAI_CHAT_CONCURRENCY": "1"})]
    return configs


def chatbot_part(args) -> list[str]:
    configs = chatbot_configs(args)
    out = [f"chatbot: apps/chatbot/app.py, sample corpus, answer mode {args.answer_mode}, hybrid k=4, "
           f"at most {args.max_new_tokens} new tokens an answer, "
           "each visitor its own gradio_client, 2 questions each; '1 visitor' asks the same 10 "
           "conversations one after another", "",
           "| app | visitors | answers | errors | median answer s | max answer s | vs alone | median first text s | "
           "RSS MB start/end | load (1/5/15 min) |", "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    stages = ["", "medians of the chain's timings per question (ms from the handler's start; "
              "client first text: from submit)", "",
              "| app | question | answers | " + " | ".join(STAGES) + " | client first text |",
              "|---|---:|---:|" + "---:|" * (len(STAGES) + 1)]
    for label, env in configs:
        with tempfile.TemporaryDirectory(prefix="batching-bench-") as tmp:
            app = ChatbotProcess(args.port, Path(tmp), {**env, "GENAI_LLM_MAX_NEW_TOKENS": str(args.max_new_tokens)})
            try:
                s = json.loads(subprocess.run([sys.executable, "-c", "from core.config import get_settings; import json;"
                                               "r=get_settings().retrieval; print(json.dumps([r.chunk_size, r.chunk_overlap]))"],
                                              capture_output=True, text=True, cwd=ROOT).stdout)
                app.client.predict("sample", s[0], s[1], "", api_name="/ingest_sample")  # "": no host token (local mode)
                visitors(app.url, 1, args.answer_mode)  # warm-up: first-use loads (model, scanners), not counted
                start_rss = app.rss_mb()
                alone_load = load()
                alone = one_at_a_time(app.url, 10, args.answer_mode)
                alone_load += " -> " + load()
                many_load = load()
                many = visitors(app.url, 10, args.answer_mode)
                many_load += " -> " + load()
                end_rss = app.rss_mb()
            finally:
                app.close()
        stages += stage_lines(f"{label}, 1 visitor", alone) + stage_lines(f"{label}, 10 visitors", many)
        base = med(r.get("total") for r in alone)
        for n, rs, ld in ((1, alone, alone_load), (10, many, many_load)):
            ok = [r for r in rs if "error" not in r]
            total = med(r["total"] for r in ok)
            out.append(f"| {label} | {n} | {len(ok)} | {len(rs) - len(ok)} | {total:.1f} | "
                       f"{max((r['total'] for r in ok), default=float('nan')):.1f} | {total / base:.1f}x | "
                       f"{med(r['first'] for r in ok):.1f} | {start_rss}/{end_rss} | {ld} |")
    return out + stages


STAGES = ("condense", "retrieve", "scan_context", "abstention", "evidence_checks", "first_token", "first_text",
          "generate", "total")


def stage_lines(label: str, rs: list[dict]) -> list[str]:
    """Where an answer's time went inside the app (the chain's trace, ms since the handler started),
    per question of a visitor: the client's first text minus the app's is time spent queued."""
    out = []
    for turn in (0, 1):
        ok = [r for r in rs if "error" not in r and r["turn"] == turn]
        cells = [f"{med(r['timings'].get(s) for r in ok):.0f}" for s in STAGES]
        client_first = med(r["first"] for r in ok) * 1000
        out.append(f"| {label} | {turn + 1} | {len(ok)} | " + " | ".join(cells) + f" | {client_first:.0f} |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--threads", type=int, default=int(os.environ.get("GENAI_THREADS", "0")))
    parser.add_argument("--port", type=int, default=7921)
    parser.add_argument("--answer-mode", default="abstractive")
    parser.add_argument("--baseline", action="store_true", help="also the chatbot without the engine")
    parser.add_argument("--whole-passages", action="store_true",
                        help="also the chatbot whose model reads the four whole passages (GENAI_CONTEXT_CHARS=0)")
    parser.add_argument("--no-prefix-cache", action="store_true",
                        help="also the chatbot with the prefix cache off (GENAI_LLM_PREFIX_CACHE_MB=0), after the default")
    parser.add_argument("--no-prefix-cache-first", action="store_true",
                        help="also the chatbot with the prefix cache off, before the default")
    parser.add_argument("--peer", action="append", default=[], metavar="KEY=VALUE",
                        help="also the chatbot with these app settings (repeatable, e.g. GENAI_LLM_PREFILL=int4), "
                             "before and after the default")
    parser.add_argument("--parts", default="decode,chatbot")
    args = parser.parse_args()
    print(f"# start, load {load()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
    lines = []
    if "decode" in args.parts:
        lines += decode_part(args) + [""]
        print("\n".join(lines), flush=True)
    if "chatbot" in args.parts:
        chat_lines = chatbot_part(args)
        print("\n".join(chat_lines), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
