"""The "dev visitors" tuning set (#13, session 31): six documents of six genres (jq, ld.so and fonts-conf manual
pages, the sqlite3 pydoc page, langsmith's METADATA description, lsof's quick start) and questions in visitors'
own words, many of them telling the visitor's own setting before asking. Its shape, that every passage is a
verbatim span of its file, that no document is shared with another corpus or the question-encoder training
documents, that enough questions are multi-sentence, and its registration. A TUNING set: the team tunes on it."""
import re

from qa_set_helpers import ROOT, QaSet, QaSetChecks

SET = QaSet(ROOT / "assets" / "rag_corpus_dev_visitors", ROOT / "assets" / "rag_qa_dev_visitors.jsonl",
            files={"jq.1.txt", "ld.so.8.txt", "fonts-conf.5.txt", "sqlite3.pydoc.txt", "langsmith.METADATA.txt",
                   "lsof.00QUICKSTART.txt"},
            families={"jq", "yq", "ld.so", "ld-linux", "ldconfig", "ldd", "fonts-conf", "fontconfig", "fc-", "sqlite",
                      "langsmith", "langchain", "lsof", "fuser"},
            max_bytes=110_000)


def _sentences(q: str) -> int:
    return len([s for s in re.split(r"(?<=[.?!])\s+", q.strip()) if s])


def test_many_questions_tell_their_setting_first():
    """The style this set exists for: a visitor who describes their CI, company or OS, then asks."""
    rows = SET.rows()
    assert sum(_sentences(r["question"]) >= 2 for r in rows if r["source"]) >= 20
    assert sum(_sentences(r["question"]) >= 2 for r in rows if not r["source"]) >= 8


def test_registered_as_tuning_set():
    SET.registered("dev visitors", "devvisitors", "DEV_VISITORS_QA")


class TestQaSetChecks(QaSetChecks):
    SET = SET
