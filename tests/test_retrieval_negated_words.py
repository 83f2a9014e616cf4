"""A question word that a sentence holds with a negating prefix counts as held by it
(extractive.NEGATED_WORDS, #13 round 10): "Are Python tuples mutable?" is answered by "Tuples
are immutable sequences ...", but "immutable" and "mutable" are different words to the stemmer, so
round 9 quoted "Tuples may be constructed in a number of ways:". Real Python language reference,
real MiniLM, Chroma and BM25."""

from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.extractive import negated_words

REFERENCE = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "python_reference.txt"
QUESTION = "Are Python tuples mutable?"


def test_a_yes_no_question_quotes_the_sentence_that_negates_its_word(monkeypatch):
    assert open_collection("pyref").ingest([REFERENCE]).ok
    answer = RagChain("pyref", answer_mode="extractive").ask(QUESTION)
    assert not answer.abstained and "immutable" in answer.answer.split(" [")[0], answer.answer
    monkeypatch.setattr(extractive, "NEGATED_WORDS", False)  # round 9
    before = RagChain("pyref", answer_mode="extractive").ask(QUESTION)
    assert "immutable" not in before.answer.split(" [")[0], before.answer


def test_only_a_prefix_on_the_question_s_own_word_counts():
    assert negated_words(QUESTION, "Tuples are immutable sequences.") == {"mutabl"}
    assert negated_words("Is the match case sensitive?", "Matching is case-insensitive by default.") == {"sensit"}
    assert negated_words(QUESTION, "Lists are mutable sequences.") == set()  # the word itself: plain coverage
    # "information" is not a negated "formation", nor is any word the question does not hold
    assert negated_words("Which format does it use?", "More information is in the manual.") == set()
