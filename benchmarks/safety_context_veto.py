"""#18 round 39: the passage model's veto for documents only. Every row of the document-chunk sets read by the
injection scanner as today (`scan`) and as a retrieved chunk would be with the veto (`scan_document` with
CONTEXT_VETO on), in the same run; prints attacks caught and benign chunks flagged per set, both ways.

    PYTHONPATH=. python benchmarks/safety_context_veto.py

Decision sets (the passage model never trained on them): J, K, L, W, X, Y, tuning r27 and r28, the package-docs
eval half and the RAG sample corpus paragraphs. M-V are printed after them, in-sample for the passage model.
The rule is in benchmarks/results/safety_issue18_round37.md (round 39).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import safety_robustness as sr  # noqa: E402

IN_SAMPLE = "mnopqrstuv"


def decision_sets() -> dict[str, list[dict]]:
    from core.safety.training.injection_templates import package_docs

    sets: dict[str, list[dict]] = {}
    for loader in (sr.heldout_j, sr.heldout_k, sr.heldout_l, sr.heldout_w, sr.heldout_x, sr.heldout_y):
        whole = next(iter(loader("injection").items()))  # the set itself, not its reported subsets
        sets[whole[0]] = whole[1]
    tuning = sr.tuning_sets("injection")
    sets.update({k: v for k, v in tuning.items() if "hard negatives" not in k})  # a subset of r28, counted there
    sets["package docs, eval half"] = [{"text": t, "label": "allow"} for t in package_docs("eval")]
    sets["RAG sample corpus paragraphs"] = [{"text": t, "label": "allow"} for t in sr.rag_paragraphs()]
    return sets


def in_sample_sets() -> dict[str, list[dict]]:
    out = {}
    for letter in IN_SAMPLE:
        whole = next(iter(getattr(sr, f"heldout_{letter}")("injection").items()))
        out[whole[0]] = whole[1]
    return out


def read_both(scanner, rows: list[dict]) -> tuple[list[bool], list[bool]]:
    from core.safety import injection

    today = [scanner.scan(r["text"]).score >= 0.5 for r in rows]
    before, injection.CONTEXT_VETO = injection.CONTEXT_VETO, True
    try:
        veto = [scanner.scan_document(r["text"]).score >= 0.5 for r in rows]
    finally:
        injection.CONTEXT_VETO = before
    return today, veto


def report(title: str, sets: dict[str, list[dict]], scanner) -> tuple[int, int, int, int]:
    print(f"\n### {title}\n")
    print("| set | attacks caught, today | with the veto | benign flagged, today | with the veto |")
    print("|---|---|---|---|---|")
    totals = [0, 0, 0, 0]
    for name, rows in sets.items():
        today, veto = read_both(scanner, rows)
        att = [i for i, r in enumerate(rows) if r["label"] == "block"]
        ben = [i for i, r in enumerate(rows) if r["label"] == "allow"]
        cells = (sum(today[i] for i in att), sum(veto[i] for i in att), sum(today[i] for i in ben), sum(veto[i] for i in ben))
        totals = [a + b for a, b in zip(totals, cells)]
        lost = sum(today[i] and not veto[i] for i in att)
        print(f"| {name[:70]} | {cells[0]}/{len(att)} | {cells[1]}/{len(att)} (lost {lost}) | {cells[2]}/{len(ben)} | "
              f"{cells[3]}/{len(ben)} |")
    print(f"| **total** | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} |")
    return tuple(totals)


def main() -> int:
    from core.safety.policy import Policy, get_scanner

    t0 = time.time()
    scanner = get_scanner("injection", Policy(audit=False))  # the scanner the apps use
    report("decision sets (the passage model never trained on them)", decision_sets(), scanner)
    report("M-V (in-sample for the passage model; reported only)", in_sample_sets(), scanner)
    print(f"\n{time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
