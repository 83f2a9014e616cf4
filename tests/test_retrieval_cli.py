"""`python -m core ingest | search | ask` as a user runs them (real stores).

The first command of a test runs as a real process; the ones after it run in this process
(tests/cli_helpers.py says why).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import core_here as run_core_here

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "assets" / "rag_corpus"


def core(*args, stdin: str | None = None, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GENAI_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "core", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=600)


@pytest.fixture
def core_here(monkeypatch):
    def run(*args, stdin: str | None = None, data_dir: Path) -> subprocess.CompletedProcess:
        return run_core_here(monkeypatch, *args, stdin=stdin, env={"GENAI_DATA_DIR": str(data_dir)})
    return run


def test_ingest_search_and_stdin_queries(data_dir, tmp_path, core_here):
    r = core("ingest", "--collection", "sample", "--json", str(CORPUS), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    names = {f["name"] for f in summary["files"]}
    assert names == {p.name for p in CORPUS.iterdir()}
    assert all(f["status"] == "added" for f in summary["files"]) and summary["chunks_added"] > 10

    again = json.loads(core_here("ingest", "--collection", "sample", "--json", str(CORPUS / "mit_license.txt"),
                            data_dir=data_dir).stdout)
    assert again["files"][0]["status"] == "unchanged" and again["chunks_added"] == 0

    for mode in ("vector", "bm25", "hybrid"):
        r = core_here("search", "--collection", "sample", "--k", "3", "--mode", mode, "--json",
                 "Who wrote the Zen of Python?", data_dir=data_dir)
        assert r.returncode == 0, r.stderr
        results = json.loads(r.stdout)["results"]
        assert 1 <= len(results) <= 3
        assert set(results[0]) >= {"text", "source", "page", "score"}
        assert results[0]["source"] == "zen_of_python.txt" and "Tim Peters" in results[0]["text"]

    r = core_here("search", "--collection", "sample", "--mode", "hybrid", "-",
             stdin="How long is the President's term?\n\nWhat may not be quartered in a house?\n",
             data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["query"] for x in lines] == ["How long is the President's term?",
                                           "What may not be quartered in a house?"]
    assert all(x["results"][0]["source"] == "us_constitution_excerpts.md" for x in lines)


def test_ingest_reports_bad_files_and_exit_code(data_dir, tmp_path, core_here):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(b"GIF89a" + bytes(100))
    r = core_here("ingest", "--collection", "errs", "--json", str(tmp_path / "empty.txt"),
             str(tmp_path / "fake.pdf"), data_dir=data_dir)
    assert r.returncode == 1
    files = json.loads(r.stdout)["files"]
    assert [f["status"] for f in files] == ["error", "error"]
    assert "empty" in files[0]["message"] and "not a PDF" in files[1]["message"]
    bad = core_here("search", "--collection", "../etc", "x", data_dir=data_dir)
    assert bad.returncode == 2 and "collection name" in bad.stderr


@pytest.fixture(scope="module")
def constitution(tmp_path_factory):
    """One data folder with the Constitution ingested through the CLI, shared by the `ask` tests
    (each ingest is a ~20 s process start; the ask tests only read the collection)."""
    folder = tmp_path_factory.mktemp("constitution-data")
    r = core("ingest", "--collection", "sample", str(CORPUS / "us_constitution_excerpts.md"), data_dir=folder)
    assert r.returncode == 0, r.stderr
    return folder


@pytest.mark.slow
def test_ask_json_has_answer_and_citations(constitution, core_here):
    data_dir = constitution
    r = core("ask", "--collection", "sample", "--json", "--max-new-tokens", "40",
             "How long is the President's term of office?", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["answer"].strip() and out["found"] is True
    assert out["citations"] and all({"source", "page", "text"} <= set(c) for c in out["citations"])
    assert all(c["source"] == "us_constitution_excerpts.md" for c in out["citations"])
    assert all({"n", "source", "page", "text"} <= set(c) for c in out["citations"])
    empty = core_here("ask", "--collection", "nothing-here", "--json", "anything?", data_dir=data_dir)
    assert empty.returncode == 2 and "is empty" in empty.stderr


def test_ask_json_reports_sentences_grounding_abstention_and_follow_ups(constitution, tmp_path, core_here):
    """Extractive mode (no chat model): every field of `ask --json`, --history and --answer-mode."""
    data_dir = constitution
    r = core("ask", "--collection", "sample", "--json", "--answer-mode", "extractive",
             "How many Senators does each State have?", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["answer_mode"] == "extractive" and out["abstained"] is False
    assert out["sentences"] and all({"text", "citations", "supported"} <= set(s) for s in out["sentences"])
    first = out["sentences"][0]
    assert first["supported"] and "two Senators" in first["text"]
    cited = [c for c in out["citations"] if c["n"] in first["citations"]]
    assert cited and all(first["span"] in " ".join(c["text"].split()) or first["span"] in c["text"] for c in cited)
    assert out["grounded_share"] == 1.0
    assert out["low_confidence"] is False and out["p_answerable"] >= 0.5  # a plain question the text answers

    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "How many Senators does each State have?"},
                                   {"role": "assistant", "content": "Two Senators [1]."}]))
    r = core_here("ask", "--collection", "sample", "--json", "--answer-mode", "extractive", "--history", str(history),
             "and how long is their term?", data_dir=data_dir)
    out = json.loads(r.stdout)
    assert "Senators" in out["standalone_question"] and "term" in out["standalone_question"]
    assert "six Years" in out["answer"]

    r = core_here("ask", "--collection", "sample", "--json", "--answer-mode", "extractive",
                  "What does the dental insurance cover?", data_dir=data_dir)
    out = json.loads(r.stdout)
    assert out["abstained"] is True and out["sentences"] == [] and "dental" in out["abstain_reason"]
    assert out["low_confidence"] is False  # a refusal is no low-confidence answer

    history.write_text('{"role": "user"}')
    bad = core_here("ask", "--collection", "sample", "--history", str(history), "x?", data_dir=data_dir)
    assert bad.returncode == 2 and "--history" in bad.stderr
