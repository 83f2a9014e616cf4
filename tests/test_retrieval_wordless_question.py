"""A question without a letter or digit is refused with a reason, not answered with an unrelated quote."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.question_shapes import has_words

CONSTITUTION = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus" / "us_constitution_excerpts.md"


def test_a_question_without_words_is_refused_with_a_reason():
    """Found probing as a visitor (session 40): "???" or an emoji alone was answered with an unrelated quote."""
    assert open_collection("constitution").ingest([CONSTITUTION]).ok
    for question in ("???", "...", "🙂", "\x01\u202e"):
        assert not has_words(question)
        with pytest.raises(ValueError, match="no words to search for"):
            RagChain("constitution", answer_mode="extractive").ask(question)
    assert has_words("¿Qué?") and has_words("日本の憲法") and has_words("42")


def test_a_question_of_question_words_only_abstains_with_its_reason():
    """"What?" or "a" have no word to weigh: every passage covered them fully and one was quoted; "What can you do?"
    quoted the Apache licence's "You may act only on Your own behalf" (session 40)."""
    assert open_collection("constitution").ingest([CONSTITUTION]).ok
    chain = RagChain("constitution", answer_mode="extractive")
    for question in ("What?", "a", "Is it?", "What can you do?", "What is this about?", "Who are you?"):
        answer = chain.ask(question)
        assert answer.abstained and "names nothing to look for" in answer.abstain_reason, (question, answer.answer)
    history = [{"role": "user", "content": "How many senators does each state have?"},
               {"role": "assistant", "content": "two Senators from each State"}]
    follow_up = chain.ask("Why?", history)  # a follow-up takes its words from the conversation
    assert "names nothing to look for" not in (follow_up.abstain_reason or ""), follow_up.abstain_reason
