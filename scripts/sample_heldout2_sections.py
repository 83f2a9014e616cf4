"""Draw the sections of the second held-out RAG QA set at random (seeded).

Procedure (different from the tuning sets, whose passages were chosen by hand, and from the
first held-out set, which drew single sentences): split each file of
assets/rag_corpus_heldout2/ into sections (blocks between blank lines, whitespace collapsed),
keep those of 80-900 characters that are prose (letters make 65% of them), draw N per file
with a fixed seed; a person then writes one question per drawn section, about the fact the
section states, paraphrased away from its words where English allows, without running any
retriever. Unanswerable near-miss questions are written separately (SOURCES.md).

Usage: python scripts/sample_heldout2_sections.py [--seed 2027]
"""

import argparse
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout2"
PER_FILE = {"curl.1.txt": 26, "bc.1.txt": 14, "date.1.txt": 5, "dd.1.txt": 5, "du.1.txt": 5, "sort.1.txt": 5}

# sections every manual page shares (help addresses, licence notice, example command lines)
BOILERPLATE = ("SEE ALSO", "REPORTING BUGS", "COPYRIGHT", "AUTHOR", "Example", "Examples")


def sections(text: str) -> list[str]:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if 80 <= len(b) <= 900 and sum(ch.isalpha() for ch in b) >= 0.65 * len(b)
            and not b.startswith(BOILERPLATE)]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=2027)
    args = p.parse_args()
    rng = random.Random(args.seed)
    for name, n in PER_FILE.items():
        pool = sections((CORPUS / name).read_text())
        for s in rng.sample(pool, min(n, len(pool))):
            print(f"{name}\t{s}")


if __name__ == "__main__":
    main()
