"""#18 round 26: a sentence about the reader's own things (core/safety/documentation.py, READER_POSSESSIONS), off and on.

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/safety_reader_possessions.py

Prints the context-stage flags (the chatbot's check of every retrieved chunk) with the switch off and on, on
held-out set L (benchmarks/build_safety_heldout_l.py: licences and package descriptions) and the garden handbook
(tuning). The attack sets' and held-out J's figures come from benchmarks/safety_robustness.py, run beside it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, chunks  # noqa: E402


def main() -> None:
    from core.safety import documentation, scan

    heldout = [json.loads(line) for line in (ROOT / "tests" / "data" / "safety_heldout_l.jsonl").open()]
    handbook = ROOT / "tests" / "data" / "garden_handbook.md"
    sets = {f"L {fam}": [r["text"] for r in heldout if r["family"] == fam] for fam in ("licence", "description")}
    sets["garden handbook (tuning)"] = chunks(handbook.name, handbook.read_text())
    print("| set | texts | flagged, switch off | flagged, switch on |")
    print("|---|---|---|---|")
    for name, texts in sets.items():
        counts = []
        for on in (False, True):
            documentation.READER_POSSESSIONS = on
            counts.append(sum(not scan(t, "context").allowed for t in texts))
        print(f"| {name} | {len(texts)} | {counts[0]} | {counts[1]} |")


if __name__ == "__main__":
    main()
