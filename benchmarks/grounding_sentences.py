"""How well the per-sentence grounding check separates supported from unsupported answer sentences,
on labelled sets (#13 round 13): precision and recall of "supported", per set and per kind of sentence,
for main's check (grounding.COHERENCE off) and with the coherence rules on, in the same run.

    python benchmarks/grounding_sentences.py assets/grounding_tuning.json
    python benchmarks/grounding_sentences.py assets/grounding_heldout.json --by kind

A labelled set is {"contexts": [{"passages": [{"n", "id", "source", "page", "text"}]}],
"items": [{"set", "context", "kind", "sentence", "supported"}]}: each sentence is checked with
GroundingChecker over its context's passages (the retrieval embedder, as in the chain).
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


def run(data: dict, coherence: bool) -> list[dict]:
    from core.retrieval import grounding
    from core.retrieval.hybrid import Hit

    grounding.COHERENCE = coherence
    checkers: dict[int, grounding.GroundingChecker] = {}
    out = []
    for it in data["items"]:
        cid = it["context"]
        if cid not in checkers:
            passages = data["contexts"][cid]["passages"]
            checkers[cid] = grounding.GroundingChecker(
                [Hit(p["id"], p["text"], p["source"], p.get("page", 1), 0, 0.0) for p in passages])
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
    """NAME=VALUE pairs (from --set) onto module constants; digits keep the constant's type."""
    for item in items:
        name, _, value = item.partition("=")
        setattr(module, name, type(getattr(module, name))(int(value)) if value.isdigit() else value)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("labelled", type=Path, nargs="+")
    p.add_argument("--by", choices=["set", "kind"], default="set")
    p.add_argument("--show", choices=["none", "changed", "errors"], default="none",
                   help="print the sentences whose verdict changed, or every error of the new check")
    p.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                   help="grounding module constants for both sides, e.g. QUOTES_VERBATIM=1")
    args = p.parse_args()
    from core.retrieval import grounding

    set_constants(grounding, args.set)
    for path in args.labelled:
        data = json.loads(path.read_text())
        results = {"main (coherence off)": run(data, False), "coherence on": run(data, True)}
        groups = sorted({r[args.by] for r in data["items"]}) + ["all"]
        print(f"\n## {path.name}: precision / recall of 'supported' by {args.by}\n")
        print(f"| {args.by} | n | labelled supported | main precision | main recall | new precision | new recall | "
              "main wrong-supported | new wrong-supported | main missed | new missed |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for g in groups:
            m, n = ([r for r in rs if g == "all" or r[args.by] == g] for rs in results.values())
            a, b = scores(m), scores(n)
            print(f"| {g} | {a['n']} | {a['labelled supported']} | {a['precision']:.3f} | {a['recall']:.3f} | "
                  f"{b['precision']:.3f} | {b['recall']:.3f} | {a['unsupported shown as supported']} | "
                  f"{b['unsupported shown as supported']} | {a['supported marked unsupported']} | "
                  f"{b['supported marked unsupported']} |")
        ms = [r["ms"] for r in results["coherence on"]]
        ms0 = [r["ms"] for r in results["main (coherence off)"]]
        print(f"\nms per sentence (p50 / max): main {statistics.median(ms0):.2f} / {max(ms0):.1f}, "
              f"new {statistics.median(ms):.2f} / {max(ms):.1f}")
        if args.show != "none":
            for old, new in zip(*results.values()):
                if (args.show == "changed" and old["predicted"] != new["predicted"]) or (
                        args.show == "errors" and new["predicted"] != new["supported"]):
                    print(f"- [{new['set']}/{new['kind']}] label {new['supported']} main {old['predicted']} "
                          f"new {new['predicted']} ({new['reason']}): {new['sentence'][:220]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
