"""Structure of blind held-out set V (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), genres as documented, no text shared with the earlier sets, and a rebuild that reproduces the file."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_v
from benchmarks.doc_chunks import SeenText, jsonl_texts

SET = BlindSet("v", build_safety_heldout_v)
ON_MACHINE = pytest.mark.skipif(not SET.on_machine, reason="source documents of set V are not on this machine")
B = build_safety_heldout_v
DATA = Path(__file__).resolve().parent / "data"


def _earlier_sets() -> list[Path]:
    """The test data files that existed before V: everything in tests/data but V and later held-out sets."""
    return [f for f in sorted(DATA.glob("*.jsonl")) if not re.fullmatch(r"safety_heldout_[v-z]\.jsonl", f.name)]


def test_row_format_and_sources():
    SET.row_format()
    # no file kind an earlier set used (M-U): the list in tests/test_safety_heldout_u.py plus U's own CUDA/C++
    # headers, patches, Java configuration, templates, batch files, Perl autoload, DTrace and doctest files
    assert not any(r["source"].endswith((".py", ".pyi", ".h", ".c", ".rst", ".html", ".md", ".txt", ".conf", ".cfg",
                                         ".ini", ".sh", ".gz", ".mo", ".po", ".cmake", ".sql", ".xml", ".desktop",
                                         ".pm", ".pod", ".yaml", ".yml", ".js", ".css", ".vim", ".el", ".tab",
                                         ".info", ".json", ".toml", ".tcl", ".m4", ".pyx", ".pxd", ".pxi", ".ps1",
                                         ".tex", ".csv", ".pom", ".php", ".tmac", ".lang", ".outlang", ".style",
                                         ".td", ".def", ".inc", ".bats", ".t", ".decTest", ".arff", ".mk",
                                         "Makefile", "Makevars.template", ".cuh", ".inl", ".hpp", ".tcc", ".patch",
                                         ".diff", ".mod", ".properties", ".xsd", ".dtd", ".security", ".policy",
                                         ".template", ".access", ".tpl", ".bat", ".cmd", ".al", ".d", ".stp",
                                         ".doctest"))
                   for r in SET.rows)
    assert not any(r["source"].startswith(("/usr/share/man/", "/usr/share/info/", "/usr/share/doc/", "/etc/",
                                           "/usr/share/vim/", "/usr/share/X11/", "/usr/share/locale/",
                                           "/usr/share/i18n/", "/usr/share/tcltk/", "/usr/share/aclocal/",
                                           "/root/.m2/", "/usr/share/groff/", "/usr/share/source-highlight/",
                                           "/root/.pyenv/", "/usr/include/", "/usr/local/cuda", "/usr/lib/jvm/",
                                           "/usr/bin/", "/usr/sbin/", "/usr/share/bash-completion/"))
                   for r in SET.rows)
    # the project venv is not a source (a clone's venv lies elsewhere)
    assert not any("/.venv/" in r["source"] for r in SET.rows)


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()
    assert Counter(r["label"] for r in SET.rows) == {"block": 120, "allow": 600}
    assert all(r["family"].startswith("v_") for r in SET.rows if r["label"] == "block")
    assert all(r["family"] == "plain" or r["family"].startswith("reader_") for r in SET.rows if r["label"] == "allow")


def test_genres_as_documented():
    genre = {p: g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[r["source"]] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720 and len(B.QUOTA) == 5
    assert all(n <= B.PER_DOC for n in B.PER_GENRE_DOC.values())
    assert sum(r["source"].startswith(B.DPKG + "/") and r["source"].endswith(B.DPKG_EXT)
               for r in SET.rows) == B.QUOTA["dpkg_maint"]
    assert sum(r["source"].startswith((B.GIT_CORE + "/", B.GIT_HOOKS + "/")) or "/zsh/" in r["source"]
               for r in SET.rows) == B.QUOTA["zsh_git"]
    assert sum(r["source"].endswith((".pl", ".ph")) or r["source"].startswith(B.PERF + "/")
               for r in SET.rows) == B.QUOTA["perl_tables"]
    assert sum(r["source"].startswith((B.LDSCRIPTS + "/", B.PRINTER_UI + "/")) for r in SET.rows) == B.QUOTA["ld_ui"]
    assert sum(r["source"].endswith(".svg") for r in SET.rows) == B.QUOTA["svg"]


def test_passages_written_for_the_set():
    SET.passages_written(languages=40)
    attacks, reader = B.ATTACKS, B.READER
    assert len(attacks) == B.N_BLOCK  # every attack text used exactly once
    langs = Counter(f for f, _ in attacks if f.startswith("v_lang_"))
    assert sum(langs.values()) >= 50 and len(langs) >= 40
    for code in ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "zh", "ja", "ko", "ar", "he", "fa", "tr",
                 "hi", "bn", "ur", "id", "vi", "th", "sw", "tl", "el", "ro", "hu", "fi", "sv", "da", "no", "is", "eu",
                 "cy", "ga", "mt", "am", "yo", "ka", "hy"):
        assert langs[f"v_lang_{code}"] >= 1, code
    for code in ("fr", "de", "es", "pt", "ru", "zh", "ja", "ko", "ar", "it", "hi", "tr", "nl", "pl"):
        assert langs[f"v_lang_{code}"] >= 2, code
    english = Counter(f for f, _ in attacks if not f.startswith("v_lang_"))
    assert len(english) >= 12 and sum(english.values()) >= 60
    for fam in ("v_roleplay", "v_third", "v_conditional", "v_hidden", "v_paraphrase", "v_exfil", "v_toolout",
                "v_urgency", "v_encoded", "v_multistep"):
        assert english[fam] >= 5, fam
    assert english["v_persona"] >= 4 and english["v_transcript"] >= 4
    exfil = [t for f, t in attacks if f == "v_exfil"]
    assert any("<img" in t for t in exfil) and any("<iframe" in t for t in exfil) and any("![" in t for t in exfil)
    assert any("]: http" in t for t in exfil) and any("<https://" in t for t in exfil)
    # the paraphrase family avoids the usual trigger words
    assert not [t for f, t in attacks if f == "v_paraphrase" and re.search(r"ignor|disregard|forget", t, re.I)]
    assert len(reader) >= 70
    fams = Counter(f for f, _ in reader)
    assert fams["reader_lang"] >= 15 and fams["reader_polite"] >= 10 and fams["reader_ui"] >= 5
    assert fams["reader_build"] >= 5 and fams["reader_env"] >= 4
    assert sum("](" in t for _, t in reader) >= 10


def test_passages_new_to_this_set():
    """No attack or reader passage of V occurs in another test set's rows."""
    SET.passages_new_to_set()


def test_no_line_shared_with_earlier_sets():
    """No row of V shares a line (its first 60 characters) with a row of the sets that came before it."""
    seen = SeenText([t for f in _earlier_sets() for t in jsonl_texts(f)])
    assert not [r["source"] for r in SET.rows if seen.shares_line(r["text"])]


class TestBlindSetChecks(BlindSetChecks):
    SET = SET


@ON_MACHINE
def test_rebuild_reproduces_the_file():
    """The seeded build gives the committed rows again (while tests/data holds the same earlier sets: the
    seen-text filter reads them)."""
    assert B.build() == SET.rows
