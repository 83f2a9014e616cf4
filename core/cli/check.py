"""`python -m core check [--json] [--stage STAGE] TEXT` and `--jsonl` for datasets.

    python -m core check "some text"                 # prints action and reasons
    python -m core check --json --stage image -      # TEXT from stdin, verdict as JSON
    python -m core check --stage image --negative "clothes" "a woman"   # prompt + negative prompt
    python -m core check --jsonl < data.jsonl        # one JSON string or {"text": ...}
                                                     # per line -> one verdict per line
                                                     # (image lines may carry "negative")
Exit status: 0 allowed (allow/redact), 1 blocked (single TEXT), 2 usage error.
"""
from __future__ import annotations

import json
import sys

from core.cli._output import print_json, read_text_arg
from core.safety import STAGES, scan


def register(sub) -> None:
    p = sub.add_parser("check", help="run the safety scanners on TEXT and print the verdict")
    p.add_argument("text", metavar="TEXT", nargs="?", default=None,
                   help="the text to check ('-' reads stdin); omit with --jsonl")
    p.add_argument("--stage", choices=STAGES, default="input", help="policy stage (default: input)")
    p.add_argument("--negative", default=None, metavar="TEXT",
                   help="with --stage image: the negative prompt that goes with TEXT (checked too)")
    p.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p.add_argument("--jsonl", action="store_true",
                   help='read one JSON string or object with "text" (and optional "stage") per stdin '
                        "line; print one JSON verdict per line")
    p.add_argument("--warm-up", action="store_true",
                   help="load every scanner (and build the embedding table once per machine), then exit")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.warm_up:
        from core.safety.policy import warm_up

        warm_up()
        return 0
    if args.jsonl:
        if args.text not in (None, "-"):
            raise ValueError("--jsonl reads stdin; do not pass TEXT")
        return _run_jsonl(args.stage)
    if args.text is None:
        raise ValueError("TEXT is required (or '-' for stdin, or --jsonl)")
    if args.negative is not None and args.stage != "image":
        raise ValueError("--negative goes with --stage image")
    if args.negative is not None:
        from core.safety.image_request import scan_image_request

        verdict = scan_image_request(read_text_arg(args.text), args.negative)
    else:
        verdict = scan(read_text_arg(args.text), args.stage)
    if args.json:
        print_json(verdict.to_dict())
    else:
        print(f"{verdict.action}: " + ("; ".join(verdict.reasons) or "no scanner flagged the text"))
        if verdict.action == "redact":
            print(verdict.redacted)
    return 0 if verdict.allowed else 1


def _run_jsonl(default_stage: str) -> int:
    for lineno, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        item = None
        try:
            item = json.loads(line)
            stage = default_stage
            negative = None
            if isinstance(item, dict):
                text, stage, negative = item.get("text"), item.get("stage", default_stage), item.get("negative")
            else:
                text = item
            if not isinstance(text, str):
                raise ValueError('each line must be a JSON string or an object with a string "text"')
            if negative is not None:
                if stage != "image" or not isinstance(negative, str):
                    raise ValueError('"negative" must be a string and goes with stage "image"')
                from core.safety.image_request import scan_image_request

                out = {"line": lineno, **scan_image_request(text, negative).to_dict()}
            else:
                out = {"line": lineno, **scan(text, stage).to_dict()}
        except (ValueError, TypeError) as e:  # one bad line does not stop the dataset
            out = {"line": lineno, "error": str(e)}
        if isinstance(item, dict) and "id" in item:
            out["id"] = item["id"]
        print_json(out)
    return 0
