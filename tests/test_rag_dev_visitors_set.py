"""The "dev visitors" tuning set (#13, session 31): six documents of six genres (jq, ld.so and fonts-conf manual
pages, the sqlite3 pydoc page, langsmith's METADATA description, lsof's quick start) and questions in visitors'
own words, many of them telling the visitor's own setting before asking. Its shape, that every passage is a
verbatim span of its file, that no document is shared with another corpus or the question-encoder training
documents, that enough questions are multi-sentence, and its registration. A TUNING set: the team tunes on it."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "assets" / "rag_corpus_dev_visitors"
QA = ROOT / "assets" / "rag_qa_dev_visitors.jsonl"
FILES = {"jq.1.txt", "ld.so.8.txt", "fonts-conf.5.txt", "sqlite3.pydoc.txt", "langsmith.METADATA.txt",
         "lsof.00QUICKSTART.txt"}
# the tool, module or package each document is about, and its family, as it could appear in another file name
FAMILIES = {"jq", "yq", "ld.so", "ld-linux", "ldconfig", "ldd", "fonts-conf", "fontconfig", "fc-", "sqlite",
            "langsmith", "langchain", "lsof", "fuser"}


def _norm(s: str) -> str:
    return " ".join(s.split())


def _rows() -> list[dict]:
    return [json.loads(line) for line in QA.read_text().splitlines() if line.strip()]


def _sentences(q: str) -> int:
    return len([s for s in re.split(r"(?<=[.?!])\s+", q.strip()) if s])


def test_corpus_files_and_sizes():
    assert {p.name for p in CORPUS.glob("*.txt")} == FILES
    assert (CORPUS / "SOURCES.md").is_file()
    for p in CORPUS.glob("*.txt"):
        assert 15_000 <= len(p.read_bytes()) <= 110_000, p.name
        assert not [c for c in set(p.read_text()) if ord(c) < 32 and c not in "\n\t"], p.name


def test_no_document_shared_with_another_corpus_or_the_training_documents():
    others = [p for p in (ROOT / "assets").glob("rag_corpus*/*") if p.parent != CORPUS and p.name != "SOURCES.md"]
    others += list((ROOT / "assets" / "question_encoder" / "training").glob("*/docs/*"))
    assert others
    for p in others:
        name = p.name.lower()
        assert p.name not in FILES, p
        assert not [f for f in FAMILIES if f in name], p


def test_counts_and_format():
    rows = _rows()
    assert all(set(r) == {"question", "source", "passage"} for r in rows)
    answerable = [r for r in rows if r["source"]]
    unanswerable = [r for r in rows if not r["source"]]
    assert len(rows) == 90 and len(answerable) == 60 and len(unanswerable) == 30
    assert all(r["passage"] is None for r in unanswerable)
    assert all(r["question"].strip() for r in rows)
    assert len({r["question"] for r in rows}) == len(rows)
    assert len({r["question"].lower().strip(" ?!.") for r in rows}) == len(rows)
    assert len({(r["source"], r["passage"]) for r in answerable}) == len(answerable)
    per_file = {name: sum(r["source"] == name for r in answerable) for name in FILES}
    assert all(n == 10 for n in per_file.values()), per_file


def test_many_questions_tell_their_setting_first():
    """The style this set exists for: a visitor who describes their CI, company or OS, then asks."""
    rows = _rows()
    assert sum(_sentences(r["question"]) >= 2 for r in rows if r["source"]) >= 20
    assert sum(_sentences(r["question"]) >= 2 for r in rows if not r["source"]) >= 8


def test_passages_are_verbatim_spans_and_short():
    """Each passage is a span of its file word for word, stored whitespace-normalised: benchmarks/rag.py looks
    for it in norm(chunk text), so a passage that kept a line break or a tab of the rendered page would never match."""
    texts = {p.name: p.read_text() for p in CORPUS.glob("*.txt")}
    for r in _rows():
        if r["source"]:
            assert r["source"] in texts, r["question"]
            assert r["passage"] == _norm(r["passage"]), r["question"]
            pattern = r"\s+".join(re.escape(w) for w in r["passage"].split())
            assert re.search(pattern, texts[r["source"]]), r["question"]
            assert r["passage"] in _norm(texts[r["source"]]), r["question"]
            assert 0 < len(r["passage"]) <= 200, r["question"]


def test_registered_as_tuning_set():
    from benchmarks import rag

    assert rag.RETRIEVAL_SETS["dev visitors"] == (CORPUS, QA, "devvisitors")
    assert rag.DEV_VISITORS_QA == QA
