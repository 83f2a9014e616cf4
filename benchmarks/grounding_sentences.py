"""How well the per-sentence grounding check separates supported from unsupported answer sentences,
on labelled sets (#13 rounds 13-14): precision and recall of "supported", per set and per kind of sentence,
for two checks in the same run: by default round 13's (the round-14 switches off) against today's; with
--baseline round12, main's check before round 13 (grounding.COHERENCE off) against today's.

    python benchmarks/grounding_sentences.py assets/grounding_tuning.json
    python benchmarks/grounding_sentences.py assets/grounding_heldout.json --by kind
    python benchmarks/grounding_sentences.py assets/grounding_heldout_hand.json --ablate   # each round-14 rule off

A labelled set is {"contexts": [{"passages": [{"n", "id", "source", "page", "text"}]}],
"items": [{"set", "context", "kind", "sentence", "supported"}]}: each sentence is checked with
GroundingChecker over its context's passages (the retrieval embedder, as in the chain), and with its
context's "question" where the set has one (round 14's WRONG_DOCUMENT reads it).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


ROUND14 = ("QUOTE_CASE", "NAMES_AGREE", "PROPER_NAMES", "WRONG_DOCUMENT", "NEGATION_SCOPE", "CONDITION_SPLICE")


def run(data: dict, constants: dict) -> list[dict]:
    """Checks every sentence with the grounding module's constants set as given (then restored)."""
    from core.retrieval import grounding

    saved = {k: getattr(grounding, k) for k in constants}
    for k, v in constants.items():
        setattr(grounding, k, v)
    try:
        return _run(data)
    finally:
        for k, v in saved.items():
            setattr(grounding, k, v)


def _run(data: dict) -> list[dict]:
    from core.retrieval import grounding
    from core.retrieval.hybrid import Hit

    checkers: dict[int, grounding.GroundingChecker] = {}
    out = []
    for it in data["items"]:
        cid = it["context"]
        if cid not in checkers:
            passages = data["contexts"][cid]["passages"]
            checkers[cid] = grounding.GroundingChecker(
                [Hit(p["id"], p["text"], p["source"], p.get("page", 1), 0, 0.0) for p in passages],
                question=data["contexts"][cid].get("question"))
        t = time.perf_counter()
        g = checkers[cid].check(it["sentence"])
        ms = (time.perf_counter() - t) * 1000
        out.append({**it, "predicted": g.supported, "reason": g.reason, "ms": ms})
    return out


def scores(rows: list[dict]) -> dict:
    tp = sum(r["predicted"] and r["supported"] for r in rows)
    fp = sum(r["predicted"] and not r["supported"] for r in rows)
    fn = sum(not r["predicted"] and r["supported"] for r in rows)
    tn = sum(not r["predicted"] and not r["supported"] for r in rows)
    return {"n": len(rows), "labelled supported": tp + fn, "precision": tp / (tp + fp) if tp + fp else float("nan"),
            "recall": tp / (tp + fn) if tp + fn else float("nan"),
            "unsupported shown as supported": fp, "supported marked unsupported": fn, "correct": tp + tn}


def set_constants(module, items: list[str]) -> None:
    """NAME=VALUE pairs (from --set) onto module constants, parsed as the constant's type (a float
    threshold such as MEANING=0.7 must not become the string '0.7'; bool goes through int so 0 is False)."""
    for item in items:
        name, _, value = item.partition("=")
        kind = type(getattr(module, name))
        setattr(module, name, None if value == "None" else bool(int(value)) if kind is bool else
                kind(value) if kind in (int, float) else value)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("labelled", type=Path, nargs="+")
    p.add_argument("--by", choices=["set", "kind"], default="set")
    p.add_argument("--show", choices=["none", "changed", "errors"], default="none",
                   help="print the sentences whose verdict changed, or every error of the new check")
    p.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                   help="grounding module constants for both sides, e.g. QUOTES_VERBATIM=1")
    p.add_argument("--baseline", choices=["round13", "round12"], default="round13",
                   help="the check the current one is compared with: round 13's (round-14 rules off) or main's "
                        "before round 13 (COHERENCE off, and the round-14 rules off)")
    p.add_argument("--ablate", action="store_true", help="also print the table with each round-14 rule off alone")
    args = p.parse_args()
    from core.retrieval import grounding

    set_constants(grounding, args.set)
    off = {k: None if k == "NAMES_AGREE" else False for k in ROUND14}
    base = {**off, "COHERENCE": False} if args.baseline == "round12" else off
    for path in args.labelled:
        data = json.loads(path.read_text())
        results = {"baseline": run(data, base), "now": run(data, {})}
        if args.ablate:
            now = scores(results["now"])
            print(f"\n## {path.name}: each round-14 rule off alone (wrong-supported / missed; now "
                  f"{now['unsupported shown as supported']} / {now['supported marked unsupported']})\n")
            print("| rule off (or on) | wrong-supported | missed (recall lost) | precision | recall |\n|---|---:|---:|---:|---:|")
            variants = [(rule, {rule: False}) for rule in ROUND14 if rule != "NAMES_AGREE"] + [
                (f"NAMES_AGREE={v} (on)", {"NAMES_AGREE": v}) for v in ("span", "passage")]
            for rule, constants in variants:
                a = scores(run(data, constants))
                print(f"| {rule} | {a['unsupported shown as supported']} | {a['supported marked unsupported']} | "
                      f"{a['precision']:.3f} | {a['recall']:.3f} |")
        groups = sorted({r[args.by] for r in data["items"]}) + ["all"]
        print(f"\n## {path.name}: precision / recall of 'supported' by {args.by}\n")
        print(f"(baseline: {args.baseline})\n\n| {args.by} | n | labelled supported | base precision | base recall | "
              "new precision | new recall | base wrong-supported | new wrong-supported | base missed | new missed |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for g in groups:
            m, n = ([r for r in rs if g == "all" or r[args.by] == g] for rs in results.values())
            a, b = scores(m), scores(n)
            print(f"| {g} | {a['n']} | {a['labelled supported']} | {a['precision']:.3f} | {a['recall']:.3f} | "
                  f"{b['precision']:.3f} | {b['recall']:.3f} | {a['unsupported shown as supported']} | "
                  f"{b['unsupported shown as supported']} | {a['supported marked unsupported']} | "
                  f"{b['supported marked unsupported']} |")
        ms = [r["ms"] for r in results["now"]]
        ms0 = [r["ms"] for r in results["baseline"]]
        print(f"\nms per sentence (p50 / max): baseline {statistics.median(ms0):.2f} / {max(ms0):.1f}, "
              f"new {statistics.median(ms):.2f} / {max(ms):.1f}")
        if args.show != "none":
            for old, new in zip(*results.values()):
                if (args.show == "changed" and old["predicted"] != new["predicted"]) or (
                        args.show == "errors" and new["predicted"] != new["supported"]):
                    print(f"- [{new['set']}/{new['kind']}] label {new['supported']} base {old['predicted']} "
                          f"new {new['predicted']} ({new['reason']}): {new['sentence'][:220]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
