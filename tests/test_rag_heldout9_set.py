"""The "held-out 9" set (#13, round 30): six documents nobody on the team had used (four manual pages, two
pydoc pages) and visitor-worded questions. Its shape, that every passage is a verbatim span of its file, and
its registration. Report-only: never tune on it."""
from qa_set_helpers import ROOT, QaSet

FILES = {"xz.1.txt", "top.1.txt", "journalctl.1.txt", "apt-get.8.txt", "pathlib.pydoc.txt", "logging.pydoc.txt"}
SET = QaSet(ROOT / "assets" / "rag_corpus_heldout9", ROOT / "assets" / "rag_qa_heldout9.jsonl", files=FILES,
            families=set())


def test_corpus_files_and_sizes():
    SET.corpus_files_and_sizes()


def test_counts_and_format():
    rows = SET.rows()
    assert all(set(r) == {"question", "source", "passage"} for r in rows)
    answerable = [r for r in rows if r["source"]]
    unanswerable = [r for r in rows if not r["source"]]
    assert len(rows) == 90 and len(answerable) == 60 and len(unanswerable) == 30
    assert all(r["passage"] is None for r in unanswerable)
    assert all(r["question"].strip() for r in rows)
    assert len({r["question"] for r in rows}) == len(rows)
    per_file = {name: sum(r["source"] == name for r in answerable) for name in FILES}
    assert all(n >= 8 for n in per_file.values()), per_file


def test_passages_are_verbatim_spans_and_short():
    SET.passages_verbatim()


def test_registered_as_held_out_set():
    SET.registered("held-out 9", "heldout9", "HELDOUT9_QA")
