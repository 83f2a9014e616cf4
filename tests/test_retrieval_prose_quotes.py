"""Quote rules for prose (#13 round 11, tuned on the "dev prose" set of READMEs): a sentence that
refers back ("It caches in Redis by default.") is read with the sentence that names its subject
(extractive.ANTECEDENT_DEPTH); the sentence that continues the best quote ("This makes the run
faster, ...") is quoted with it (extractive.CONTINUATION_WITHIN); a how-do-I question prefers an
instruction ("If you want to use it all the time, drop it in your $PATH ...",
answer_type.INSTRUCTION_BONUS); "how many kinds of lists" counts lists (quantity.COUNT_THROUGH_KINDS).
Real READMEs from git's documentation, real MiniLM, Chroma and BM25."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import answer_type, extractive, quantity
from core.retrieval.answer_type import is_instruction
from core.retrieval.chain import RagChain, _hit
from core.retrieval.collection import open_collection
from core.retrieval.extractive import rank_sentences, refers_back
from core.retrieval.grounding import GroundingChecker
from core.retrieval.quantity import counted_thing

PROSE = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_dev_prose"


@pytest.fixture
def coccinelle():
    assert open_collection("cocci").ingest([PROSE / "coccinelle.README.txt"]).ok
    return "cocci"


def _ask(collection: str, question: str):
    answer = RagChain(collection, answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    return answer.answer


def _redis_sentence(collection: str, question: str) -> tuple[int, float]:
    """(rank, score) of "It caches in Redis by default ..." among the ranked sentences."""
    chain = RagChain(collection, answer_mode="extractive")
    hits = [_hit(d) for d in chain.retriever.invoke(question)]
    ranked = rank_sentences(question, GroundingChecker(hits, question=question), open_collection(collection).bm25.idf)
    return next((i, q.score) for i, q in enumerate(ranked) if "Redis" in q.text)


def test_a_sentence_that_refers_back_is_read_with_the_sentence_naming_its_subject(coccinelle, monkeypatch):
    question = "Where does spatchcache keep its cache by default?"
    rank, score = _redis_sentence(coccinelle, question)
    monkeypatch.setattr(extractive, "ANTECEDENT_DEPTH", 0)  # round 10: the sentence just before only
    rank_before, score_before = _redis_sentence(coccinelle, question)
    # "It" is spatchcache, named two sentences earlier: its words lift the sentence (0.42 -> 0.48 on an
    # AVX2 CPU). Whether that makes it THE best quote is a close call the CPU's rounding decides (it was
    # on AVX512-VNNI; 0.008 short on AVX2), so the test checks the lift and a top-two rank.
    assert score >= score_before + 0.03 and rank <= 1, (rank, score, rank_before, score_before)


def test_the_sentence_that_continues_the_best_quote_is_quoted_with_it(coccinelle, monkeypatch):
    question = "Why does make coccicheck join all the cocci files into one?"
    reason = "This makes the run faster"
    assert reason in _ask(coccinelle, question)
    monkeypatch.setattr(extractive, "CONTINUATION_WITHIN", 0.0)  # round 10
    assert reason not in _ask(coccinelle, question)


def test_a_how_do_i_question_prefers_an_instruction(monkeypatch):
    assert open_collection("diffhl").ingest([PROSE / "diff-highlight.README.txt"]).ok
    question = "How do I make git log, show and diff always go through diff-highlight?"
    instruction = "drop it in your $PATH"
    assert instruction in _ask("diffhl", question)
    monkeypatch.setattr(answer_type, "INSTRUCTION_BONUS", 0.0)  # round 10
    assert instruction not in _ask("diffhl", question)


def test_what_refers_back_and_what_is_an_instruction():
    assert refers_back("It caches in Redis by default, see it source for a how-to.")
    assert refers_back("However, this can often be hard to read for code.")
    assert refers_back("In this case, existing colors are dropped from that line.")
    assert not refers_back("Items are compared by position.")
    assert not refers_back("Iterate over the items.")  # "It" only as a whole word
    assert is_instruction("To disable this behavior use the \"SPATCH_USE_O_DEPENDENCIES=NoThanks\" flag.")
    assert is_instruction("If you want to use it all the time, drop it in your $PATH.")
    assert is_instruction("Do not execute a remote command.")
    assert not is_instruction("Use of this software is permitted.")  # a noun, not an order
    assert not is_instruction("If you later use the -P option, -noleaf will still be in effect.")  # a condition
    assert not is_instruction("-type c File is of type c:")  # an option entry (those have their own bonus)
    assert not is_instruction("You can configure the highlight colors using git's config.")
    # a purpose clause followed by a statement, not an order, even with a verb later on
    assert not is_instruction('To speed up our rules the "make coccicheck" target will by default concatenate '
                              'all of the *.cocci files here into an "ALL.cocci", and apply it to each source file.')


def test_how_many_kinds_of_a_thing_counts_the_thing(monkeypatch):
    assert open_collection("gitjump").ingest([PROSE / "git-jump.README.txt"]).ok
    question = "How many kinds of lists can git-jump produce?"
    assert "four types of interesting lists" in _ask("gitjump", question)
    monkeypatch.setattr(quantity, "COUNT_THROUGH_KINDS", False)  # round 10: "four" is no quantity of "kinds"
    before = RagChain("gitjump", answer_mode="extractive").ask(question)
    assert before.abstained and "kinds" in before.abstain_reason, before.abstain_reason
    monkeypatch.setattr(quantity, "COUNT_THROUGH_KINDS", True)
    assert counted_thing("How many sorts of keys are there?") == "keys"
    assert counted_thing("How many justices sit on the Supreme Court?") == "justices"


def test_a_how_many_question_counts_the_head_of_its_phrase(monkeypatch):
    assert counted_thing("How many CPU threads does gzip use?") == "cpu"  # off (the default): the first word
    monkeypatch.setattr(quantity, "COUNTED_HEAD", True)
    assert counted_thing("How many CPU threads does gzip use?") == "threads"
    assert counted_thing("how many open files can lsof show?") == "files"
    assert counted_thing("How many justices sit on the Supreme Court?") == "justices"  # "sit" is not counted
    assert counted_thing("How many people live there?") == "people"
    assert counted_thing("How many kinds of lists can git-jump produce?") == "lists"
