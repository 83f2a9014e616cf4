"""Grounded mode with two grounding checks on the SAME model sentences (#13 rounds 13-14).

    python benchmarks/grounding_replay.py DUMP.json [--system grounded]                 # round 12 vs today
    python benchmarks/grounding_replay.py DUMP.json --baseline round13                  # round 13 vs today
    python benchmarks/grounding_replay.py DUMP.json --baseline round13 --set NAMES_AGREE=passage

Reads a `benchmarks/rag.py --grounded --dump-answers` file and, for each answer of `system` that was
not abstained, re-checks the model's sentences against the passages it was checked against with
the baseline check and today's (with the answer's question, as the chain passes it), composes what grounded mode shows (the supported sentences; the
extractive quotes when none is supported) and scores it with rag.py's judge rule (a supported sentence
cites a passage holding the QA passage and the supported sentences state it). Two rag.py systems in one
run each generate their own answers, and the bundled model's greedy output is not bit-identical between
calls (batching, caches), so this replay is the like-for-like comparison of the two checks.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def norm(s: str) -> str:
    return " ".join(s.split())


def replay(rows: list[dict], constants: dict) -> dict[str, dict]:
    from benchmarks.rag import _states_fact
    from core.retrieval import grounding
    from core.retrieval.hybrid import Hit

    saved = {k: getattr(grounding, k) for k in constants}
    for k, v in constants.items():
        setattr(grounding, k, v)
    try:
        return _replay(rows, _states_fact, grounding, Hit)
    finally:
        for k, v in saved.items():
            setattr(grounding, k, v)


def _replay(rows, _states_fact, grounding, Hit) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in rows:
        s = out.setdefault(r["set"], {"answerable": 0, "correct": 0, "model sentences": 0, "supported": 0,
                                      "fell back": 0})
        if not r["source"]:
            continue
        s["answerable"] += 1
        if r["abstained"] or not r.get("passages"):
            continue
        hits = [Hit(p["id"], p["text"], p["source"], p.get("page", 1), 0, 0.0) for p in r["passages"]]
        checker = grounding.GroundingChecker(hits, question=r["question"])
        checked = [checker.check(m["text"]) for m in r.get("model_sentences") or []]
        kept = [g for g in checked if g.supported]
        s["model sentences"] += len(checked)
        s["supported"] += len(kept)
        if not kept:
            s["fell back"] += 1
            kept = [g for g in (checker.check(q["text"], quote=True) for q in r.get("quotes") or []) if g.supported]
        gold = {p["n"] for p in r["passages"] if r["passage"] and r["passage"] in norm(p["text"])}
        text = " ".join(g.text for g in kept)
        s["correct"] += bool(gold) and any(set(g.citations) & gold for g in kept) and _states_fact(r["passage"], text)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dump", type=Path)
    p.add_argument("--system", default="grounded")
    p.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                   help="grounding module constants for today's side, e.g. NAMES_AGREE=passage")
    p.add_argument("--baseline", choices=["round12", "round13"], default="round12",
                   help="round12: main's check before round 13 (COHERENCE and the round-14 rules off); round13: "
                        "the round-14 rules off")
    args = p.parse_args()
    from benchmarks.grounding_sentences import ROUND14, set_constants
    from core.retrieval import grounding

    set_constants(grounding, args.set)
    base = {k: None if k == "NAMES_AGREE" else False for k in ROUND14}
    if args.baseline == "round12":
        base["COHERENCE"] = False
    rows = [r for r in json.loads(args.dump.read_text()) if r["system"] == args.system]
    off, on = replay(rows, base), replay(rows, {})
    print(f"(baseline: {args.baseline})\n")
    print("| set | answerable | grounded correct, baseline | today | model sentences supported, baseline | "
          "today | fell back to quotes, baseline | today |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total = {k: [0, 0] for k in ("answerable", "correct", "model sentences", "supported", "fell back")}
    for name in off:
        a, b = off[name], on[name]
        for k in total:
            total[k][0] += a[k]
            total[k][1] += b[k]
        print(f"| {name} | {a['answerable']} | {a['correct']} ({a['correct'] / a['answerable']:.3f}) | "
              f"{b['correct']} ({b['correct'] / b['answerable']:.3f}) | {a['supported']} / {a['model sentences']} | "
              f"{b['supported']} / {b['model sentences']} | {a['fell back']} | {b['fell back']} |")
    t = total
    print(f"| all | {t['answerable'][0]} | {t['correct'][0]} | {t['correct'][1]} | {t['supported'][0]} / "
          f"{t['model sentences'][0]} | {t['supported'][1]} / {t['model sentences'][1]} | {t['fell back'][0]} | "
          f"{t['fell back'][1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
