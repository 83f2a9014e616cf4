"""One small document in a collection of its own: what a visitor does with a private upload (#13 round 25).

Seen as a visitor: a community garden's handbook alone in a collection; "How much does membership cost?" was
answered "The documents don't contain the answer" because the evidence weighed words by IDF over the
collection's two chunks. A repair café's FAQ with bold questions was quoted as "**When are you open?** The café
opens ...". Real Chroma, BM25, MiniLM and chain, over the tuning set's documents."""
from __future__ import annotations

from pathlib import Path

from core.retrieval import abstention, extractive, grounding
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

DOCS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_small_docs"


def _alone(name: str, document: str) -> RagChain:
    assert open_collection(name).ingest([DOCS / document]).ok
    return RagChain(name, answer_mode="extractive")


def test_a_plain_question_about_a_small_handbook_is_answered_and_an_unanswerable_one_is_not(monkeypatch):
    chain = _alone("garden", "garden_handbook.md")
    answer = chain.ask("How much does membership cost?")
    assert not answer.abstained, answer.abstain_reason
    assert "35 euros" in answer.answer and answer.trace["evidence_idf"] == "sentences"
    assert chain.ask("Is there a toilet in the garden?").abstained
    monkeypatch.setattr(abstention, "SMALL_COLLECTION_IDF", False)  # what the rule fixes
    assert chain.ask("How much does membership cost?").abstained


def test_an_faq_question_is_neither_glued_to_its_answer_nor_quoted(monkeypatch):
    chain = _alone("cafe", "bike_cafe_faq.md")
    answer = chain.ask("When is the café open?")
    assert not answer.abstained, answer.abstain_reason
    assert answer.answer.startswith("The café opens every second Sunday") and "**" not in answer.answer
    kid = chain.ask("Can my kid help with the repair?")
    assert not kid.abstained and "children over eight may join the repair" in kid.answer
    assert "?" not in kid.answer, kid.answer
    monkeypatch.setattr(grounding, "EMPHASIS_ENDS_SENTENCE", False)
    monkeypatch.setattr(extractive, "QUESTIONS_ARE_NOT_QUOTES", False)
    assert "**When are you open?**" in chain.ask("When is the café open?").answer  # what the rules fix


def test_a_sentence_ends_before_closing_emphasis_and_the_next_bold_sentence():
    text = "**Be aware: the last request returns as it is.** **If it failed, you get the exception.** Use *this.* Next."
    assert [text[a:b] for a, b in grounding.split_sentences(text)] == [
        "**Be aware: the last request returns as it is.**", "**If it failed, you get the exception.**",
        "Use *this.*", "Next."]


def test_a_plain_text_heading_line_is_not_part_of_the_quote_but_still_names_its_subject(monkeypatch):
    chain = _alone("grinder", "aurora_grinder_quickstart.md")
    beans = chain.ask("How many beans fit in the hopper?")
    assert beans.answer.startswith("Fill the hopper with up to 250 grams"), beans.answer  # not "Grinding Fill ..."
    settings = chain.ask("How many grind settings are there?")  # "grind" is only in the heading "Choosing the grind"
    assert not settings.abstained and "18 settings" in settings.answer, settings.abstain_reason
    wrapped = extractive._HEADING_LINE.match("IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE")
    assert wrapped and wrapped.group(1).split()[-1].lower() in extractive._LINE_WRAP_ENDS  # a wrap, not a heading
    monkeypatch.setattr(extractive, "HEADING_LINE_OFF_QUOTES", False)
    assert chain.ask("How many beans fit in the hopper?").answer.startswith("Grinding Fill")  # what the rule fixes
