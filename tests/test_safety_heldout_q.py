"""Structure of blind held-out set Q (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

from collections import Counter

from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_q

SET = BlindSet("q", build_safety_heldout_q)
B = build_safety_heldout_q


def test_row_format_and_sources():
    SET.row_format()
    # no genre an earlier set used: no man page, shell script, Python/C source, rst/txt/html document or /etc config
    assert not any(r["source"].endswith((".py", ".h", ".rst", ".txt", ".html", ".conf", ".cfg", ".ini", ".sh", ".gz"))
                   and not r["source"].endswith("CMakeLists.txt") for r in SET.rows)


def test_counts_no_duplicates_few_chunks_per_document():
    SET.counts()


def _in_site(path: str) -> str:
    """A path with the venv it was built in left out: a clone's venv lists the same files under another folder."""
    return path.split("/site-packages/", 1)[-1] if "/site-packages/" in path else path


def test_genres_as_documented():
    genre = {_in_site(p): g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[_in_site(r["source"])] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720
    assert sum(r["source"].endswith(".mo") for r in SET.rows) == B.QUOTA["po"]


def test_passages_written_for_the_set():
    SET.passages_written(languages=20)
    attacks, reader = B.ATTACKS, B.READER
    langs = Counter(f for f, _ in attacks if f.startswith("q_lang_"))
    assert sum(langs.values()) >= 36
    for code in ("ja", "zh", "ru", "pl", "sv", "fi", "hu", "id", "tr", "ko"):
        assert langs[f"q_lang_{code}"] >= 2, code
    english = {f for f, _ in attacks if not f.startswith("q_lang_")}
    assert len(english) >= 12
    assert sum(f == "q_exfil_md" for f, _ in attacks) >= 10
    assert sum(f == "reader_lang" for f, _ in reader) >= 15
    assert sum("](" in t for _, t in reader) >= 10


class TestBlindSetChecks(BlindSetChecks):
    SET = SET
