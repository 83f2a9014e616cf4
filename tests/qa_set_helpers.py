"""Shared checks of a hand-written RAG QA set over its own corpus folder (held-out 9, 10 and 11, dev visitors): the
corpus files and their sizes, no document shared with another corpus or the question-encoder training documents, the
rows' shape and counts, every passage a verbatim span of its file, and its registration in benchmarks/rag.py.
QaSetChecks holds the four tests the sets with all these checks run unchanged (a module subclasses it as a Test*
class)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def norm(s: str) -> str:
    return " ".join(s.split())


@dataclass
class QaSet:
    corpus: Path
    qa: Path
    files: set[str]
    families: set[str]  # the tool, module or package of each document and its family, as in another file name
    max_bytes: int = 120_000

    def rows(self) -> list[dict]:
        return [json.loads(line) for line in self.qa.read_text().splitlines() if line.strip()]

    def corpus_files_and_sizes(self) -> None:
        assert {p.name for p in self.corpus.glob("*.txt")} == self.files
        assert (self.corpus / "SOURCES.md").is_file()
        for p in self.corpus.glob("*.txt"):
            assert 15_000 <= len(p.read_bytes()) <= self.max_bytes, p.name
            assert not [c for c in set(p.read_text()) if ord(c) < 32 and c not in "\n\t"], p.name

    def no_document_shared(self) -> None:
        others = [p for p in (ROOT / "assets").glob("rag_corpus*/*")
                  if p.parent != self.corpus and p.name != "SOURCES.md"]
        others += list((ROOT / "assets" / "question_encoder" / "training").glob("*/docs/*"))
        assert others
        for p in others:
            assert p.name not in self.files, p
            assert not [f for f in self.families if f in p.name.lower()], p

    def counts_and_format(self, answerable: int = 60, unanswerable: int = 30, per_file: int = 10) -> None:
        rows = self.rows()
        assert all(set(r) == {"question", "source", "passage"} for r in rows)
        ans = [r for r in rows if r["source"]]
        unans = [r for r in rows if not r["source"]]
        assert len(ans) == answerable and len(unans) == unanswerable
        assert all(r["passage"] is None for r in unans)
        assert all(r["question"].strip() for r in rows)
        assert len({r["question"].lower().strip(" ?!.") for r in rows}) == len(rows)
        assert len({(r["source"], r["passage"]) for r in ans}) == len(ans)
        counts = {name: sum(r["source"] == name for r in ans) for name in self.files}
        assert all(n == per_file for n in counts.values()), counts

    def passages_verbatim(self, max_chars: int = 200) -> None:
        """Each passage is a span of its file word for word, stored whitespace-normalised: benchmarks/rag.py looks
        for it in norm(chunk text), so a passage that kept a line break or a tab would never match."""
        texts = {p.name: p.read_text() for p in self.corpus.glob("*.txt")}
        for r in self.rows():
            if r["source"]:
                assert r["source"] in texts, r["question"]
                assert r["passage"] == norm(r["passage"]), r["question"]
                pattern = r"\s+".join(re.escape(w) for w in r["passage"].split())
                assert re.search(pattern, texts[r["source"]]), r["question"]
                assert r["passage"] in norm(texts[r["source"]]), r["question"]
                assert 0 < len(r["passage"]) <= max_chars, r["question"]

    def passages_once(self, min_chars: int = 30) -> None:
        """Each passage occurs exactly once in its file (whitespace-normalised) and is at least `min_chars` long, so
        the chunk that holds it is the one right answer (held-out 12 and 13)."""
        texts = {p.name: norm(p.read_text()) for p in self.corpus.glob("*.txt")}
        for r in self.rows():
            if r["source"]:
                assert texts[r["source"]].count(r["passage"]) == 1, r["question"]
                assert len(r["passage"]) >= min_chars, r["question"]

    def registered(self, name: str, key: str, qa_constant: str) -> None:
        """benchmarks/rag.py lists the set as `name` with result key `key`, and rag.<qa_constant> is its QA file."""
        from benchmarks import rag

        assert rag.RETRIEVAL_SETS[name] == (self.corpus, self.qa, key)
        assert getattr(rag, qa_constant) == self.qa


class QaSetChecks:
    """The tests every QA set with the full checks runs unchanged (held-out 10 and 11, dev visitors). A test module
    collects them with `class TestQaSetChecks(QaSetChecks): SET = SET`."""

    SET: QaSet

    def test_corpus_files_and_sizes(self):
        self.SET.corpus_files_and_sizes()

    def test_no_document_shared_with_another_corpus_or_the_training_documents(self):
        self.SET.no_document_shared()

    def test_counts_and_format(self):
        self.SET.counts_and_format()

    def test_passages_are_verbatim_spans_and_short(self):
        self.SET.passages_verbatim()
