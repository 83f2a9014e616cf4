"""The grounding check reads a sentence as a statement (grounding.COHERENCE, #13 round 13): copied
words strung together, cut-off quotes, splices and bare lead-ins are not support. Real Chroma, BM25
and MiniLM over two of the shipped sample licences; the passages are what the MIT warranty question
retrieves."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import grounding
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import search

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
QUESTION = "What does the MIT license say about warranty?"
# found in the browser (grounded mode, sample collection): the model's sentence, most of its words
# copied from the MIT passage, a frame, a quote that is never closed, a clause that breaks off
GARBLED = 'The document also mentions that the work is "THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ' \
          'ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE…'
BROKEN = [
    GARBLED,
    # the same with the quote cut off and no ellipsis
    'The document also mentions that the work is "provided on an "AS IS" BASIS, WITHOUT WARRANTIES OR '
    'CONDITIONS OF ANY KIND, either express or implied, including, without limitation, any',
    # an unfinished clause copied from the MIT passage
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and",
    # seen as a visitor (grounded mode, sample collection, 2026-12-03): quotes the passages do not contain
    'The document also mentions that the work is "The Software" and that the licensees are '
    '"The Authors and Publishers."',
    'The document also mentions that the work is "The Software is distributed in accordance with the terms and '
    'conditions of the License."',
    # a lead-in that states nothing, and a bare list number
    "The MIT license says the following about warranty:",
    "1.",
]
FAITHFUL = [
    'The MIT license says the software is provided "as is", without warranty of any kind.',
    'The document states that THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.',
    "The software comes without warranty of any kind, express or implied.",
]


@pytest.fixture
def checker():
    col = open_collection("licences")
    assert col.ingest([CORPUS / "mit_license.txt", CORPUS / "apache_license_2.0.txt"]).ok
    hits = search(col, QUESTION, k=4, mode="hybrid")
    assert any(h.source == "mit_license.txt" and "WITHOUT WARRANTY OF ANY KIND" in h.text for h in hits)
    return GroundingChecker(hits)


def test_garbled_and_unfinished_sentences_are_unsupported(checker):
    for sentence in BROKEN:
        g = checker.check(sentence)
        assert not g.supported and g.citations == [], (sentence, g.lexical, g.meaning)
        assert g.reason, sentence  # says why
    assert "cut off" in checker.check(GARBLED).reason or "breaks off" in checker.check(GARBLED).reason


def test_main_check_passed_them_on_their_copied_words(checker, monkeypatch):
    # what the rule fixes: without it, the browser's sentence and the others pass as supported
    monkeypatch.setattr(grounding, "COHERENCE", False)
    monkeypatch.setattr(grounding, "MODEL_SUPPORT", None)  # main's check then: the words-or-meaning rule
    passed = [s for s in BROKEN if checker.check(s).supported]
    assert GARBLED in passed and len(passed) >= 5, passed


def test_faithful_paraphrases_and_quotes_stay_supported(checker):
    for sentence in FAITHFUL:
        g = checker.check(sentence)
        assert g.supported, (sentence, g.reason)
        assert "WITHOUT WARRANTY OF ANY KIND" in g.span.text
    # a misstated number is still unsupported ("Version 2.0" in the Apache passages)
    assert not checker.check("The Apache License is Version 3.0, published in January 2004.").supported


def test_a_grounded_answer_drops_the_garbled_sentence():
    """Through the real chain (real retrieval and grounding), with a stand-in model that writes one
    faithful sentence and the browser's garbled one."""
    col = open_collection("licences")
    assert col.ingest([CORPUS / "mit_license.txt", CORPUS / "apache_license_2.0.txt"]).ok

    class Writer:
        def stream(self, messages, params, cancel=None):
            yield FAITHFUL[0] + " " + GARBLED

    answer = RagChain("licences", answer_mode="grounded", chat_model=Writer()).ask(QUESTION)
    assert not answer.abstained, answer.abstain_reason
    assert answer.answer.startswith(FAITHFUL[0][:-1]) and "the work is" not in answer.answer
    assert [s["supported"] for s in answer.trace["model_sentences"]] == [True, False]
    assert answer.trace["dropped_sentences"] == [GARBLED]
