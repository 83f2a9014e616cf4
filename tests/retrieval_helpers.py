"""Real collections and chains for the answer tests."""
from __future__ import annotations

from core.retrieval.collection import open_collection


def ingest_handbook(tmp_path, text: str, name: str = "handbook"):
    """Write `text` as handbook.md and ingest it (200-character chunks, no overlap) into `name`."""
    (tmp_path / "handbook.md").write_text(text, encoding="utf-8")
    col = open_collection(name)
    assert col.ingest([tmp_path / "handbook.md"], chunk_size=200, chunk_overlap=0).ok
    return col


def extractive_quotes(collection: str, question: str, monkeypatch, knobs: dict) -> list[str]:
    """The quotes of an extractive answer with the module constants of core.retrieval.extractive set to `knobs`."""
    from core.retrieval import extractive
    from core.retrieval.chain import RagChain

    for name, value in knobs.items():
        monkeypatch.setattr(extractive, name, value)
    answer = RagChain(collection, answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    return [q["text"] for q in answer.trace["quotes"]]
