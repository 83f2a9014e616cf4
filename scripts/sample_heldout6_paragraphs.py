"""Draw the paragraphs of the sixth held-out RAG QA set at random (seeded).

The same paragraph pool as held-out 5 (scripts/sample_heldout5_paragraphs.py: blocks between blank
lines outside ``` fences, 80-900 characters, letters >= 65 %, no heading/table/image/HTML line),
over assets/rag_corpus_heldout6/ (Debian documentation texts), PER_FILE[name] + 3 spare per file in
a fixed random order. A person writes one question per drawn paragraph, in order, about a fact it
states, in a visitor's words; a paragraph with no checkable fact is skipped and the next one used.

Usage: .venv/bin/python scripts/sample_heldout6_paragraphs.py [--seed 6131]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_heldout5_paragraphs  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "assets" / "rag_corpus_heldout6"
PER_FILE = {"zlib_faq.txt": 8, "dpkg_triggers.txt": 8, "libffi.md": 8, "libjpeg_turbo.md": 8,
            "krb5_release_notes.txt": 8}

if __name__ == "__main__":
    sample_heldout5_paragraphs.main(CORPUS, PER_FILE, seed=6131)
