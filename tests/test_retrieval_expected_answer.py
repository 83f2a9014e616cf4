"""The expected-answer check (#13 round 16, expected_answer.EXPECTED_ANSWER_CHECK): a question that asks
for a version, a number or whether a thing has a feature is refused when no quote holds one. Seen on the
tuning sets: "Which port does the git daemon listen on by default?" was answered with "The git daemon by
default looks into the directory /var/lib/git/ ...". Real Chroma, BM25 and MiniLM over two of the shipped
dev-prose documents, and the real chain."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval import asked_value, expected_answer
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus_dev_prose"
PORT = "Which port does the git daemon listen on by default?"  # the README names no port


@pytest.fixture(autouse=True)
def _asked_value_off(monkeypatch):
    """These tests are about another check; the asked-value check (asked_value.py, on since #13 round 26) would
    refuse some of their questions first."""
    monkeypatch.setattr(asked_value, "ASKED_VALUE_CHECK", False)


@pytest.mark.parametrize("question, kind", [
    ("Which version of Perl does diff-highlight require?", "version"),
    ("What is the minimum Coccinelle version needed for make coccicheck?", "version"),
    ("Since which version does git grep support --open-files-in-pager?", "version"),
    ("Which port does the git daemon listen on by default?", "number"),
    ("What is the default connection timeout of the git daemon?", "number"),
    ("Does Typer support asyncio commands?", "feature"),
    ("What happens if I upload an updated version of a file?", None),  # "version" is not what it asks for
    ("Is there a case-insensitive version of find's -name test?", None),
    ("Which port option sets the port?", None),  # asks for an option
    ("How do I enable HTTPS for gitweb on Debian?", None),
])
def test_expected_type(question, kind):
    got = expected_answer.expected(question)
    assert (got[0] if got else None) == kind


@pytest.mark.parametrize("question, quotes, held", [
    ("Which version of Perl does it need?", ["It needs perl 5.8 or later."], True),
    ("Which Elasticsearch version did bm25s compare against?",
     ["By default, `bm25s` uses Lucene's BM25 implementation (exact version)."], False),  # digits inside names
    ("What is the recommended RSA key size?", ["This stores the private key in ~/.ssh/id_ed25519."], False),
    ("Which port does it use?", ["It listens on port 9418."], True),
    ("Does aiohttp_retry support HTTP/2?", ["`aiohttp_retry` is a typed project."], False),
    ("Does orjson run on PyPy?", ["orjson does not and will not support PyPy."], True),
])
def test_quotes_hold_the_expected_answer(question, quotes, held):
    assert expected_answer.check(question, quotes)["held"] is held


@pytest.fixture
def git_docs():
    assert open_collection("git-docs").ingest([CORPUS / "git.README.Debian.txt", CORPUS / "git-jump.README.txt"]).ok
    return "git-docs"


def test_a_port_question_with_no_number_in_the_quotes_is_refused(git_docs, monkeypatch):
    monkeypatch.setattr(expected_answer, "EXPECTED_ANSWER_CHECK", True)
    answer = RagChain(git_docs, answer_mode="extractive").ask(PORT)
    assert answer.abstained
    assert answer.trace["evidence_checks"]["fired"] == "expected_answer"
    assert "asks for a number" in answer.abstain_reason


def test_without_the_check_the_port_question_is_answered(git_docs, monkeypatch):
    # what the check fixes: the scores alone let it through
    monkeypatch.setattr(expected_answer, "EXPECTED_ANSWER_CHECK", False)
    answer = RagChain(git_docs, answer_mode="extractive").ask(PORT)
    assert not answer.abstained, answer.abstain_reason
    assert "/var/lib/git" in answer.answer


def test_a_version_question_the_quotes_answer_is_kept(git_docs, monkeypatch):
    monkeypatch.setattr(expected_answer, "EXPECTED_ANSWER_CHECK", True)
    answer = RagChain(git_docs, answer_mode="extractive").ask(
        "Since which version does git grep support --open-files-in-pager?")
    assert not answer.abstained, answer.abstain_reason
    assert "v1.7.2" in answer.answer


def test_numbers_written_as_code_are_no_version_when_the_switch_is_on(monkeypatch):
    from core.retrieval import expected_answer

    code = ["JQ(1) General Commands Manual JQ(1)", 'It does if "IPv[46]" appears', "sleep=0.25) | Makes a backup"]
    versions = ["Python (3.7) or higher.", "As of git v1.7.2, git grep knows", "introduced in version 5.0.0"]
    assert all(expected_answer.states_version(t) for t in code + versions)  # off (the default): any standalone number
    monkeypatch.setattr(expected_answer, "CODE_NUMBERS_ARE_NOT_VERSIONS", True)
    assert not any(expected_answer.states_version(t) for t in code)
    assert all(expected_answer.states_version(t) for t in versions)
