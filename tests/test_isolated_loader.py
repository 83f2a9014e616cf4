"""Untrusted files are read in a worker process: a file that needs too much memory or time fails
alone, with the limit named, and a good file reads exactly as it does in-process."""
from __future__ import annotations

import pytest
from retrieval_files import pdf_bytes

from core.config import load_settings
from core.retrieval.isolated_loader import load_file_isolated
from core.retrieval.loaders import LoadError, load_file


@pytest.fixture
def limits(tmp_path):
    return load_settings({"GENAI_DATA_DIR": str(tmp_path)}).retrieval


@pytest.fixture
def long_pdf(tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes([f"Page {i} of a long report about harbour lanterns." for i in range(400)]))
    return path


def test_a_good_file_reads_as_it_does_in_process(long_pdf, limits):
    isolated = load_file_isolated(long_pdf, "report.pdf", limits, memory_mb=1024, timeout_s=60)
    assert isolated == load_file(long_pdf, "report.pdf", limits)
    assert isolated.pages[399] == (400, "Page 399 of a long report about harbour lanterns.")


def test_a_file_needing_more_memory_than_allowed_fails_naming_the_setting(tmp_path, limits):
    # the worker maps ~45 MB before reading; 19 MB of bytes plus their decoded text do not fit in 65
    big = tmp_path / "big.txt"
    big.write_bytes(b"lantern harbour " * (19 * 2**20 // 16))
    with pytest.raises(LoadError, match="GENAI_INGEST_WORKER_MEMORY_MB"):
        load_file_isolated(big, None, limits, memory_mb=65, timeout_s=60)
    with pytest.raises(LoadError, match="GENAI_MAX_CHARS_PER_FILE"):  # with room, the next limit speaks
        load_file_isolated(big, None, limits, memory_mb=1024, timeout_s=60)


def test_a_file_taking_too_long_is_stopped_naming_the_setting(long_pdf, limits):
    with pytest.raises(LoadError, match="GENAI_INGEST_WORKER_TIMEOUT_S"):
        load_file_isolated(long_pdf, "report.pdf", limits, memory_mb=1024, timeout_s=0.01)


def test_loader_errors_come_back_as_they_are(tmp_path, limits):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(LoadError, match="empty"):
        load_file_isolated(tmp_path / "empty.txt", None, limits, memory_mb=1024, timeout_s=60)


def test_the_limits_travel_with_the_request_not_the_worker_environment(tmp_path, monkeypatch):
    """The forkserver may have started before a setting changed: limits are passed, not re-read."""
    text = tmp_path / "notes.txt"
    text.write_text("word " * 3000)
    strict = load_settings({"GENAI_DATA_DIR": str(tmp_path), "GENAI_MAX_CHARS_PER_FILE": "1000"}).retrieval
    with pytest.raises(LoadError, match="GENAI_MAX_CHARS_PER_FILE"):
        load_file_isolated(text, None, strict, memory_mb=1024, timeout_s=60)


def test_one_request_cannot_add_more_text_than_its_limit(data_dir, monkeypatch, tmp_path):
    """GENAI_MAX_CHARS_PER_REQUEST bounds a request over all its files: the file past it is refused
    by name, the ones before it are ingested."""
    from core.config import reset_settings
    from core.retrieval.collection import open_collection

    monkeypatch.setenv("GENAI_MAX_CHARS_PER_REQUEST", "3000")
    reset_settings()
    files = []
    for i in range(3):
        f = tmp_path / f"part{i}.md"
        f.write_text(f"# Part {i}\n" + f"Lanterns of harbour {i} glow at night. " * 35)  # ~1400 chars each
        files.append(f)
    report = open_collection("parts").ingest(files)
    assert [f.status for f in report.files] == ["added", "added", "error"]
    assert "GENAI_MAX_CHARS_PER_REQUEST" in report.files[2].message and "part2.md" in report.files[2].message
