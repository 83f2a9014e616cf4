"""Draw the sentences of the seventh held-out RAG QA set at random (seeded).

A different unit from every earlier set (sections, passages, paragraphs): single SENTENCES. Each
file of assets/rag_corpus_heldout7/ is split into blocks between blank lines (whitespace collapsed),
each block into sentences at ". " / "? " / "! " before a capital letter or a digit; a sentence of
50-300 characters with letters >= 60 % of its characters forms the pool. PER_FILE + 4 spare
sentences per file are printed in a fixed random order. A person writes one question per drawn
sentence, in order, about the setting it describes ("In <file>, ..." / "What does <setting> ...");
a sentence with no checkable fact is skipped and the next one used.

Usage: .venv/bin/python scripts/sample_heldout7_sentences.py [--seed 7177]
"""

import argparse
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout7"
PER_FILE = 7
_SPLIT = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9])")


def pool(text: str) -> list[str]:
    out = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        for s in _SPLIT.split(block):
            letters = sum(ch.isalpha() for ch in s)
            if 50 <= len(s) <= 300 and letters >= 0.6 * len(s):
                out.append(s)
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=7177)
    args = p.parse_args()
    rng = random.Random(args.seed)
    for path in sorted(CORPUS.glob("*.txt")):
        sentences = pool(path.read_text())
        print(f"== {path.name} (pool {len(sentences)})")
        for i, s in enumerate(rng.sample(sentences, PER_FILE + 4), start=1):
            print(f"{i:2d}. {s}")


if __name__ == "__main__":
    main()
