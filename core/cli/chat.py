"""`python -m core chat [--max-new-tokens N] [--temperature T] [--seed S] [--stop S] [--json] PROMPT`.

With `--json -`, stdin holds one prompt per line: they are generated concurrently (through
the local model's batching engine) and printed as one JSON line each, in input order, then a
summary line with the aggregate tokens/s; `--sequential` runs them one at a time instead.
"""
from __future__ import annotations

import sys

from core.cli._output import print_json, read_text_arg
from core.config import get_settings

# Model code (torch) is imported in run(): every `python -m core` command builds this parser,
# and most of them never need torch.

MAX_STDIN_PROMPTS = 256


def register(sub) -> None:
    p = sub.add_parser("chat", help="reply to PROMPT with the configured chat model")
    p.add_argument("prompt", metavar="PROMPT", help="the user message ('-' reads stdin; with --json, one prompt a line)")
    p.add_argument("--system", default=None, help="optional system prompt")
    p.add_argument("--max-new-tokens", type=int, default=None)
    p.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    p.add_argument("--top-k", type=int, default=0)
    p.add_argument("--top-p", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--stop", action="append", default=[], help="a stop string (repeatable); the reply ends before it")
    p.add_argument("--sequential", action="store_true",
                   help="with --json -: one prompt after another (the baseline), not concurrently")
    p.add_argument("--json", action="store_true", help='print {"text", "model", "new_tokens", "seconds", "decode_path"}')
    p.set_defaults(func=run)


def run(args) -> int:
    from core.models.chat import get_chat_model
    from core.models.sampling import SamplingParams

    params = SamplingParams(
        max_new_tokens=args.max_new_tokens or get_settings().models.llm_max_new_tokens,
        temperature=args.temperature, top_k=args.top_k, top_p=args.top_p, seed=args.seed, stop=tuple(args.stop))
    if args.json and args.prompt == "-":
        return _many(args, params)
    prompt = read_text_arg(args.prompt)
    if not prompt.strip():
        raise ValueError("PROMPT is empty")
    messages = _messages(args.system, prompt)
    model = get_chat_model()
    if args.json:
        r = model.generate(messages, params)
        print_json({"text": r.text, "model": r.model, "new_tokens": r.new_tokens, "seconds": round(r.seconds, 3),
                    "decode_path": _decode_path(model)})
        return 0
    for delta in model.stream(messages, params):  # token by token, like a chat UI
        sys.stdout.write(delta)
        sys.stdout.flush()
    sys.stdout.write("\n")
    return 0


def _many(args, params) -> int:
    from core.models.chat import get_chat_model
    from core.models.many_prompts import as_json, run_many

    prompts = [line.strip() for line in sys.stdin if line.strip()]
    if not prompts:
        raise ValueError("stdin has no prompt (one prompt per line)")
    if len(prompts) > MAX_STDIN_PROMPTS:
        raise ValueError(f"stdin has {len(prompts)} prompts; at most {MAX_STDIN_PROMPTS} per call")
    model = get_chat_model()
    results, summary = run_many(model, [_messages(args.system, p) for p in prompts], params, args.sequential)
    for r in results:
        print_json({**as_json(r), "model": model.name})
    print_json({**summary, "model": model.name, "decode_path": _decode_path(model)})
    return 1 if summary["errors"] else 0


def _messages(system: str | None, prompt: str) -> list[dict]:
    return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]


def _decode_path(model) -> str:
    return getattr(model, "decode_path", model.source)
