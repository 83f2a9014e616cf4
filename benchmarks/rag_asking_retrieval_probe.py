"""Probe (#13 session 38): for questions that set a scene before they ask, the rank of the answering passage when
retrieving with the whole question, with the asking sentences alone (key_terms.asking_part), and with both fused.

    PYTHONPATH=. .venv/bin/python benchmarks/rag_asking_retrieval_probe.py WORKDIR

WORKDIR is a `benchmarks/rag.py --grounded` work folder whose dev-set collections are already ingested (the
probe only reads them). Prints each scene question's three ranks (99 = not in the top 30) and, per set, how often
the passage is in the top five. Figures: docs/rag.md, session 38.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rag as R  # noqa: E402

from core.retrieval.collection import open_collection  # noqa: E402
from core.retrieval.hybrid import rrf, search  # noqa: E402
from core.retrieval.key_terms import asking_part  # noqa: E402

SETS = {"dev info": ("devinfo-answers", R.DEV_INFO_QA, "devinfo"),
        "dev visitors": ("devvisitors-answers", R.DEV_VISITORS_QA, "devvisitors"),
        "dev prose": ("devprose-answers", R.DEV_PROSE_QA, "devprose"),
        "dev readme": ("devreadme-answers", R.DEV_README_QA, "devreadme")}


def rank(hits, q) -> int:
    return next((i for i, h in enumerate(hits, 1) if R.norm(q["passage"]) in R.norm(h.text)), 99)


def main(workdir: Path) -> None:
    for name, (collection, qa_path, data) in SETS.items():
        R.use_data_dir(workdir / data)
        col = open_collection(collection)
        n, top5 = 0, {"whole": 0, "asking": 0, "fused": 0}
        for q in R._load_qa(qa_path):
            ask = asking_part(q["question"]) if q["source"] else q["question"]
            if ask.strip() == q["question"].strip():
                continue  # no scene, or unanswerable
            n += 1
            whole = search(col, q["question"], k=30, mode="hybrid")
            asking = search(col, ask, k=30, mode="hybrid")
            fused_ids = [cid for cid, _ in rrf({"w": [h.id for h in whole], "a": [h.id for h in asking]}, 60)]
            by_id = {h.id: h for h in whole + asking}
            ranks = (rank(whole, q), rank(asking, q), rank([by_id[c] for c in fused_ids], q))
            for key, r in zip(top5, ranks):
                top5[key] += r <= 5
            print(f"  {ranks}  {q['question'][:90]!r}")
        print(f"{name}: scene questions {n}, answering passage in the top five: {top5}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
