"""The asked-for value (#13 round 26, asked_value.ASKED_VALUE_CHECK): a question that names the kind of value it
asks for (a salary, a size, a port, an author, a year ...) is refused when no quote states one. Seen on the tuning
sets: "What is the salary of the President of the United States?" was answered with "He shall hold his Office during
the Term of four Years." (a number, but no salary), and "Who wrote the Apache license?" with "Version 2.0, January
2004". Real Chroma, BM25 and MiniLM over the sample corpus's documents, and the real chain."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import asked_value
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
SALARY = "What is the salary of the President of the United States?"  # the excerpts state no salary


@pytest.mark.parametrize("question, kind", [
    (SALARY, "measure"),
    ("What is the maximum size of a single tar archive?", "measure"),
    ("Which port does the git daemon listen on by default?", "measure"),
    ("How loud is the grinder?", "measure"),
    ("How much does membership cost?", "measure"),
    ("Who wrote the Apache license?", "author"),
    ("When was Apache License Version 2.0 published?", "date"),
    ("Under which license is Typer released?", "licence"),
    ("What is the café's phone number?", "address"),
    ("Which version of Perl does diff-highlight require?", "version"),
    ("Does Typer support asyncio commands?", "feature"),
    ("Which port option does ssh use to connect to a non-standard port?", None),  # asks for an option
    ("Which memory allocator does it use?", None),  # "memory" is not the head noun
    ("What limits the size of an upload?", None),  # asks for a thing, not a size
    ("What replaces email addresses in checked text?", None),
    ("Which GPU does GenAI Studio need?", None),  # a class noun: any name may answer it
])
def test_the_kind_of_value_asked_for(question, kind):
    got = asked_value.asked(question)
    assert (got["type"] if got else None) == kind


@pytest.mark.parametrize("question, quote, context, held", [
    (SALARY, "He shall hold his Office during the Term of four Years.", "", False),  # a number, not a salary
    ("What is the yearly fee?", "Members pay 35 euros per household.", "", True),  # a unit of money
    ("What is the maximum size of a single tar archive?", "gnu GNU tar 1.13.x format", "", False),
    ("What is the maximum upload size?", "Uploads over 20 megabytes are refused.", "", True),
    ("Which port does it listen on?", "It listens on port 9418.", "", True),
    ("Which port does it listen on?", "Port", "", False),  # names the port, states no number
    ("How loud is the grinder?", "Keep the grinder away from children.", "", False),
    ("How far from the wall should it stand?", "Place it at least 10 cm from the wall.", "", True),
    ("How big is the home office budget?", "Each employee may claim a budget of 450 euros.", "", True),
    ("Who wrote the Apache license?", "Version 2.0, January 2004 http://www.apache.org/licenses/", "Apache License", False),
    ("Who wrote the Zen of Python?", "The Zen of Python, by Tim Peters", "", True),
    ("When was it published?", "Version 2.0, January 2004", "", True),
    ("Which day is the market held?", "The market is held on Thursdays in the square.", "", True),  # plural weekday
    ("Which day is the market held?", "The market is held in the square.", "", False),
    ("Which version of fetcher does the proxy use?", "The proxy sends User-Agent: fetcher/2.4.1 with every request.",
     "", True),  # a product token's version after a slash
    ("Which version of the API does it call?", "Requests go to /srv/api/2/items on the host.", "", False),  # a path
    ("When was ssh first released?", "OpenSSH is a derivative of the original and free ssh 1.2.12 release.", "",
     False),  # a version is no day on the calendar
    ("In what year was the format introduced?", "The format was introduced with version 2.4.", "", False),
    ("When was the --color option added?", "The --color option was added in version 2.4.", "", True),  # a version is
    ("When was the club founded?", "The club was founded in the spring of 1987.", "", True),
    ("Who founded the repair café?", "Write to the coordinator, Tom Berger, or come along on a café day.", "",
     False),  # a name, but not the founder's
    ("Who founded the repair café?", "The café was started in 2015 by Anna Weber.", "", True),
    ("Which license requires the notices in all copies?", "provided that the above notice appears", "isc_license.txt",
     True),  # the document's name names the licence
])
def test_a_quote_holds_the_asked_for_value(question, quote, context, held):
    assert asked_value.check(question, [(quote, context)])["held"] is held


@pytest.fixture
def sample():
    assert open_collection("sample").ingest(sorted(CORPUS.iterdir())).ok
    return "sample"


def test_a_salary_question_answered_with_a_term_of_years_is_refused(sample, monkeypatch):
    chain = RagChain(sample, answer_mode="extractive")  # the default: the check is on
    answer = chain.ask(SALARY)
    assert answer.abstained, answer.answer
    assert answer.trace["evidence_checks"]["fired"] == "asked_value"
    assert "asks for a salary (a number, in a quote that names it or with a unit of money)" in answer.abstain_reason
    term = chain.ask("How long is the President's term of office?")  # the quote states the asked-for value
    assert not term.abstained and "four Years" in term.answer, term.abstain_reason
    author = chain.ask("Who wrote the Zen of Python?")
    assert not author.abstained and "Tim Peters" in author.answer, author.abstain_reason
    monkeypatch.setattr(asked_value, "ASKED_VALUE_CHECK", False)  # what the check fixes: the scores let it through
    assert not chain.ask(SALARY).abstained


def test_with_the_role_switch_off_any_name_answers_who_founded(monkeypatch):
    monkeypatch.setattr(asked_value, "AUTHOR_NEEDS_A_ROLE", False)
    assert asked_value.check("Who founded the repair café?", [("Write to the coordinator, Tom Berger.", "")])["held"]


def test_with_the_calendar_switch_off_a_version_answers_when_first(monkeypatch):
    monkeypatch.setattr(asked_value, "DATES_ON_THE_CALENDAR", False)
    assert asked_value.check("When was ssh first released?", [("the free ssh 1.2.12 release", "")])["held"]


def test_the_line_above_a_quote_is_its_heading():
    chunk = ("No. `bytes` is the correct type.\n\n### Will it support NDJSON or JSONL?\n\n"
             "No. [orjsonl](https://github.com/umarbutler/orjsonl) may be\nappropriate.")
    quote = "No. [orjsonl](https://github.com/umarbutler/orjsonl) may be appropriate."
    assert asked_value.line_above(chunk, quote) == "### Will it support NDJSON or JSONL?"
    assert asked_value.check("Will orjson support NDJSON?", [(quote, asked_value.line_above(chunk, quote))])["held"]
    assert asked_value.line_above("It is fast. No. [orjsonl] helps.", "No. [orjsonl] helps.") == ""  # mid-line


@pytest.mark.parametrize("question, quote, held", [
    ("What do replacement burrs cost?", "Brush out the burrs once a week with the supplied brush.", False),
    ("What do replacement burrs cost?", "Replacement burrs are 19 euros from the shop.", True),
    ("How much slower is gzip -9 than the default level?", "gzip is safer but can be considerably slower.", False),
    ("How much faster is the new parser?", "The new parser is 3 times faster on large files.", True),
    ("What exit code does gzip return when it only prints a warning?",
     "time displays a warning message and the exit status or signal number.", False),  # names it, states none
    ("What exit status does grep return when no lines match?",
     "The exit status is 1 if no lines were selected.", True),
    ("What is the exit status when the copy fails?", "cp exits with a non-zero status on failure.", True),
    ("What's the maximum number of files grep can search at once?",
     "For more control over which files are searched, use find and grep.", False),
    ("How precise is the elapsed time?", "The elapsed time is not collected atomically.", False),
    ("How precise is the elapsed time?", "Elapsed time is measured to the nearest 10 milliseconds.", True),
])
def test_more_forms_ask_their_quote_for_a_value(question, quote, held, monkeypatch):
    got = asked_value.check(question, [(quote, "")])  # on by default since session 38
    assert got["held"] is held, got["looked_for"]
    monkeypatch.setattr(asked_value, "MORE_FORMS", False)
    assert asked_value.check(question, [(quote, "")]) is None  # off: these forms name no value


def test_more_forms_leave_other_questions_alone():
    for question in ("What does the MIT license disclaim?", "How do I make the build faster?",
                     "What code does the example print?", "How many ways are there?"):
        assert asked_value.asked(question) is None, question


def test_a_cost_question_the_manual_does_not_answer_is_refused_with_its_reason(tmp_path):
    manual = CORPUS.parent / "rag_corpus_small_docs" / "aurora_grinder_quickstart.md"
    assert open_collection("grinder").ingest([manual]).ok
    chain = RagChain("grinder", answer_mode="extractive")
    answer = chain.ask("What do replacement burrs cost?")  # the guide names the burrs, never a price
    assert answer.abstained, answer.answer
    assert answer.trace["evidence_checks"]["fired"] == "asked_value"
    assert "asks for a cost" in answer.abstain_reason
    priced = tmp_path / "aurora_parts.txt"
    priced.write_text("Aurora spare parts\n\nReplacement burrs cost 19 euros a pair from the Aurora shop.\n")
    assert open_collection("grinder").ingest([priced]).ok
    answer = chain.ask("What do replacement burrs cost?")  # now a quote states the price
    assert not answer.abstained and "19 euros" in answer.answer, answer.abstain_reason


def test_an_age_question_needs_a_quote_that_states_an_age(monkeypatch):
    members = ("The House of Representatives shall be composed of Members chosen every second Year by the People "
               "of the several States.", "")
    age = ("No Person shall be a Representative who shall not have attained to the Age of twenty five Years.", "")
    term = ("The Senate of the United States shall be composed of two Senators from each State, elected by the people "
            "thereof, for six Years; and each Senator shall have one Vote.", "")
    question = "How old do you have to be to be a representative?"
    monkeypatch.setattr(asked_value, "AGE_FORMS", False)
    assert asked_value.check(question, [members]) is None  # off: no kind of value read from the question
    monkeypatch.setattr(asked_value, "AGE_FORMS", True)  # the default since session 39
    for q in (question, "What is the minimum age for a senator?", "At what age can someone become president?"):
        got = asked_value.check(q, [members])
        assert got["type"] == "measure" and not got["held"] and got["looked_for"].startswith("an age"), (q, got)
        assert asked_value.check(q, [age])["held"], q
        assert not asked_value.check(q, [members, term])["held"], q  # a number of years is not an age
    assert asked_value.asked("How old-fashioned is this?") is None
    assert asked_value.asked("What does the age field hold?") is None
