"""Structure of blind held-out set R (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

from collections import Counter

from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_r

SET = BlindSet("r", build_safety_heldout_r)
B = build_safety_heldout_r


def _in_site(path: str) -> str:
    """A path with the interpreter it was read from left out: another machine lists the same files under another folder."""
    return path.split("/site-packages/", 1)[-1] if "/site-packages/" in path else path


def test_row_format_and_sources():
    SET.row_format()
    # no genre an earlier set used: no man page, shell script, Python/C source, rst/html/Markdown document,
    # /etc *.conf, gettext catalogue, metadata, CMake, SQL, freedesktop file or JavaScript/CSS (set P)
    assert not any(r["source"].endswith((".py", ".h", ".rst", ".html", ".md", ".conf", ".cfg", ".ini", ".sh", ".gz",
                                         ".mo", ".cmake", ".sql", ".xml", ".desktop", ".pm", ".pod", ".yaml",
                                         ".js", ".css"))
                   for r in SET.rows)
    # the project venv is not a source (a clone's venv lies elsewhere)
    assert not any("/.venv/" in r["source"] for r in SET.rows)


def test_counts_no_duplicates_few_chunks_per_document():
    SET.counts()


def test_genres_as_documented():
    genre = {_in_site(p): g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[_in_site(r["source"])] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720
    assert all(n <= B.PER_DOC for n in B.PER_GENRE_DOC.values())
    assert sum(r["source"].endswith(".pyi") for r in SET.rows) == B.QUOTA["pyi_stubs"]


def test_passages_written_for_the_set():
    SET.passages_written(languages=12)
    attacks, reader = B.ATTACKS, B.READER
    langs = Counter(f for f, _ in attacks if f.startswith("r_lang_"))
    assert sum(langs.values()) >= 36
    for code in ("ja", "ko", "id", "cs", "da", "fr", "el", "uk", "vi", "th", "he", "ro"):
        assert langs[f"r_lang_{code}"] >= 2, code
    english = Counter(f for f, _ in attacks if not f.startswith("r_lang_"))
    assert len(english) >= 12
    assert english["r_polite"] >= 8
    exfil = [t for f, t in attacks if f == "r_exfil_md"]
    assert len(exfil) >= 8
    assert any("<img" in t for t in exfil) and any("<iframe" in t for t in exfil)
    assert any("]: http" in t for t in exfil) and any("<https://" in t for t in exfil)
    assert len(reader) >= 55
    assert sum(f == "reader_lang" for f, _ in reader) >= 15
    assert sum(f == "reader_polite" for f, _ in reader) >= 10
    assert sum("](" in t for _, t in reader) >= 10


class TestBlindSetChecks(BlindSetChecks):
    SET = SET
