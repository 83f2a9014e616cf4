"""Grounded mode says when it left the model's sentences out, instead of showing quotes as if they were the answer."""
from __future__ import annotations

from apps.chatbot.sources_html import answer_html

QUOTE = {"text": "Employees receive 25 days of paid leave per year. [1]", "supported": True, "citations": [1],
         "span": {"n": 1, "text": "Employees receive 25 days of paid leave per year."}}
CITATIONS = [{"n": 1, "source": "handbook.md", "page": 1, "text": QUOTE["span"]["text"]}]


def test_quotes_instead_of_the_model_answer_are_labelled():
    shown = answer_html(QUOTE["text"], [QUOTE], CITATIONS, False, 1.0, withheld=2, quoted_instead=True)
    assert "100% of sentences supported" in shown
    assert "model's answer (2 sentences) was not supported" in shown and "quotes from them instead" in shown


def test_left_out_sentences_are_counted_and_a_full_answer_has_no_note():
    partly = answer_html(QUOTE["text"], [QUOTE], CITATIONS, False, 1.0, withheld=1)
    assert "1 more sentence of the model's answer left out" in partly
    assert "withheld" not in answer_html(QUOTE["text"], [QUOTE], CITATIONS, False, 1.0)
