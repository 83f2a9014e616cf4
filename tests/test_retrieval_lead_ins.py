"""A list item, a table row or a sentence under a heading is read with its lead-in (core/retrieval/
extractive.py LEAD_IN_SHARE / LEAD_IN_MEANING, grounding.TABLE_ROWS, #13 round 12): the sentence ending
in ":" before its list, the table's header row, the nearest heading. On real READMEs of the "dev
readme" tuning set (assets/rag_corpus_dev_readme), real MiniLM, real Chroma, real BM25. The rules are
OFF by default (they cost held-out 3 two answers); each test switches them on."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import extractive, grounding
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.extractive import lead_ins, select_quotes
from core.retrieval.grounding import GroundingChecker, split_sentences
from core.retrieval.hybrid import search

README = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_dev_readme"


@pytest.fixture(autouse=True)
def lead_ins_on(monkeypatch):
    monkeypatch.setattr(extractive, "LEAD_IN_SHARE", 1.0)
    monkeypatch.setattr(extractive, "LEAD_IN_MEANING", True)
    monkeypatch.setattr(extractive, "ROW_HEADER_QUOTE", True)
    monkeypatch.setattr(grounding, "TABLE_ROWS", True)


def _collection(name: str):
    col = open_collection(name)
    assert col.ingest([README / f"{name}.md"]).ok
    return col


def test_each_table_row_is_a_sentence_and_its_header_row_is_its_lead_in():
    text = ("### Throughput (Queries per second)\n\nMeasured on one CPU.\n\n| Dataset | BM25S | Elastic |\n"
            "| :------ | ----: | ------: |\n| arguana | **573.91** | 13.67 |\n| nfcorpus | **1196.16** | 45.84 |\n")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert "| nfcorpus | **1196.16** | 45.84 |" in sentences  # before: the whole table was one sentence
    hit = type("Hit", (), {"text": text, "id": "x", "source": "bench.md", "header": "bench · Throughput"})()
    every = [c for c in GroundingChecker([hit]).candidates if not c.pair]
    row = next(c for c in every if c.text.startswith("| nfcorpus"))
    lead, words = lead_ins(every, [hit])[(row.n, row.start)]
    assert lead.text == "| Dataset | BM25S | Elastic |"
    assert "Throughput (Queries per second)" in words  # the heading above counts too


def test_a_list_item_is_read_with_the_sentence_that_leads_into_its_list():
    # measured failure (dev readme, round 12): "There used to be a slimmed-down version of Typer called
    # `typer-slim`, which didn't include the dependencies `rich` and `shellingham` ..." was quoted; the
    # answer is the third item of "**Typer** requires only a few dependencies:", which never says Typer
    col = _collection("typer")
    question = "What does Typer need shellingham for?"
    hits = search(col, question, k=4, mode="hybrid")
    assert any("to automatically detect the current shell" in h.text for h in hits)  # retrieval is not tested
    quotes = select_quotes(question, GroundingChecker(hits), idf=col.bm25.idf)
    assert "to automatically detect the current shell when installing completion" in quotes[0].text


def test_a_table_row_answers_with_its_header_row_and_is_not_vetoed():
    # measured failure (dev readme, round 12): the throughput table was one 2,000-character "sentence";
    # two sentences about how throughput was measured were quoted instead of the nfcorpus row. The row
    # states a quantity of what its heading names ("Throughput (Queries per second)"), so the quantity
    # check must not veto it
    col = _collection("bm25s")
    question = "How many queries per second does BM25S reach on nfcorpus?"
    answer = RagChain("bm25s", answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    quoted = [s.text for s in answer.sentences]
    assert any(t.startswith("| nfcorpus | **1196.16**") for t in quoted), quoted
    assert any(t.startswith("| Dataset | BM25S | Elastic") for t in quoted), quoted  # its column names
    assert all(s.supported for s in answer.sentences)
    assert col.count() > 0
