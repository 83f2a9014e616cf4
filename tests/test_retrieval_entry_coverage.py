"""Every sentence of an option entry counts the question words of its whole entry
(core/retrieval/extractive.py, ENTRY_SHARE, #13 round 9): for "How do I tell ssh which private key
file to use?" the quote was an aside of the -i entry ("You can also specify a public key file to use
the corresponding private key ...") instead of its head ("-i identity_file Selects a file from which
the identity (private key) ... is read"), which holds fewer of the question's words by itself. Real
ssh(1) page, real MiniLM, real Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import search

SSH = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "ssh.1.txt"
QUESTION = "How do I tell ssh which private key file to use?"
HEAD = "-i identity_file Selects a file from which the identity (private key) for public key authentication is read."


def test_the_entry_head_is_quoted_when_its_entry_holds_the_question_words(monkeypatch):
    # at round 8's definition-entry bonus (0.15): the larger bonus of round 9 alone also picks the head
    from core.retrieval import answer_type

    monkeypatch.setattr(answer_type, "ENTRY_BONUS", 0.15)
    col = open_collection("ssh")
    assert col.ingest([SSH]).ok
    hits = search(col, QUESTION, k=4, mode="hybrid")
    assert any(h.text.lstrip().startswith("-i identity_file") for h in hits)  # retrieval, not tested here
    ranked = extractive.rank_sentences(QUESTION, GroundingChecker(hits), col.bm25.idf)
    assert ranked[0].text == HEAD, [q.text for q in ranked[:3]]
    answer = RagChain("ssh", answer_mode="extractive").ask(QUESTION)
    assert not answer.abstained and HEAD in answer.answer
    # round 8 (entry coverage off): a sentence holding more question words by itself wins
    monkeypatch.setattr(extractive, "ENTRY_SHARE", 0.0)
    ranked = extractive.rank_sentences(QUESTION, GroundingChecker(hits), col.bm25.idf)
    assert ranked[0].text != HEAD


def test_only_chunks_headed_by_an_option_are_entries(monkeypatch):
    from core.retrieval.hybrid import Hit

    question = "Which mode will print debugging messages?"
    hits = [Hit("a", "-q Quiet mode for the whole session of the program.\n  It will print debugging messages only.",
                "x.1.txt", 1, 0, 0.0),
            Hit("b", "Quiet mode for the whole session of the program.\n  It will print debugging messages only.",
                "x.1.txt", 1, 1, 0.0)]

    def scores():
        return {(q.n, q.text): q.score for q in extractive.rank_sentences(question, GroundingChecker(hits))}

    on = scores()
    monkeypatch.setattr(extractive, "ENTRY_SHARE", 0.0)
    off = scores()
    # the entry's head also holds its second sentence's words (print, debugging, messages) ...
    head = (1, "-q Quiet mode for the whole session of the program.")
    assert on[head] > off[head] + 0.2
    # ... a chunk that does not start with an option is no entry
    plain = (2, "Quiet mode for the whole session of the program.")
    assert on[plain] == off[plain]
