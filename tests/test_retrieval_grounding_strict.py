"""A sentence the model wrote needs both most of its words and a close meaning in one span (#13 round 14).

The sentences below are the bundled model's own, from grounded answers that a person checked by hand
against the passages they cite; each wrong one passed the lexical-or-meaning rule that quotes use."""
from __future__ import annotations

import pytest

from core.retrieval import grounding
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import Hit

GUIDE = ("BM25 search ranks chunks by keyword statistics and is good at rare words, names and numbers.\n\n"
         "Hybrid search fuses both rankings with reciprocal rank fusion, using the constant 60.\n\n"
         "The vector store is Chroma, embedded in the data folder by default.")
WGET = ("-c --continue Continue getting a partially-downloaded file. This is useful when you want to finish up a "
        "download started by a previous instance of Wget, or by another program.")
LIBFFI = "If you want to enable extra run-time debugging checks use the the ``--enable-debug`` configure switch."

WRONG = [  # (passage, a sentence the model wrote that it does not support)
    (GUIDE, "The Chroma suite is a suite of tools that can be used to perform hybrid search, which is a search "
            "that combines both the vector store and the Chroma suite."),
    (GUIDE, "It can also find chunks of chunks by ranking them by keyword statistics and is good at matching "
            "them with other chunks."),
    (WGET, "Download the file you want to pick up."),
]
RIGHT = [
    (LIBFFI, "To turn on extra run-time debugging checks, you can use the --enable-debug option in the "
             "configure command."),
    (GUIDE, "BM25 search is good at rare words, names and numbers."),
]


def _check(passage: str, sentence: str):
    return GroundingChecker([Hit("c1", passage, "doc.md", 1, 0, 0.5)]).check(sentence)


@pytest.mark.parametrize("passage, sentence", WRONG)
def test_a_loose_model_sentence_is_unsupported(passage, sentence):
    g = _check(passage, sentence)
    assert not g.supported and g.citations == [] and g.reason


@pytest.mark.parametrize("passage, sentence", RIGHT)
def test_a_faithful_paraphrase_stays_supported(passage, sentence):
    g = _check(passage, sentence)
    assert g.supported and g.citations == [1]


def test_quotes_keep_the_lexical_rule(monkeypatch):
    # a verbatim passage sentence is judged as before: extractive answers do not change
    g = GroundingChecker([Hit("c1", WGET, "wget.1", 1, 0, 0.5)]).check(
        "Continue getting a partially-downloaded file.", quote=True)
    assert g.supported


def test_the_loose_rule_is_what_let_them_through(monkeypatch):
    # with the old rule for model sentences too, the wrong sentences above pass: the new rule is what stops them
    monkeypatch.setattr(grounding, "MODEL_SUPPORT", None)
    assert all(_check(p, s).supported for p, s in WRONG)
