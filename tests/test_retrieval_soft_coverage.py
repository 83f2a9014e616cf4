"""Question words a sentence holds in other words (core/retrieval/soft_coverage.py, extractive.SOFT_SHARE,
#13 session 37): "bigger" in the question, "larger" in the answering sentence. Real MiniLM."""
from __future__ import annotations

from core.retrieval import extractive
from core.retrieval.grounding import GroundingChecker
from core.retrieval.hybrid import Hit
from core.retrieval.soft_coverage import SoftMatcher, word_forms

QUESTION = "Why does my archive get bigger?"
ANSWER = "Very small inputs tend to become larger after compression because of a fixed overhead."
OVERVIEW = "Your archive can be listed with the -t option to see every member."


def _scores(question, hits):
    return {q.text: q.score for q in extractive.rank_sentences(question, GroundingChecker(hits))}


def test_word_forms_keep_the_first_surface_form_of_each_content_word():
    forms = word_forms("The archives got BIGGER and the archive is large; id 42.")
    assert forms["bigger"] == "bigger" and forms["larg"] == "large"
    assert "the" not in forms.values() and "42" not in forms.values()
    assert "id" not in forms.values()  # too short to embed to anything but noise


def test_a_synonym_counts_and_an_unrelated_word_does_not():
    from core.models.fast_embeddings import get_fast_embedder

    embed = get_fast_embedder().embed
    matcher = SoftMatcher(QUESTION, [word_forms(ANSWER), word_forms(OVERVIEW)], embed)
    assert matcher.best_cosine("bigger", word_forms(ANSWER)) >= 0.85    # "larger"
    assert matcher.best_cosine("bigger", word_forms(OVERVIEW)) < 0.8
    gain = matcher.gain({"archiv", "bigger"}, {"bigger"}, word_forms(ANSWER), None, 1.0, 0.8)
    assert abs(gain - 0.5) < 1e-9  # one of two equally weighted question words
    assert matcher.gain({"archiv", "bigger"}, {"bigger"}, word_forms(OVERVIEW), None, 1.0, 0.8) == 0.0
    assert matcher.gain({"archiv", "bigger"}, {"bigger"}, word_forms(ANSWER), None, 0.0, 0.8) == 0.0


def test_the_sentence_that_says_it_in_other_words_is_quoted_with_soft_coverage_on(monkeypatch):
    hits = [Hit("a", f"{OVERVIEW} {ANSWER}", "tar.1.txt", 1, 0, 0.0)]
    off = _scores(QUESTION, hits)
    monkeypatch.setattr(extractive, "SOFT_SHARE", 1.0)
    monkeypatch.setattr(extractive, "SOFT_MIN_COSINE", 0.8)
    on = _scores(QUESTION, hits)
    # the answer gains the weight of "bigger" (held as "larger"); the overview, which holds "archive" itself and
    # no word near "bigger", gains nothing
    assert on[ANSWER] > off[ANSWER] + 0.05
    assert on[OVERVIEW] == off[OVERVIEW]
    assert max(on, key=on.get) == ANSWER
