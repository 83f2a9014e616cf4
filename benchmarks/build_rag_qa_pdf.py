"""Draw the sentences that the PDF QA set's questions are written from (#13, round 20).

The set tests what the chatbot does with PDFs, the format visitors upload most and that no other QA
set holds: pages read by pypdf have no blank lines, and lines are hard-wrapped. Sentences are drawn
by a seeded random choice over both documents' prose (8-40 words, mostly letters), not picked by
hand; the engineer then wrote one question per drawn sentence that it answers (skipping sentences
that answer nothing a reader would ask) and a few unanswerable questions that name something the
documents do not hold. Written before any chunking variant was measured on it.

    .venv/bin/python benchmarks/build_rag_qa_pdf.py   # prints the draws
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "assets" / "rag_corpus_pdf"
SEED = 20261205
DRAWS = 40


def sentences(path: Path) -> list[tuple[int, str]]:
    from core.retrieval.loaders import load_file

    out = []
    for page, text in load_file(path).pages:
        flat = " ".join(text.split())
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat):
            words = s.split()
            letters = sum(c.isalpha() for c in s)
            if 8 <= len(words) <= 40 and letters > 0.7 * len(s.replace(" ", "")):
                out.append((page, s))
    return out


def main() -> None:
    rng = random.Random(SEED)
    pool = [(p.name, page, s) for p in sorted(CORPUS.glob("*.pdf")) for page, s in sentences(p)]
    for name, page, s in rng.sample(pool, DRAWS):
        print(f"{name} p{page}: {s}")


if __name__ == "__main__":
    main()
