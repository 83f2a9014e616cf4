"""Draw the paragraphs of the fifth held-out RAG QA set at random (seeded).

Procedure: split each README of assets/rag_corpus_heldout5/ into paragraphs (blocks between
blank lines, outside ``` code fences, whitespace collapsed); keep those of 80-900 characters
that are prose (letters make 65% of them) and are not a heading, a table, an image/badge line
or a bare link list; draw PER_FILE[name] + 3 of them per file in a fixed random order. A person
writes one question per drawn paragraph, in the order drawn, about a fact the paragraph states,
in a visitor's words; a paragraph that states no checkable fact (a thank-you, a pointer to
other docs) is skipped and the next one drawn is used, until PER_FILE[name] questions exist.

Usage: .venv/bin/python scripts/sample_heldout5_paragraphs.py [--seed 2605]
"""

import argparse
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout5"
PER_FILE = {"threadpoolctl.md": 12, "python_dotenv.md": 11, "annotated_types.md": 8, "narwhals.md": 7,
            "ml_dtypes.md": 7}
SPARE = 3


def paragraphs(text: str) -> list[str]:
    text = re.sub(r"^```.*?^```", "\n\n", text, flags=re.S | re.M)  # code blocks are not prose
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if 80 <= len(b) <= 900 and sum(ch.isalpha() for ch in b) >= 0.65 * len(b)
            and not b.startswith(("#", "|", "![", "[![", "<"))]


def main(corpus: Path = CORPUS, per_file: dict[str, int] = PER_FILE, seed: int = 2605) -> None:
    """Print PER_FILE[name] + SPARE paragraphs per file, drawn with --seed (default `seed`)."""
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=seed)
    args = p.parse_args()
    rng = random.Random(args.seed)
    for name, n in per_file.items():
        pool = paragraphs((corpus / name).read_text(encoding="utf-8"))
        for i, s in enumerate(rng.sample(pool, min(n + SPARE, len(pool))), 1):
            print(f"{name}\t{i}\t{s}\n")


if __name__ == "__main__":
    main()
