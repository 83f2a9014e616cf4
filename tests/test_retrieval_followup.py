"""Chat history in every message format, and the standalone question of a follow-up."""
from __future__ import annotations

import gradio as gr

from core.retrieval.followup import normalize_history, standalone_question

EXPECTED = [{"role": "user", "content": "How many days of leave do I get?"},
            {"role": "assistant", "content": "25 days per year."}]


def test_every_gradio_message_format_keeps_the_turns():
    as_strings = [{"role": "user", "content": "How many days of leave do I get?"},
                  {"role": "assistant", "content": "25 days per year."}]
    # Gradio 6 sends content as a list of parts
    as_parts = [{"role": "user", "content": [{"type": "text", "text": "How many days of leave do I get?"}]},
                {"role": "assistant", "content": [{"type": "text", "text": "25 days per year."}],
                 "metadata": None, "options": None}]
    as_pairs = [("How many days of leave do I get?", "25 days per year.")]
    as_objects = [gr.ChatMessage(role="user", content="How many days of leave do I get?"),
                  gr.ChatMessage(role="assistant", content="25 days per year.")]
    for history in (as_strings, as_parts, as_pairs, as_objects):
        assert normalize_history(history) == EXPECTED, history


def test_our_answer_markup_and_files_are_dropped_from_history():
    history = [{"role": "user", "content": [{"type": "text", "text": "Leave?"},
                                            {"type": "file", "file": {"path": "/tmp/x.png"}}]},
               {"role": "assistant", "content": "<span class='sent ok' title='[1] hr.md'>25 days.</span>"
                                                "<sup>[1]</sup><br><small>100% of sentences supported</small>"},
               {"role": "system", "content": "ignored"}, {"role": "assistant", "content": "…"}]
    out = normalize_history(history)
    assert out[0] == {"role": "user", "content": "Leave?"}
    assert "<" not in out[1]["content"] and "25 days." in out[1]["content"]
    assert len(out) == 2


def test_standalone_question_keeps_the_subject():
    q = standalone_question("and when do they expire?", EXPECTED)
    assert q.method == "previous question + follow-up"
    assert "leave" in q.text and "expire" in q.text
    assert standalone_question("When do leave days expire?", []).method == "as asked"
    # a new, self-contained question after earlier turns is not glued to them
    new = standalone_question("What does the dental insurance cover?", EXPECTED)
    assert new.method == "as asked" and new.text == "What does the dental insurance cover?"
    assert standalone_question("what about its price?", EXPECTED).method != "as asked"


def test_a_model_rewrite_is_used_only_when_it_keeps_subject_and_point():
    good = standalone_question("and when do they expire?", EXPECTED,
                               rewrite=lambda q, h: "When do the days of leave expire?")
    assert good.method == "model rewrite" and good.text == "When do the days of leave expire?"
    drifted = standalone_question("and when do they expire?", EXPECTED,
                                  rewrite=lambda q, h: "Employees get 25 days per year.")
    assert drifted.method == "previous question + follow-up"
    assert drifted.rewrite == "Employees get 25 days per year."  # still shown in the trace
