"""#18 round 26: a sentence about the reader's own things (core/safety/documentation.py, READER_POSSESSIONS), off and on.

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/safety_reader_possessions.py

Prints the context-stage flags (the chatbot's check of every retrieved chunk) with the switch off and on, on
held-out set L (benchmarks/build_safety_heldout_l.py: licences and package descriptions) and the garden handbook
(tuning). The attack sets' and held-out J's figures come from benchmarks/safety_robustness.py, run beside it.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_terse_english import switch_table  # noqa: E402


def main() -> None:
    from core.safety import documentation

    switch_table(lambda on: setattr(documentation, "READER_POSSESSIONS", on))


if __name__ == "__main__":
    main()
