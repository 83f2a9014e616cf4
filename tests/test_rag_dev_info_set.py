"""The "dev info" tuning set (#13, session 29): GNU info manuals as plain text and visitor-worded questions.
Its shape, that every passage is verbatim (whitespace-normalised) in its file, and its registration."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "assets" / "rag_corpus_dev_info"
QA = ROOT / "assets" / "rag_qa_dev_info.jsonl"


def _norm(s: str) -> str:
    return " ".join(s.split())


def _rows() -> list[dict]:
    return [json.loads(line) for line in QA.read_text().splitlines() if line.strip()]


def test_counts_and_format():
    rows = _rows()
    assert all(set(r) == {"question", "source", "passage"} for r in rows)
    answerable = [r for r in rows if r["source"]]
    unanswerable = [r for r in rows if not r["source"]]
    assert len(rows) >= 70 and len(answerable) == 48 and len(unanswerable) == 24
    assert all(r["passage"] is None for r in unanswerable)
    assert len({r["question"] for r in rows}) == len(rows)


def test_passages_are_verbatim_and_short():
    texts = {p.name: _norm(p.read_text()) for p in CORPUS.glob("*.txt")}
    assert len(texts) == 5 and all(20_000 <= len(t) <= 150_000 for t in texts.values())
    for r in _rows():
        if r["source"]:
            assert _norm(r["passage"]) in texts[r["source"]], r["question"]
            assert len(r["passage"]) <= 200, r["question"]


def test_no_info_control_characters_left():
    for p in CORPUS.glob("*.txt"):
        text = p.read_text()
        assert "\x1f" not in text and "\x00" not in text and "\x08" not in text
        assert "* Menu:" not in text and "\nFile: " not in text


def test_registered_as_tuning_set():
    from benchmarks import rag

    assert rag.RETRIEVAL_SETS["dev info"] == (CORPUS, QA, "devinfo")
    assert rag.DEV_INFO_QA == QA
