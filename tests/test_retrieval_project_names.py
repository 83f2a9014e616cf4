"""A question that names a project is read without the name; a version it names is one of its words (#13 round 17:
extractive.NAMELESS_SCOPE, NAMELESS_READING, VERSION_TERMS). Seen on READMEs: "Which editor was git-jump written and
tested with?" quoted "git-jump will feed this to the editor:" (MiniLM puts every sentence that names git-jump near a
question that names it) instead of "This script was written and tested with vim."; "Does mmh3 still support Python
3.9?" quoted a list of related libraries instead of the changelog's "Drop support for Python 3.9". Real Chroma, BM25
and MiniLM over the shipped READMEs of the dev prose and dev readme tuning corpora, and the real chain."""

from __future__ import annotations

from pathlib import Path

from retrieval_helpers import extractive_quotes

from core.retrieval import extractive
from core.retrieval.collection import open_collection

ASSETS = Path(__file__).resolve().parents[1] / "assets"
ROUND16 = {"NAMELESS_SCOPE": "asked", "NAMELESS_READING": "max", "VERSION_TERMS": False}
ROUND17 = {"NAMELESS_SCOPE": "titled", "NAMELESS_READING": "nameless", "VERSION_TERMS": True}


def _ingest(folder: str) -> str:
    files = sorted(p for p in (ASSETS / folder).iterdir() if p.name != "SOURCES.md")
    assert open_collection(folder).ingest(files).ok
    return folder


def test_a_question_naming_the_project_is_answered_by_the_sentence_that_answers(monkeypatch):
    prose = _ingest("rag_corpus_dev_prose")  # git's contrib READMEs, release notes, GPL-2.0
    question, answer = "Which editor was git-jump written and tested with?", "This script was written and tested with vim."
    quotes = extractive_quotes(prose, question, monkeypatch, ROUND17)
    assert quotes[0] == answer, quotes
    # what the change fixes: read with the name, every sentence naming git-jump outranks it
    assert extractive_quotes(prose, question, monkeypatch, ROUND16)[0].startswith("git-jump will feed this to the editor"), quotes


def test_readme_questions_naming_a_project_and_a_version(monkeypatch):
    readmes = _ingest("rag_corpus_dev_readme")  # the mmh3, typer, orjson, aiohttp_retry and bm25s READMEs
    cases = [
        ("Does mmh3 still support Python 3.9?", "- Drop support for Python 3.9"),
        ("Why were aiohttp_retry releases from 2.7.0 to 2.8.3 yanked?", "There is a bug with evaluate_response_callback"),
        ("What does Typer need shellingham for?", "* [`shellingham`](https://github.com/sarugaku/shellingham): to"),
    ]
    for question, answer in cases:
        quotes = extractive_quotes(readmes, question, monkeypatch, ROUND17)
        assert any(q.startswith(answer) for q in quotes), (question, quotes)
    for question, answer in cases:  # round 16's reading quotes none of them
        quotes = extractive_quotes(readmes, question, monkeypatch, ROUND16)
        assert not any(q.startswith(answer) for q in quotes), (question, quotes)


def test_a_name_word_is_found_in_identifiers(monkeypatch):
    monkeypatch.setattr(extractive, "NAMELESS_SCOPE", "titled")
    name = {"aiohttp", "retri"}  # content words of "aiohttp_retry.md"'s title
    assert extractive._is_name_word("aiohttp_retry", name)
    assert extractive._is_name_word("aiohttp_retry's", name)
    assert not extractive._is_name_word("retry_options", name)
    assert extractive.versions("releases from 2.7.0 to 2.8.3, Python 3.9?") == {"#2.7.0", "#2.8.3", "#3.9"}
    assert extractive.versions("section 7, 64-bit") == set()
