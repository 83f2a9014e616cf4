"""#18 round 40: a visitor's question with a trigger word in its everyday sense reaches the documents."""
from __future__ import annotations

from pathlib import Path

from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.safety import toxicity

CONSTITUTION = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus" / "us_constitution_excerpts.md"


def test_the_chatbot_answers_which_chambers_make_up_congress(monkeypatch):
    assert open_collection("constitution").ingest([CONSTITUTION]).ok
    chain = RagChain("constitution", answer_mode="extractive")
    answer = chain.ask("Which two chambers make up Congress?")
    assert not answer.abstained, answer.abstain_reason
    assert "Senate and House of Representatives" in answer.answer, answer.answer
    monkeypatch.setattr(toxicity, "EVERYDAY_SENSES_AMBIGUOUS", False)  # before round 40: refused as toxic
    assert chain.ask("Which two chambers make up Congress?").answer.startswith("I can't help with that request")
