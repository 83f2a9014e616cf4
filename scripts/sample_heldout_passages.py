"""Draw the passages of the held-out RAG QA set at random (seeded), so the set is not
biased towards passages a person finds easy to ask about.

Procedure (different from the tuning sets, whose passages were chosen by hand): split each
file of assets/rag_corpus_heldout/ into sentences (whitespace collapsed), keep those of
60-260 characters that are prose (letters make most of them), draw N per file with a fixed
seed; a person then writes one question per drawn sentence, whose answer is in it, in their
own words, without running any retriever. Unanswerable near-miss questions are written
separately (see the SOURCES.md of the corpus).

Usage: python scripts/sample_heldout_passages.py [--per-file 6] [--seed 2026]
"""

import argparse
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout"


def sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", flat)]


def prose(sentence: str) -> bool:
    letters = sum(ch.isalpha() for ch in sentence)
    return 60 <= len(sentence) <= 260 and letters >= 0.7 * len(sentence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for path in sorted(CORPUS.glob("*.txt")):
        pool = [s for s in sentences(path.read_text()) if prose(s)]
        for s in rng.sample(pool, min(args.per_file, len(pool))):
            print(f"{path.name}\t{s}")


if __name__ == "__main__":
    main()
