"""An appliance manual alone in a collection: what a visitor uploads and asks in their own words (#13 round 26).

Seen as a visitor: a kettle manual's troubleshooting FAQ states each symptom in bold and the remedy after it;
"It's leaking, what should I do?" was answered with the bold symptom. "The light doesn't come on" abstained
because "doesn't" gave the content word "doesn". "How long is the warranty?" abstained because no passage holds
"long". Real Chroma, BM25, MiniLM and chain, over a manual written for this test."""
from __future__ import annotations

import pytest

from core.retrieval import abstention, extractive, grounding
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

MANUAL = """# AquaBoil 300 Kettle — User Manual

## Specifications

| Item | Value |
|---|---|
| Capacity | 1.5 litres |
| Power | 2000 W |
| Warranty | 3 years |

Keep your receipt as proof of purchase.

## Keep warm

Press the KEEP WARM button. The kettle keeps the water at 75 °C for up to 20 minutes.

## Troubleshooting

**The kettle switches off too early.** Limescale blocks the filter; descale the kettle with vinegar.

**The power light does not come on.** Check that the kettle sits flat on its base and that the socket is on.

**Water leaks from the base.** Stop using the kettle and contact support at help@aquaboil.example.
"""


@pytest.fixture
def chain(tmp_path):  # each test has its own data folder (conftest.py)
    manual = tmp_path / "kettle_manual.md"
    manual.write_text(MANUAL, encoding="utf-8")
    assert open_collection("kettle").ingest([manual]).ok
    return RagChain("kettle", answer_mode="extractive")


def _p_answerable(answer) -> float:
    return answer.trace["abstention"]["p_answerable"]


def test_a_bold_symptom_is_not_the_answer_its_remedy_is(chain, monkeypatch):
    leak = chain.ask("It's leaking, what should I do?")
    assert leak.answer.startswith("Stop using the kettle and contact support"), leak.answer
    assert "**" not in leak.answer
    monkeypatch.setattr(extractive, "EMPHASIS_LEADS_ARE_NOT_QUOTES", False)  # what the rule fixes
    assert chain.ask("It's leaking, what should I do?").answer.startswith("**Water leaks from the base.**")


def test_a_negative_contraction_is_no_content_word(chain, monkeypatch):
    assert grounding.content_words("The light doesn't come on, I can't see it") == {"light", "come", "see"}
    light = chain.ask("The power light doesn't come on, what do I do?")
    assert not light.abstained and light.answer.startswith("Check that the kettle sits flat"), light.abstain_reason
    monkeypatch.setattr(grounding, "CONTRACTIONS_ARE_NOT", False)
    assert "doesn" in grounding.content_words("The light doesn't come on")


def test_how_long_is_the_form_of_a_quantity_question_not_its_subject(chain, monkeypatch):
    warranty = chain.ask("How long is the warranty?")
    assert not warranty.abstained and "3 years" in warranty.answer, warranty.abstain_reason
    assert chain.ask("How heavy is the kettle?").abstained  # not a quantity question: "heavy" is its subject
    monkeypatch.setattr(abstention, "HOW_WORDS_ARE_FORM", False)  # what the rule fixes: "long" counted as a
    # subject word no passage holds (this abstained at the threshold of before session 32, 0.31)
    assert _p_answerable(chain.ask("How long is the warranty?")) < _p_answerable(warranty)


def test_the_askers_need_is_the_questions_form(chain, monkeypatch):
    receipt = chain.ask("Do I need a receipt?")
    assert not receipt.abstained and "Keep your receipt" in receipt.answer, receipt.abstain_reason
    monkeypatch.setattr(abstention, "ASKER_NEED_IS_FORM", False)  # what the rule fixes (this abstained at the
    # threshold of before session 32, 0.31)
    assert _p_answerable(chain.ask("Do I need a receipt?")) < _p_answerable(receipt)


def test_passages_with_no_quotable_sentence_give_an_abstention_not_an_empty_answer(tmp_path):
    # seen as an attacker: a page of 60,000 "<li>step N</li>" items; every retrieved chunk held only list numbers
    # and two-word fragments, and the chat showed an empty answer
    steps = tmp_path / "steps.md"
    steps.write_text("\n\n".join(f"{i}. step {i}" for i in range(1, 200)), encoding="utf-8")
    assert open_collection("steps").ingest([steps]).ok
    answer = RagChain("steps", answer_mode="extractive").ask("What is step 150?")
    assert answer.abstained and answer.answer and "can be quoted" in answer.abstain_reason, answer
