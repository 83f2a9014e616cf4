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


def test_an_image_prompt_that_only_an_everyday_word_blocked_is_still_blocked():
    from core.safety.policy import scan

    verdict = scan("a blow job on the beach", "image", audit_log=False)  # "blow" is a mention now; the image terms
    assert not verdict.allowed and any("sexual content" in r for r in verdict.reasons), verdict.reasons
    assert scan("a glass blower at work, blowing a vase", "image", audit_log=False).allowed
