"""`python -m core prefs import|export|stats|train-reward`: the preference store from a shell.

    python -m core prefs import PATH                      prompts or pairs (JSONL / CSV)
    python -m core prefs export --format trl|raw --out PATH [--style conversational] [--ties kto]
    python -m core prefs stats --json
    python -m core prefs train-reward [--json]
"""
from __future__ import annotations

import json
import sys

from core.cli._output import print_json


def register(sub) -> None:
    p = sub.add_parser("prefs", help="preference labeling store: import, export, stats, train-reward")
    verbs = p.add_subparsers(dest="prefs_command", required=True, metavar="SUBCOMMAND")

    imp = verbs.add_parser("import", help="import prompts or response pairs from JSONL/CSV")
    imp.add_argument("path", metavar="PATH")
    imp.set_defaults(func=run_import)

    exp = verbs.add_parser("export", help="write labels as JSONL")
    exp.add_argument("--format", choices=("trl", "raw"), default="trl")
    exp.add_argument("--out", required=True, metavar="PATH")
    exp.add_argument("--style", choices=("standard", "conversational"), default="standard",
                     help="TRL preference form (default standard)")
    exp.add_argument("--ties", choices=("drop", "kto"), default="drop",
                     help="tie/both-bad policy: drop them, or write unpaired KTO rows (default drop)")
    exp.add_argument("--no-margin", action="store_true", help="omit the margin column")
    exp.set_defaults(func=run_export)

    st = verbs.add_parser("stats", help="counts, agreement, position bias, Bradley-Terry ratings")
    st.add_argument("--json", action="store_true")
    st.add_argument("--bootstrap", type=int, default=200)
    st.set_defaults(func=run_stats)

    tr = verbs.add_parser("train-reward", help="train the reward model on the labels (CPU)")
    tr.add_argument("--json", action="store_true")
    tr.add_argument("--max-steps", type=int, default=-1, help="stop after N steps (default: full epochs)")
    tr.set_defaults(func=run_train)


def run_import(args) -> int:
    from core.preferences.importing import import_file

    print_json(import_file(args.path).to_dict())
    return 0


def run_export(args) -> int:
    from core.preferences.export import export

    n = export(args.out, args.format, args.style, args.ties, margin=not args.no_margin)
    print_json({"rows": n, "out": args.out, "format": args.format})
    return 0


def run_stats(args) -> int:
    from core.preferences.stats import collect

    stats = collect(bootstrap=args.bootstrap)
    if args.json:
        print_json(stats)
        return 0
    c = stats["counts"]
    print(f"labels {c['labels']} by {c['labelers']} labelers on {c['items']} items "
          f"({c['items_complete']} complete at k={c['overlap']}, {c['items_flagged']} held back)")
    ag = stats["agreement"]
    def fmt(v):
        return "n/a" if v is None else f"{v:.3f}"
    print(f"Fleiss kappa {fmt(ag['fleiss_kappa'])}  Krippendorff alpha {fmt(ag['krippendorff_alpha'])}  "
          f"mean Cohen kappa {fmt(ag['cohen_kappa_mean'])}")
    pb = stats["position_bias"]
    print(f"left answer wins {fmt(pb['left_rate'])} of {pb['strict_labels']} strict labels (p={fmt(pb['p_value'])})")
    for r in stats["ratings"]:
        print(f"  {r['contestant']:<24} {r['rating']:7.1f}  [{r['low']:.1f}, {r['high']:.1f}]  n={r['comparisons']}")
    return 0


def run_train(args) -> int:
    from core.preferences.reward import train_reward

    result = train_reward(max_steps=args.max_steps)
    if args.json:
        print_json(result.to_dict())
    else:
        json.dump(result.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    return 0
