"""Evidence checks: key terms the passages never mention, quantity questions without a quantity.

Through the real chain (real Chroma, BM25, MiniLM); each chain test asks the same question with
the checks off too, so it fails if the check is not what makes the difference.
"""
from __future__ import annotations

import pytest
from retrieval_helpers import ingest_handbook

from core.config import ConfigError, load_settings, reset_settings
from core.retrieval import prompts
from core.retrieval.chain import RagChain
from core.retrieval.key_terms import key_terms, mentions
from core.retrieval.quantity import asks_for_quantity, counted_thing, mentions_thing, states_quantity

HANDBOOK = """# Staff handbook

## Leave
Employees receive 25 days of paid leave per year. Unused leave days expire on 31 March of the following year.

## Meetings
Team meetings take place every Tuesday at 10:00 in room 4B. Minutes are shared within two working days.

## Equipment
Each employee may claim a home-office budget of 450 euros once every three years.
Each employee may also claim one Chromebook for travel, approved by the office manager.

## Summer party
Guests may attend the summer party when they are registered with the office manager in advance.
"""


@pytest.fixture
def handbook(tmp_path):
    return ingest_handbook(tmp_path, HANDBOOK)


def ask(question: str, checks: bool):
    return RagChain("handbook", answer_mode="extractive", evidence_checks=checks).ask(question)


def test_key_terms_of_each_kind():
    terms = key_terms('Does json.dumps take skip_nulls, --indent-width or "compact mode" in ZIP64 and AES mode 120 as ZipFile does under Apache?')
    assert terms == [("identifier", "json.dumps"), ("identifier", "skip_nulls"), ("option", "--indent-width"),
                     ("quoted", "compact mode"), ("identifier", "ZIP64"), ("acronym", "AES"), ("number", "120"),
                     ("identifier", "ZipFile"), ("name", "Apache")]
    # a capitalised first word, a possessive, "e.g." and plain words are not key terms
    assert key_terms("What does curl's manual say, e.g. about proxies?") == []
    # Title Case and ALL CAPS questions: capitals mark no names there
    assert key_terms("How Many Days Of Leave Do Employees Get In 2024?") == [("number", "2024")]
    assert key_terms("HOW MANY DAYS OF LEAVE DO I GET?") == []


def test_mentions_tolerates_case_plurals_and_dotted_prefixes():
    assert mentions("Chromebooks", "one chromebook for travel", "name")
    assert mentions("subprocess.run", "run(*popenargs, input=None)", "identifier")
    assert not mentions("--indent", "--indent-width sets it", "option")
    assert not mentions("120", "exit code 1200", "number")


def test_quantity_question_and_statement():
    assert asks_for_quantity("How many guests may attend?") and asks_for_quantity("what percentage of shares?")
    assert not asks_for_quantity("Who may attend the party?")
    # the question's own wh-word decides: this one asks for a way, "how many" is inside what it asks about
    assert not asks_for_quantity("How do I limit how many files the archive holds?")
    assert asks_for_quantity("In Article I, how many senators does each state have?")
    assert states_quantity("two Senators") and states_quantity("450 euros")
    assert not states_quantity("Guests may attend when registered.")
    # "how many X": the quote must name X, tolerant of number and suffix
    assert counted_thing("How many justices sit on the Supreme Court?") == "justices"
    assert not mentions_thing("justices", "vested in one supreme Court")
    assert mentions_thing("dimensions", "384-dimensional vectors") and mentions_thing("levels", "level is 3")


def test_absent_key_term_abstains_naming_it(handbook):
    question = "How many days of paid leave do employees in room 5C receive?"
    assert not ask(question, checks=False).abstained  # the scores alone would answer it
    answer = ask(question, checks=True)
    assert answer.abstained and answer.answer == prompts.NOT_FOUND
    assert "the documents never mention '5C'" in answer.abstain_reason
    assert answer.trace["evidence_checks"]["fired"] == "key_terms"
    assert answer.trace["abstention"]["abstain"]  # the trace's decision says so too
    assert answer.citations  # the closest passages are still shown


def test_present_key_term_in_plural_form_does_not_abstain(handbook):
    answer = ask("Who approves the Chromebooks for travel?", checks=True)
    assert not answer.abstained, answer.abstain_reason
    checks = answer.trace["evidence_checks"]
    assert "Chromebooks" in checks["key_terms"] and checks["missing_terms"] == [] and checks["fired"] is None
    assert "office manager" in answer.answer


def test_how_many_question_whose_quote_has_no_number_abstains(handbook):
    question = "How many guests may attend the summer party?"
    off = ask(question, checks=False)
    assert not off.abstained and "summer party" in off.answer  # quotes a sentence with no number
    answer = ask(question, checks=True)
    assert answer.abstained
    assert answer.trace["evidence_checks"]["fired"] == "quantity"
    assert "asks for a quantity" in answer.abstain_reason


def test_how_many_question_with_a_number_in_the_quote_answers(handbook):
    answer = ask("How many days of paid leave do employees receive?", checks=True)
    assert not answer.abstained, answer.abstain_reason
    assert "25 days" in answer.answer and answer.trace["evidence_checks"]["quote_states_quantity"]


def test_setting_off_restores_the_old_decision(handbook, monkeypatch):
    question = "How many days of paid leave do employees in room 5C receive?"
    monkeypatch.setenv("GENAI_EVIDENCE_CHECKS", "false")
    reset_settings()
    answer = RagChain("handbook", answer_mode="extractive").ask(question)
    assert not answer.abstained and "evidence_checks" not in answer.trace
    assert "25 days" in answer.answer


def test_misspelt_setting_is_an_error():
    with pytest.raises(ConfigError, match="unknown setting GENAI_EVIDENCE_CHECK;"):
        load_settings({"GENAI_EVIDENCE_CHECK": "false"})


def test_asking_part_keeps_the_sentences_that_ask():
    from core.retrieval.key_terms import asking_part

    assert asking_part("Our Jenkins log is full of bar lines. Can I make it update less often?") \
        == "Can I make it update less often?"
    assert asking_part("Does it keep the exit code? Our CI job checks it.") == "Does it keep the exit code?"
    # no question mark: the last sentence asks; "e.g." and a lower-case start end no sentence
    assert asking_part("I run Debian 12. My bar flickers. how do I stop it") == "My bar flickers. how do I stop it"
    assert asking_part("Which flag, e.g. for CI, keeps it?") == "Which flag, e.g. for CI, keeps it?"


def test_a_name_in_the_scene_refuses_only_while_every_sentence_gives_key_terms(handbook, monkeypatch):
    """`key_terms.ASKING_SENTENCES_ONLY`: the names a visitor uses to set the scene are theirs, not the documents'."""
    from core.retrieval import key_terms as terms

    question = "Our team sits in room 5C at Contoso. How many days of paid leave do employees receive?"
    monkeypatch.setattr(terms, "ASKING_SENTENCES_ONLY", False)
    every = ask(question, checks=True)
    assert every.abstained and every.trace["evidence_checks"]["fired"] == "key_terms"
    monkeypatch.setattr(terms, "ASKING_SENTENCES_ONLY", True)
    asking = ask(question, checks=True)
    assert not asking.abstained, asking.abstain_reason
    assert "25 days" in asking.answer
    # the same name inside the sentence that asks still refuses
    inside = ask("How many days of paid leave do employees in room 5C receive?", checks=True)
    assert inside.abstained and inside.trace["evidence_checks"]["fired"] == "key_terms"


def test_a_scene_lowers_the_estimate_only_while_its_words_count_in_coverage(handbook, monkeypatch):
    """`abstention.ASKING_SENTENCES_COVERAGE`: the scene's words are no question words a passage must hold."""
    from core.retrieval import abstention
    from core.retrieval import key_terms as terms

    monkeypatch.setattr(terms, "ASKING_SENTENCES_ONLY", True)
    scene = "Our team sits in room 5C at Contoso. How many days of paid leave do employees receive?"
    plain = "How many days of paid leave do employees receive?"
    monkeypatch.setattr(abstention, "ASKING_SENTENCES_COVERAGE", False)
    every = ask(scene, checks=True).trace["abstention"]
    plain_off = ask(plain, checks=True).trace["abstention"]
    monkeypatch.setattr(abstention, "ASKING_SENTENCES_COVERAGE", True)
    asking = ask(scene, checks=True).trace["abstention"]
    assert asking["p_answerable"] > every["p_answerable"]
    assert "sits" in every["reason"] and "sits" not in asking["reason"]  # "(it lacks: ...)" names the scene's words
    assert ask(plain, checks=True).trace["abstention"]["p_answerable"] == plain_off["p_answerable"]  # one sentence
