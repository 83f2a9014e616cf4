"""`python -m core models [--json]`: the configured models, their source, whether they load offline."""
from __future__ import annotations

from core.cli._output import print_json
from core.models.catalog import configured_models


def register(sub) -> None:
    p = sub.add_parser("models", help="list the configured models and whether they load offline")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args) -> int:
    models = configured_models()
    if args.json:
        print_json(models)
        return 0
    for m in models:
        offline = "yes" if m["offline"] else "no"
        print(f"{m['role']:<11} {m['name']:<40} source={m['source']:<9} offline={offline}  {m['detail']}")
    return 0
