"""A second quote from the best quote's own option entry needs only half its score
(extractive.SAME_ENTRY_WITHIN, #13 round 10): for "How do I get ssh to print debugging messages,
and how verbose can it get?" the -v entry's "Multiple -v options increase the verbosity." scores
0.49 beside its head's 0.92 (MiniLM puts it far from the question), under the 70 % any other second
quote needs. Real ssh(1) page, real MiniLM, Chroma and BM25."""

from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

SSH = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "ssh.1.txt"
QUESTION = "How do I get ssh to print debugging messages, and how verbose can it get?"
LIMIT = "Multiple -v options increase the verbosity."


def test_the_rest_of_the_entry_is_quoted_when_it_holds_a_question_word(monkeypatch):
    assert open_collection("ssh").ingest([SSH]).ok
    monkeypatch.setattr(extractive, "SAME_ENTRY_WITHIN", 0.5)
    answer = RagChain("ssh", answer_mode="extractive").ask(QUESTION)
    assert not answer.abstained and LIMIT in answer.answer, answer.answer
    monkeypatch.setattr(extractive, "SAME_ENTRY_WITHIN", 0.0)  # round 9: 70 % of the best score
    before = RagChain("ssh", answer_mode="extractive").ask(QUESTION)
    assert LIMIT not in before.answer, before.answer
