"""`python -m core chat [--max-new-tokens N] [--temperature T] [--seed S] [--json] PROMPT`."""
from __future__ import annotations

import sys

from core.cli._output import print_json, read_text_arg
from core.config import get_settings
from core.models.chat import get_chat_model
from core.models.sampling import SamplingParams


def register(sub) -> None:
    p = sub.add_parser("chat", help="reply to PROMPT with the configured chat model")
    p.add_argument("prompt", metavar="PROMPT", help="the user message ('-' reads stdin)")
    p.add_argument("--system", default=None, help="optional system prompt")
    p.add_argument("--max-new-tokens", type=int, default=None)
    p.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    p.add_argument("--top-k", type=int, default=0)
    p.add_argument("--top-p", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--json", action="store_true", help='print {"text", "model", "new_tokens", "seconds", "decode_path"}')
    p.set_defaults(func=run)


def run(args) -> int:
    prompt = read_text_arg(args.prompt)
    if not prompt.strip():
        raise ValueError("PROMPT is empty")
    params = SamplingParams(
        max_new_tokens=args.max_new_tokens or get_settings().models.llm_max_new_tokens,
        temperature=args.temperature, top_k=args.top_k, top_p=args.top_p, seed=args.seed)
    messages = ([{"role": "system", "content": args.system}] if args.system else [])
    messages.append({"role": "user", "content": prompt})
    model = get_chat_model()
    if args.json:
        r = model.generate(messages, params)
        print_json({"text": r.text, "model": r.model, "new_tokens": r.new_tokens, "seconds": round(r.seconds, 3),
                    "decode_path": getattr(model, "decode_path", model.source)})
        return 0
    for delta in model.stream(messages, params):  # token by token, like a chat UI
        sys.stdout.write(delta)
        sys.stdout.flush()
    sys.stdout.write("\n")
    return 0
