"""Structure of blind held-out set U (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), no text shared with the earlier sets, and a rebuild that reproduces the file."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_u
from benchmarks.doc_chunks import SeenText, jsonl_texts

SET = BlindSet("u", build_safety_heldout_u)
ON_MACHINE = pytest.mark.skipif(not SET.on_machine, reason="source documents of set U are not on this machine")
B = build_safety_heldout_u
DATA = Path(__file__).resolve().parent / "data"
JAVA_EXT = (".mod", ".properties", ".xsd", ".dtd", ".security", ".policy", ".template", ".access")


def _earlier_sets() -> list[Path]:
    """The test data files that existed before U: everything in tests/data but U and later held-out sets."""
    return [f for f in sorted(DATA.glob("*.jsonl")) if not re.fullmatch(r"safety_heldout_[u-z]\.jsonl", f.name)]


def test_row_format_and_sources():
    SET.row_format()
    # no file kind an earlier set used (M-T): see the list in tests/test_safety_heldout_t.py, plus T's own
    # Maven POMs, PHP, groff/source-highlight, TableGen and test-suite files; no C header (*.h), no Makefile
    assert not any(r["source"].endswith((".py", ".pyi", ".h", ".c", ".rst", ".html", ".md", ".txt", ".conf", ".cfg",
                                         ".ini", ".sh", ".gz", ".mo", ".po", ".cmake", ".sql", ".xml", ".desktop",
                                         ".pm", ".pod", ".yaml", ".yml", ".js", ".css", ".vim", ".el", ".tab",
                                         ".info", ".json", ".toml", ".tcl", ".m4", ".pyx", ".pxd", ".pxi", ".ps1",
                                         ".tex", ".csv", ".pom", ".php", ".tmac", ".lang", ".outlang", ".style",
                                         ".td", ".def", ".inc", ".bats", ".t", ".decTest", ".arff", ".mk",
                                         "Makefile", "Makevars.template"))
                   for r in SET.rows)
    assert not any(r["source"].startswith(("/usr/share/man/", "/usr/share/info/", "/usr/share/doc/", "/etc/",
                                           "/usr/share/vim/", "/usr/share/X11/", "/usr/share/locale/",
                                           "/usr/share/i18n/", "/usr/share/tcltk/", "/usr/share/aclocal/",
                                           "/root/.m2/", "/usr/share/groff/", "/usr/share/source-highlight/",
                                           "/root/.pyenv/test/"))
                   for r in SET.rows)
    # the project venv is not a source (a clone's venv lies elsewhere)
    assert not any("/.venv/" in r["source"] for r in SET.rows)


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()
    assert Counter(r["label"] for r in SET.rows) == {"block": 120, "allow": 600}
    assert all(r["family"].startswith("u_") for r in SET.rows if r["label"] == "block")
    assert all(r["family"] == "plain" or r["family"].startswith("reader_") for r in SET.rows if r["label"] == "allow")


def test_genres_as_documented():
    genre = {p: g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[r["source"]] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720 and len(B.QUOTA) == 5
    assert all(n <= B.PER_DOC for n in B.PER_GENRE_DOC.values())
    assert sum(r["source"].startswith(B.CCCL + "/") for r in SET.rows) == B.QUOTA["cuda_cccl"]
    assert sum(r["source"].startswith(B.CXX + "/") for r in SET.rows) == B.QUOTA["libstdcxx"]
    assert sum(r["source"].startswith(B.PATCHES + "/") and r["source"].endswith((".patch", ".diff"))
               for r in SET.rows) == B.QUOTA["patches"]
    assert sum(r["source"].startswith((B.GAE_JAVA + "/", "/usr/lib/jvm/")) and r["source"].endswith(JAVA_EXT)
               for r in SET.rows) == B.QUOTA["java_jetty"]
    assert sum(r["source"].endswith((".tpl", ".template", ".bat", ".cmd", ".al", ".d", ".stp", ".doctest"))
               and not r["source"].startswith("/usr/lib/jvm/") for r in SET.rows) == B.QUOTA["templates_misc"]


def test_passages_written_for_the_set():
    SET.passages_written(languages=40)
    attacks, reader = B.ATTACKS, B.READER
    assert len(attacks) == B.N_BLOCK  # every attack text used exactly once
    langs = Counter(f for f, _ in attacks if f.startswith("u_lang_"))
    assert sum(langs.values()) >= 50 and len(langs) >= 40
    for code in ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "zh", "ja", "ko", "ar", "he", "fa", "tr",
                 "hi", "bn", "ur", "id", "ms", "vi", "th", "sw", "tl", "el", "ro", "hu", "fi", "sv", "da", "no", "et",
                 "lv", "lt", "is", "eu", "ca", "gl", "hr", "sr", "bg", "sk", "sl"):
        assert langs[f"u_lang_{code}"] >= 1, code
    for code in ("fr", "de", "es", "pt", "ru", "zh", "ja", "ko", "ar"):
        assert langs[f"u_lang_{code}"] >= 2, code
    english = Counter(f for f, _ in attacks if not f.startswith("u_lang_"))
    assert len(english) >= 12 and sum(english.values()) >= 55
    for fam in ("u_roleplay", "u_third", "u_conditional", "u_hidden", "u_paraphrase", "u_exfil", "u_toolout",
                "u_urgency", "u_encoded", "u_multistep"):
        assert english[fam] >= 5, fam
    assert english["u_persona"] >= 4 and english["u_transcript"] >= 4
    exfil = [t for f, t in attacks if f == "u_exfil"]
    assert any("<img" in t for t in exfil) and any("<iframe" in t for t in exfil) and any("![" in t for t in exfil)
    assert any("]: http" in t for t in exfil) and any("<https://" in t for t in exfil)
    # the paraphrase family avoids the usual trigger words
    assert not [t for f, t in attacks if f == "u_paraphrase" and re.search(r"ignor|disregard|forget", t, re.I)]
    assert len(reader) >= 60
    fams = Counter(f for f, _ in reader)
    assert fams["reader_lang"] >= 15 and fams["reader_polite"] >= 10 and fams["reader_ui"] >= 5
    assert fams["reader_build"] >= 5 and fams["reader_env"] >= 4
    assert sum("](" in t for _, t in reader) >= 10


def test_passages_new_to_this_set():
    """No attack or reader passage of U occurs in another test set's rows."""
    SET.passages_new_to_set()


def test_no_line_shared_with_earlier_sets():
    """No row of U shares a line (its first 60 characters) with a row of the sets that came before it."""
    seen = SeenText([t for f in _earlier_sets() for t in jsonl_texts(f)])
    assert not [r["source"] for r in SET.rows if seen.shares_line(r["text"])]


class TestBlindSetChecks(BlindSetChecks):
    SET = SET


@ON_MACHINE
def test_rebuild_reproduces_the_file():
    """The seeded build gives the committed rows again (while tests/data holds the same earlier sets: the
    seen-text filter reads them)."""
    assert B.build() == SET.rows
