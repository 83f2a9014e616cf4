"""The grounding check reads what a sentence names (#13 round 14): the document the question is about,
the case of a quotation, capitalised names, what a negation governs, a condition spliced onto another
sentence's claim. Real Chroma, BM25 and MiniLM over two of the shipped sample licences (the passages the
MIT question retrieves hold MIT's and Apache's disclaimers), and the real chain with a stand-in writer."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import grounding
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import Hit, search

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
MIT_QUESTION = "What does the MIT license disclaim?"
PATENT_QUESTION = "What does the Apache license say about patents?"
# seen in the browser (grounded mode, sample collection, #13 round 14 brief): an Apache sentence, its quote
# case-changed, for an MIT question, shown as supported [3]
APACHE_FOR_MIT = 'The document also mentions that the work is "The Work" and that the Licensor provides it on an ' \
                 '"As Is" basis.'
MIT_FAITHFUL = 'The MIT license says the software is provided "as is", without warranty of any kind.'


def _licences():
    col = open_collection("licences")
    assert col.ingest([CORPUS / "mit_license.txt", CORPUS / "apache_license_2.0.txt"]).ok
    return col


def _checker(question: str) -> GroundingChecker:
    hits = search(_licences(), question, k=4, mode="hybrid")
    if question == MIT_QUESTION:  # both documents: the MIT disclaimer beside Apache's
        assert {h.source for h in hits} == {"mit_license.txt", "apache_license_2.0.txt"}, [h.source for h in hits]
    return GroundingChecker(hits, question=question)


@pytest.fixture
def mit():
    return _checker(MIT_QUESTION)


@pytest.fixture
def patents():
    return _checker(PATENT_QUESTION)


def test_an_apache_sentence_does_not_answer_the_mit_question(mit, monkeypatch):
    # the Apache disclaimer without its quotation marks, so that only the document decides
    sentence = "The Licensor provides the Work on an AS IS BASIS, without warranties or conditions of any kind."
    g = mit.check(sentence)
    assert not g.supported and "apache" in g.reason and "mit_license.txt" in g.reason, g.reason
    # a sentence that names MIT but rests on Apache's words is no support either, whatever the question
    assert not GroundingChecker(mit.hits).check(
        "The MIT license says the Licensor provides the Work on an AS IS BASIS, without warranties or conditions "
        "of any kind.").supported
    assert mit.check(MIT_FAITHFUL).supported  # MIT's own disclaimer stays supported
    assert 2 <= len(mit.hits) and mit.check(MIT_FAITHFUL).citations[0] in {
        n for n, h in enumerate(mit.hits, start=1) if h.source == "mit_license.txt"}
    monkeypatch.setattr(grounding, "WRONG_DOCUMENT", False)
    assert _checker(MIT_QUESTION).check(sentence).supported  # what the rule fixes


def test_a_quotation_must_keep_the_passages_case(mit, monkeypatch):
    changed = 'The MIT license says the software is provided "As Is", without warranty of any kind.'
    g = mit.check(changed)
    assert not g.supported and "case" in g.reason, g.reason
    assert mit.check(MIT_FAITHFUL).supported  # lower case of a passage in capitals is allowed
    assert mit.check('It says THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.').supported
    monkeypatch.setattr(grounding, "QUOTE_CASE", False)
    assert _checker(MIT_QUESTION).check(changed).supported


def test_the_browser_sentence_is_dropped_through_the_chain():
    _licences()

    class Writer:
        def stream(self, messages, params, cancel=None):
            yield MIT_FAITHFUL + " " + APACHE_FOR_MIT

    answer = RagChain("licences", answer_mode="grounded", chat_model=Writer()).ask(MIT_QUESTION)
    assert not answer.abstained, answer.abstain_reason
    assert [s["supported"] for s in answer.trace["model_sentences"]] == [True, False]
    assert answer.trace["dropped_sentences"] == [APACHE_FOR_MIT]
    assert "The Work" not in answer.answer and answer.answer.startswith(MIT_FAITHFUL[:-1])


def test_a_swapped_capitalised_name_is_unsupported(patents, monkeypatch):
    true = "Each Contributor grants You a perpetual, worldwide, royalty-free patent license to make, use and sell " \
           "the Work."
    swapped = "Each Contributor grants the Licensee a perpetual, worldwide, royalty-free patent license to make, use " \
              "and sell the Work."
    assert patents.check(true).supported
    g = patents.check(swapped)
    assert not g.supported, g.reason  # the reason shown is the closest span's (here its negation)
    monkeypatch.setattr(grounding, "PROPER_NAMES", False)
    assert _checker(PATENT_QUESTION).check(swapped).supported


def test_a_condition_spliced_onto_another_sentence_is_unsupported(patents, monkeypatch):
    spliced = "If You institute patent litigation against any entity, each Contributor hereby grants to You a " \
              "perpetual, worldwide, non-exclusive, no-charge, royalty-free patent license."
    g = patents.check(spliced)
    assert not g.supported and "condition" in g.reason, g.reason
    assert patents.check("If You institute patent litigation alleging that the Work infringes a patent, the patent "
                         "licenses granted to You under this License for that Work shall terminate.").supported
    monkeypatch.setattr(grounding, "CONDITION_SPLICE", False)
    assert _checker(PATENT_QUESTION).check(spliced).supported


def _hits(*texts: str) -> list[Hit]:
    return [Hit(f"c{i}", t, "zip.1.txt", 1, i, 0.0) for i, t in enumerate(texts)]


PASSWORD = ("-e --encrypt Encrypt the contents of the zip archive using a password which is entered on the terminal "
            "in response to a prompt (this will not be echoed; if standard error is not a tty, zip will exit with "
            "an error). The password prompt is repeated to save the user from typing errors.")


def test_a_negation_must_govern_the_same_words(monkeypatch):
    checker = GroundingChecker(_hits(PASSWORD))
    # every word is in the passage's first sentence, which is negated too, but about echoing and the tty
    wrong = "The password is not entered on the terminal."
    g = checker.check(wrong)
    assert not g.supported and ("negate" in g.reason or "opposite" in g.reason), g.reason
    assert checker.check("The password is not echoed.").supported
    monkeypatch.setattr(grounding, "NEGATION_SCOPE", False)
    assert GroundingChecker(_hits(PASSWORD)).check(wrong).supported


def test_option_agreement_when_switched_on(monkeypatch):
    """NAMES_AGREE is off by default (it lost correct sentences on the hand-written held-out set); switched on,
    a swapped option is unsupported."""
    swapped = "Yes: zip -z encrypts the contents of the archive using a password entered on the terminal."
    monkeypatch.setattr(grounding, "MODEL_SUPPORT", None)  # the words-or-meaning rule lets it pass
    assert GroundingChecker(_hits(PASSWORD)).check(swapped).supported
    for scope in ("span", "passage"):
        monkeypatch.setattr(grounding, "NAMES_AGREE", scope)
        checker = GroundingChecker(_hits(PASSWORD))
        g = checker.check(swapped)
        assert not g.supported, (scope, g.reason)
        assert checker.check("Yes: zip -e encrypts the contents of the archive using a password entered on the "
                             "terminal.").supported
