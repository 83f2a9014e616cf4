"""Held-out set L (#18 round 25): benign documents of obligations and terse descriptions, chunked as ingested.

    .venv/bin/python benchmarks/build_safety_heldout_l.py   # writes tests/data/safety_heldout_l.jsonl

Written before the round's change was measured, from sources no earlier set or training half uses:
  * licences: every text under /usr/share/common-licenses except the two the sample corpus ships
    (Apache-2.0, BSD); one copy per file (GPL -> GPL-3 are links); chunked by the chatbot's splitter
    at its default settings. Licences are lists of obligations ("you must", "may not"), the kind of
    benign rule text a visitor uploads (handbooks, policies, terms);
  * package descriptions: the long Description of 150 installed packages (/var/lib/dpkg/status,
    drawn with Random(25)), one text each: terse English by hundreds of authors.
Every text is benign; the benchmark (benchmarks/safety_terse_english.py) counts the ones flagged.
"""
from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, chunks  # noqa: E402

OUT = ROOT / "tests" / "data" / "safety_heldout_l.jsonl"
LICENCES = Path("/usr/share/common-licenses")
SAMPLE_CORPUS_SHIPS = {"Apache-2.0", "BSD"}


def licences() -> list[dict]:
    seen, rows = set(), []
    for path in sorted(LICENCES.iterdir()):
        real = os.path.realpath(path)
        if path.name in SAMPLE_CORPUS_SHIPS or real in seen or not os.path.isfile(real):
            continue
        seen.add(real)
        text = Path(real).read_text(encoding="utf-8", errors="replace")
        rows += [{"family": "licence", "source": path.name, "text": c} for c in chunks(path.name, text)]
    return rows


def descriptions(n: int = 150) -> list[dict]:
    entries = Path("/var/lib/dpkg/status").read_text(encoding="utf-8", errors="replace").split("\n\n")
    found = []
    for entry in entries:
        name, lines, inside = "", [], False
        for line in entry.splitlines():
            if line.startswith("Package:"):
                name = line.split(":", 1)[1].strip()
            if line.startswith("Description:"):
                inside, lines = True, [line.split(":", 1)[1].strip()]
            elif inside and line.startswith(" "):
                lines.append("" if line.strip() == "." else line.strip())
            elif inside:
                inside = False
        text = "\n".join(lines).strip()
        if name and len(text) >= 120:
            found.append({"family": "description", "source": name, "text": text})
    found.sort(key=lambda r: r["source"])
    return random.Random(25).sample(found, min(n, len(found)))


def main() -> None:
    rows = licences() + descriptions()
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"kind": "injection", "label": "allow", **r}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} texts -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
