"""`python -m core seq2seq [--model NAME] [--json] TEXT`: an encoder-decoder's output and cross-attention.

--json prints {"model", "input_tokens", "output", "output_tokens", "cross_attentions"} (plus
"input_ids", "output_ids", "output_probs", "finished") with
cross_attentions[layer][head][output][input]. TEXT '-' reads one input per stdin line and
prints one result per line (JSON lines with --json); a bad line prints {"input", "error"}
and the rest still run (exit status 2 if any failed).
Plain output: the answer, then each output token with the input token it looked at most
(cross-attention averaged over every layer and head).
"""
from __future__ import annotations

import sys

from core.cli._output import print_json

# Model code (torch) is imported in run() and _emit(): every `python -m core` command builds
# this parser, and most of them never need torch.


def register(sub) -> None:
    p = sub.add_parser("seq2seq", help="an encoder-decoder's output for TEXT and where each output token looked")
    p.add_argument("text", metavar="TEXT", help="the input ('-': one input per stdin line)")
    p.add_argument("--model", default="encoder-decoder",
                   help="encoder-decoder (the bundled date model, default) or a Hugging Face id / local folder "
                        "of an encoder-decoder (t5-small)")
    p.add_argument("--max-new-tokens", type=int, default=None, help="output length limit (default: 32)")
    p.add_argument("--json", action="store_true",
                   help='print {"model", "input_tokens", "output", "output_tokens", "cross_attentions"}')
    p.set_defaults(func=run)


def run(args) -> int:
    from core.explain.models import load_model
    from core.explain.seq2seq import MAX_NEW_TOKENS, translate

    args.max_new_tokens = args.max_new_tokens or MAX_NEW_TOKENS
    em = load_model(args.model)
    if args.text != "-":
        _emit(translate(em, args.text, args.max_new_tokens), args.json)
        return 0
    failed = False
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip():
            continue  # blank lines separate nothing; skip them
        try:
            _emit(translate(em, line, args.max_new_tokens), args.json)
        except ValueError as e:  # one bad line must not lose the rest of a batch
            failed = True
            if args.json:
                print_json({"input": line, "error": str(e)})
            else:
                print(f"error: {e}", file=sys.stderr)
    return 2 if failed else 0


def _emit(result, as_json: bool) -> None:
    from core.explain.seq2seq import alignment, strongest_inputs

    if as_json:
        print_json(result.to_dict())
        return
    print(f"{result.output}" + ("" if result.finished else "   (stopped: no </s> within the token budget)"))
    looked = strongest_inputs(alignment(result.cross_attentions))
    pairs = [f"{o}←{result.input_labels[i]}" for o, i in zip(result.output_labels, looked)]
    print("  looked at most: " + " ".join(pairs))
