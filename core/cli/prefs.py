"""`python -m core prefs import|export|stats|train-reward`: the preference store from a shell.

    python -m core prefs import PATH                      prompts or pairs (JSONL / CSV)
    python -m core prefs export --format trl|raw --out PATH [--style conversational] [--ties kto]
    python -m core prefs stats --json
    python -m core prefs train-reward [--json]
    python -m core prefs train-policy [--method dpo|sft-dpo] [--max-steps N] [--loss-type T] [--json]
    python -m core prefs runs [--json]                    versioned policy runs, newest first
    python -m core prefs cancel-policy RUN_ID
    python -m core prefs compare [--run ID|latest] [--limit N] [--no-publish] [--json]
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

    tp = verbs.add_parser("train-policy", help="tune the chat model on the labels (DPO with LoRA, CPU)")
    tp.add_argument("--method", choices=("dpo", "sft-dpo"), default="dpo",
                    help="dpo, or sft-dpo: SFT on the chosen answers first (default dpo)")
    tp.add_argument("--max-steps", type=int, default=None, help="stop after N optimizer steps (default: 1 epoch)")
    tp.add_argument("--epochs", type=float, default=None)
    tp.add_argument("--learning-rate", type=float, default=None)
    tp.add_argument("--beta", type=float, default=None, help="DPO beta (default 0.1)")
    tp.add_argument("--loss-type", default=None, help="TRL DPO loss (default sigmoid; see policy_train.LOSS_TYPES)")
    tp.add_argument("--run-id", default=None, help="train an already recorded (queued) run")
    tp.add_argument("--json", action="store_true")
    tp.set_defaults(func=run_train_policy)

    rn = verbs.add_parser("runs", help="list policy-training runs")
    rn.add_argument("--json", action="store_true")
    rn.set_defaults(func=run_runs)

    cp = verbs.add_parser("cancel-policy", help="ask a running policy-training run to stop")
    cp.add_argument("run_id", metavar="RUN_ID")
    cp.set_defaults(func=run_cancel_policy)

    cm = verbs.add_parser("compare", help="tuned vs base on held-out prompts; publishes blind pairs")
    cm.add_argument("--run", default="latest", help="run id, or latest (default)")
    cm.add_argument("--prompts", default=None, help="JSONL with 'prompt' (default: the shipped held-out set)")
    cm.add_argument("--limit", type=int, default=40, help="held-out prompts used (default 40)")
    cm.add_argument("--temperature", type=float, default=0.7)
    cm.add_argument("--max-new-tokens", type=int, default=64)
    cm.add_argument("--no-publish", action="store_true", help="do not serve the pairs to labelers")
    cm.add_argument("--json", action="store_true")
    cm.set_defaults(func=run_compare)


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


def _print(obj, as_json: bool) -> None:
    if as_json:
        print_json(obj)
    else:
        json.dump(obj, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")


def _base_path() -> str:
    from core.config import get_settings
    from core.preferences.policy_model import base_model_path

    s = get_settings()
    return base_model_path(s.models.llm_model, s.models.llm_base_url)


def run_train_policy(args) -> int:
    from core.config import get_settings
    from core.models.device import apply_thread_setting
    from core.preferences.export import trl_rows
    from core.preferences.policy_train import start_run, train_run

    apply_thread_setting()
    s = get_settings()
    if args.run_id:
        run_id = args.run_id
    else:
        rows = trl_rows("standard", "drop", margin=False, include_compare=False)
        run_id = start_run(s.data_dir, rows, args.method, s.models.llm_model, max_steps=args.max_steps,
                           epochs=args.epochs, learning_rate=args.learning_rate, beta=args.beta,
                           loss_type=args.loss_type)["id"]
    run = train_run(s.data_dir, run_id, _base_path())
    _print(run, args.json)
    return 0 if run["status"] == "done" else 3


def run_runs(args) -> int:
    from core.config import get_settings
    from core.preferences.policy_runs import list_runs

    runs = list_runs(get_settings().data_dir)
    if args.json:
        print_json(runs)
        return 0
    for r in runs:
        m = r.get("metrics") or {}
        print(f"{r['id']:<44} {r.get('status', '?'):<10} pairs {r.get('pairs', '?'):<5} "
              f"loss {m.get('dpo_loss', 'n/a')}")
    return 0


def run_cancel_policy(args) -> int:
    from core.config import get_settings
    from core.preferences.policy_runs import request_cancel

    request_cancel(get_settings().data_dir, args.run_id)
    print_json({"run_id": args.run_id, "cancel_requested": True})
    return 0


def run_compare(args) -> int:
    from core.config import get_settings
    from core.models.device import apply_thread_setting
    from core.preferences.compare import blind_results, build_comparison
    from core.preferences.policy_runs import latest_done

    apply_thread_setting()
    data_dir = get_settings().data_dir
    run_id = args.run
    if run_id == "latest":
        run = latest_done(data_dir)
        if run is None:
            raise ValueError("no finished policy run to compare; train one (python -m core prefs train-policy)")
        run_id = run["id"]
    report = build_comparison(data_dir, run_id, _base_path(), args.prompts, args.limit, args.temperature,
                              args.max_new_tokens, publish=not args.no_publish)
    report["blind"] = blind_results(run_id)
    _print(report, args.json)
    return 0
