"""A question that names an option is answered from that option's entry (core/retrieval/extractive.py,
NAMED_ENTRY_BONUS 0.3, #13 round 8): for "What does the -empty test of find match?" the quote was an
aside elsewhere ("The -empty test for example is true only when ...") although the "-empty" entry
was retrieved. Real find(1) page, real MiniLM, real Chroma and BM25."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import extractive
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

FIND = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "find.1.txt"
QUESTION = "What does the -empty test of find match?"
ANSWER = "-empty File is empty and is either a regular file or a directory."


def test_the_named_options_entry_is_quoted(monkeypatch):
    assert open_collection("find").ingest([FIND]).ok
    chain = RagChain("find", answer_mode="extractive")
    answer = chain.ask(QUESTION)
    quotes = [q["text"] for q in answer.trace["quotes"]]
    assert ANSWER in quotes[0], quotes
    assert not answer.abstained and ANSWER in answer.answer
    # without the bonus another entry's sentence is the best quote (at round 8's definition-entry
    # bonus, 0.15: round 9's 0.25 alone also prefers the -empty entry)
    from core.retrieval import answer_type

    monkeypatch.setattr(answer_type, "ENTRY_BONUS", 0.15)
    monkeypatch.setattr(extractive, "NAMED_ENTRY_BONUS", 0.0)
    quotes = [q["text"] for q in chain.ask(QUESTION).trace["quotes"]]
    assert ANSWER not in quotes[0], quotes


def test_only_an_entry_headed_by_the_named_option_counts():
    from core.retrieval.grounding import GroundingChecker
    from core.retrieval.hybrid import Hit

    hits = [Hit(f"id{i}", text, "less.1.txt", 1, i, 0.0) for i, text in enumerate((
        "-C or --CLEAR-SCREEN\n  Same as -c, for compatibility with older versions of less.",
        "-X or --no-init\n  Disables sending the termcap initialization strings.",
        "Some text that mentions -X in passing.\n-X is also discussed here."))]
    assert extractive._named_entries("What does the -X option of less turn off?", GroundingChecker(hits)) == {2}
    assert extractive._named_entries("How do I turn off the init strings?", GroundingChecker(hits)) == set()


def test_the_abstention_reads_the_best_sentence_without_the_bonus(monkeypatch):
    # the bonus chooses the quote; the abstention was fitted on the ranking without it, so it reads
    # that ranking's best sentence (with the bonused one, less's "-X" question abstained on the
    # long set: the -X entry's sentence is further from the question in cosine)
    from core.retrieval.grounding import GroundingChecker
    from core.retrieval.hybrid import search

    question = "What does the -X option of less turn off?"
    col = open_collection("less")
    assert col.ingest([Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "less.1.txt"]).ok
    answer = RagChain("less", answer_mode="extractive").ask(question)
    assert answer.trace["quotes"][0]["text"].startswith("-X or --no-init Disables sending the termcap")
    hits = search(col, question, k=4, mode="hybrid")
    monkeypatch.setattr(extractive, "NAMED_ENTRY_BONUS", 0.0)
    plain_best = extractive.rank_sentences(question, GroundingChecker(hits), col.bm25.idf)[0]
    assert not plain_best.text.startswith("-X")
    assert answer.trace["abstention"]["features"]["sentence"] == round(plain_best.meaning, 3)
    # the first version read the bonused best sentence
    monkeypatch.setattr(extractive, "NAMED_ENTRY_BONUS", 0.3)
    monkeypatch.setattr(extractive, "ABSTAIN_WITHOUT_BONUS", False)
    old = RagChain("less", answer_mode="extractive").ask(question)
    assert old.trace["abstention"]["features"]["sentence"] != round(plain_best.meaning, 3)
