"""British spellings in visitors' questions (session 29): the chain with British and American spellings read as
one word (bm25.US_SPELLING, the default) against the chain with them apart, in the same run.

The questions are the answerable questions of every multi-document QA set (tuning and held-out) that hold a
word with a British spelling in core/retrieval/spelling.py, rewritten with that spelling ("Under which licence
is Typer released?"). This procedure is mechanical: nothing was chosen by looking at answers. Each set's own
collection answers them, as in `benchmarks/rag.py --grounded` (run that once first with the same --workdir, so
the collections exist). The original wording is scored too: spelling must not change it.

    PYTHONPATH=. python benchmarks/rag_british_spelling.py --workdir W1 --sets "sample corpus" "long documents" ...
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.rag import QA, RETRIEVAL_SETS, _load_qa, _qa_collection, judge, table, use_data_dir  # noqa: E402
from core.retrieval import bm25  # noqa: E402
from core.retrieval.chain import RagChain  # noqa: E402
from core.retrieval.collection import open_collection  # noqa: E402
from core.retrieval.spelling import american, spellings  # noqa: E402

# a plain word: not part of an identifier (check_output, ZipFile.testzip) or an option (--color-words)
_PLAIN_WORD = re.compile(r"(?<![\w.\-])([A-Za-z]+)(?![\w.\-]|\.\w)")


def british(question: str) -> str:
    def swap(m):
        word = m.group(1)
        low = word.lower()
        # an American form with a listed British one; computer "programs" are spelled so in British English too
        forms = spellings(low) - {low} if american(low) == low and not low.startswith("program") else set()
        if not forms:
            return word
        b = min(forms)
        return b.upper() if word.isupper() else (b.capitalize() if word[0].isupper() else b)
    return _PLAIN_WORD.sub(swap, question)


def collection_of(workdir: Path, set_name: str) -> str:
    if set_name == "sample corpus":
        return _qa_collection(workdir).name  # ingests the sample corpus when missing
    folder = RETRIEVAL_SETS[set_name][2]
    use_data_dir(workdir / folder)
    return f"{folder}-answers"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", type=Path, required=True)
    p.add_argument("--sets", nargs="+", required=True)
    args = p.parse_args()
    rows = []
    for set_name in args.sets:
        qa = _load_qa(QA if set_name == "sample corpus" else RETRIEVAL_SETS[set_name][1])
        picked = [(q, british(q["question"])) for q in qa if q.get("source") and british(q["question"]) != q["question"]]
        if not picked:
            continue
        name = collection_of(args.workdir, set_name)
        for label, us in (("spellings as one (default)", True), ("spellings apart", False)):
            bm25.US_SPELLING = us
            col = open_collection(name)
            assert col.count(), f"{set_name}: run benchmarks/rag.py --grounded with this --workdir first"
            col.retokenize_if_stale()
            chain = RagChain(name, answer_mode="extractive")
            for wording in ("original", "British"):
                got = [judge(chain.ask(q["question"] if wording == "original" else b), q) for q, b in picked]
                rows.append({"set": set_name, "system": label, "wording": wording, "questions": len(picked),
                             "grounded correct": sum(g["correct"] for g in got),
                             "abstained": sum(g["abstained"] for g in got)})
                print(table(rows[-1:], list(rows[-1])), flush=True)
        for q, b in picked:
            print(f"  {q['question']!r} -> {b!r}")
    bm25.US_SPELLING = True
    totals = {}
    for r in rows:
        t = totals.setdefault((r["system"], r["wording"]), {"system": r["system"], "wording": r["wording"],
                                                            "questions": 0, "grounded correct": 0, "abstained": 0})
        for k in ("questions", "grounded correct", "abstained"):
            t[k] += r[k]
    print("\n## All sets\n")
    print(table(list(totals.values()), ["system", "wording", "questions", "grounded correct", "abstained"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
