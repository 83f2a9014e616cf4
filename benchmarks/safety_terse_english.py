"""#18 round 25: terse English read as English by elimination (core/safety/language_guess.py), on and off.

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 0 .venv/bin/python benchmarks/safety_terse_english.py

Prints the context-stage flags (the chatbot's check of every retrieved chunk) with the switch off and
on, on held-out set L (benchmarks/build_safety_heldout_l.py: licences and package descriptions) and on
the handbook a visitor's probe found flagged (tests/data/garden_handbook.md, chunked as ingested; the
example the change was made for, so a tuning figure). The attack sets' figures come from
benchmarks/safety_robustness.py, run beside it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, chunks  # noqa: E402


def flagged(texts: list[str]) -> list[str]:
    from core.safety import scan
    return [t for t in texts if not scan(t, "context").allowed]


def switch_table(switch: Callable[[bool], None]) -> dict[tuple[str, bool], list[str]]:
    """Print the flags with a switch off and on, on held-out L and the garden handbook; return the flagged texts."""
    heldout = [json.loads(line) for line in (ROOT / "tests" / "data" / "safety_heldout_l.jsonl").open()]
    handbook = ROOT / "tests" / "data" / "garden_handbook.md"
    sets = {f"L {fam}": [r["text"] for r in heldout if r["family"] == fam] for fam in ("licence", "description")}
    sets["garden handbook (tuning)"] = chunks(handbook.name, handbook.read_text())
    print("| set | texts | flagged, switch off | flagged, switch on |")
    print("|---|---|---|---|")
    shown = {}
    for name, texts in sets.items():
        for on in (False, True):
            switch(on)
            shown[(name, on)] = flagged(texts)
        print(f"| {name} | {len(texts)} | {len(shown[(name, False)])} | {len(shown[(name, True)])} |")
    return shown


def main() -> None:
    from core.safety import language_guess

    shown = switch_table(lambda on: setattr(language_guess, "BY_ELIMINATION", on))
    for (name, on), hits in shown.items():
        for t in hits:
            print(f"\n[{name}, switch {'on' if on else 'off'}] {t[:160]!r}")


if __name__ == "__main__":
    main()
