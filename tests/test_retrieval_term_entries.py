"""A command key's entry in a definition list ("?pattern", "m", "ESC-} or ^RIGHTARROW") counts as a
definition entry for a "how do I / which command" question (answer_type.TERM_ENTRIES, #13 round 10;
off by default: it lowered the held-out total, see benchmarks/results/rag_issue13_round10.md).
Round 9's entry bonus went to option entries only, so "How do I search backwards for a pattern in
less?" quoted the --incsearch option over less(1)'s "?pattern Search backward in the file ..."
command. Real less(1) page, real MiniLM, Chroma and BM25."""

from __future__ import annotations

from pathlib import Path

from core.retrieval import answer_type
from core.retrieval.answer_type import is_term_entry
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

LESS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_long" / "less.1.txt"
QUESTION = "How do I search backwards for a pattern in less?"
ENTRY = "?pattern Search backward in the file for the N-th line containing the pattern."


def test_a_command_entry_answers_a_how_do_i_question(monkeypatch):
    assert open_collection("less").ingest([LESS]).ok
    before = RagChain("less", answer_mode="extractive").ask(QUESTION)  # off by default: an option entry wins
    assert not before.answer.startswith(ENTRY), before.answer
    monkeypatch.setattr(answer_type, "TERM_ENTRIES", True)
    answer = RagChain("less", answer_mode="extractive").ask(QUESTION)
    assert not answer.abstained and answer.answer.startswith(ENTRY), answer.answer


def test_term_entries_are_told_from_prose_by_their_layout():
    page = LESS.read_text()
    start = page.index("       ?pattern\n")
    chunk = page[start : start + 600].lstrip()
    assert is_term_entry(chunk, 0)  # the term alone, its description on deeper-indented lines
    assert not is_term_entry(chunk, chunk.index("The search starts"))  # the entry's second sentence
    keys = (
        "m      Followed by any lowercase or uppercase letter, marks the first displayed\n"
        "              line with that letter.  If the status column is enabled.\n"
    )
    assert is_term_entry(keys, 0)  # term and description on one line, set off by spaces
    assert not is_term_entry(keys, keys.index("If the status"))  # a sentence starting inside a line
    heading = "ESCAPE CHARACTERS\n     When a pseudo-terminal has been requested, ssh supports escapes.\n"
    assert not is_term_entry(heading, 0)  # two words: a heading, not a key
    prose = "Tuples may be constructed in a number of ways:\n\n* Using a pair of parentheses\n"
    assert not is_term_entry(prose, 0)
    shallower = "       word\n  Less indented text follows here.\n"
    assert not is_term_entry(shallower, shallower.index("word"))  # the next line is indented less
