"""The chain reads five passages per question by default (GENAI_RETRIEVAL_K; session 29 measured 5 against
4 and 6 on the answers: benchmarks/results/rag_issue13_session29_rerank.md)."""
from __future__ import annotations

from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

FERRIES = {
    "harbour.txt": "The harbour ferry leaves the north pier every hour from 7:00.",
    "island.txt": "The island ferry stops at the lighthouse twice a day in summer.",
    "night.txt": "A night ferry crosses the bay on Fridays and Saturdays.",
    "tickets.txt": "Ferry tickets are sold at the pier kiosk and on board.",
    "bikes.txt": "Bicycles ride free on every ferry except the night ferry.",
    "dogs.txt": "Dogs on a lead may travel on the ferry's open deck.",
    "weather.txt": "In a storm the ferry timetable is suspended until further notice.",
}


def test_the_chain_reads_five_passages_by_default(tmp_path):
    docs = tmp_path / "ferries"
    docs.mkdir()
    for name, text in FERRIES.items():
        (docs / name).write_text(text, encoding="utf-8")
    report = open_collection("ferries").ingest(sorted(docs.iterdir()))
    assert report.ok, [(f.name, f.status, f.message) for f in report.files]
    answer = RagChain("ferries", answer_mode="extractive").ask("When does the harbour ferry leave?")
    assert len(answer.trace["hits"]) == 5
    assert not answer.abstained and "north pier" in answer.answer
