"""British and American spellings are one search term (core/retrieval/spelling.py, bm25.US_SPELLING)."""
from __future__ import annotations

from core.retrieval import bm25
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.grounding import content_words
from core.retrieval.spelling import american

MANUAL = ("Copyright 2023 Free Software Foundation, Inc.\n\n"
          "Permission is granted to copy, distribute and/or modify this document under the terms of the GNU Free "
          "Documentation License, Version 1.3 or any later version.\n\n"
          "The program compresses files with the deflate method. Compressed files keep their original "
          "modification time.\n\n"
          "Colors in the listing are set by the environment variable LISTING_COLORS.")


def test_listed_british_forms_read_as_american_and_look_alikes_stay():
    assert american("licence") == "license" and american("colours") == "colors"
    assert american("organisation") == "organization" and american("centre") == "center"
    assert american("analysed") == "analyzed" and american("favourite") == "favorite"
    for word in ("hour", "four", "precise", "promise", "exercise", "cheque", "storey", "license"):
        assert american(word) == word
    assert content_words("Which licence sets the colour?") == content_words("Which license sets the color?")


def test_a_british_question_finds_the_american_manual(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tool.txt").write_text(MANUAL, encoding="utf-8")
    (docs / "other.txt").write_text("The garden opens at nine. Bring your own gloves and a water bottle.\n\n"
                                    "Compost bins stand behind the shed.", encoding="utf-8")
    col = open_collection("manual")
    assert col.ingest(sorted(docs.iterdir())).ok
    question = "What licence is the manual under?"
    answer = RagChain("manual", answer_mode="extractive").ask(question)
    assert not answer.abstained, answer.abstain_reason
    assert "Documentation License" in answer.answer
    # with the spellings apart (the index re-tokenized, as after a tokenizer change) the same question is judged
    # less likely answerable (it was refused at the threshold of before session 32, 0.31)
    monkeypatch.setattr(bm25, "US_SPELLING", False)
    col.retokenize_if_stale()
    assert col.bm25.tokenizer == "snowball-english-options-2"
    apart = RagChain("manual", answer_mode="extractive").ask(question)
    assert apart.trace["abstention"]["p_answerable"] < answer.trace["abstention"]["p_answerable"]
