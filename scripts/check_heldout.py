"""Checks a held-out QA set (assets/rag_qa_heldoutN.jsonl, sets 3 to 8) against its corpus.

Each answerable question's passage must be verbatim (whitespace collapsed) in its document;
each unanswerable question's swapped-in term must appear in no document of the corpus
(case-insensitive; as a whole word, so "center" is not found inside "centered" — checked
as a plain substring too and reported); sets 5 and 6 have a few unanswerable questions without a
term, checked by hand (listed as such). Exit status 1 on any failure.
Run: .venv/bin/python scripts/check_heldout.py N  (N = 3 to 8; how each set was made:
assets/rag_corpus_heldoutN/SOURCES.md). `dev-readme` checks the Markdown TUNING set
(assets/rag_qa_dev_readme.jsonl) the same way.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm(s: str) -> str:
    return " ".join(s.split())


def main(n: str) -> int:
    name = "dev_readme" if n == "dev-readme" else f"heldout{n}"  # the Markdown tuning set, same checks
    corpus = ROOT / "assets" / f"rag_corpus_{name}"
    qa_file = ROOT / "assets" / f"rag_qa_{name}.jsonl"
    docs = {p.name: norm(p.read_text()) for p in sorted(corpus.iterdir())
            if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"}
    everything = " ".join(docs.values()).lower()
    bad = 0
    qa = [json.loads(line) for line in qa_file.read_text().splitlines() if line.strip()]
    for q in qa:
        if q["source"]:
            ok = q["source"] in docs and q["passage"] in docs[q["source"]]
            problem = "" if ok else "passage not verbatim in " + q["source"]
        elif not q.get("absent_term"):
            print(f"hand {q['question']}  <- no term; checked by hand (SOURCES.md)")
            continue
        else:
            term = q["absent_term"].lower()
            ok = term in q["question"].lower() and not re.search(
                r"(?<![\w-])" + re.escape(term) + r"(?![\w])", everything)
            problem = "" if ok else f"term {term!r} is in the corpus (or not in the question)"
            if ok and term in everything:
                print(f"note: {term!r} occurs inside a longer word only")
        bad += not ok
        print(("ok  " if ok else "FAIL") + f" {q['question']}" + (f"  <- {problem}" if problem else ""))
    answerable = sum(1 for q in qa if q["source"])
    print(f"{answerable} answerable, {len(qa) - answerable} unanswerable, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("3", "4", "5", "6", "7", "8", "dev-readme"):
        sys.exit("usage: check_heldout.py N   (N = 3 to 8 or dev-readme)")
    sys.exit(main(sys.argv[1]))
