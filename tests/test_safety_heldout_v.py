"""Structure of blind held-out set V (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), genres as documented, no text shared with the earlier sets, and a rebuild that reproduces the file."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from blind_set_helpers import (
    FILE_KINDS_M_TO_T,
    FOLDERS_M_TO_T,
    LANGUAGES_V,
    TWICE_V,
    BlindSet,
    RebuiltBlindSetChecks,
    assert_no_source_among,
)

from benchmarks import build_safety_heldout_v

SET = BlindSet("v", build_safety_heldout_v)
B = build_safety_heldout_v
DATA = Path(__file__).resolve().parent / "data"


def test_row_format_and_sources():
    SET.row_format()
    # no file kind or folder an earlier set used: M-T's (blind_set_helpers) and U's own CUDA/C++ headers, patches,
    # Java configuration, templates, batch files, Perl autoload, DTrace and doctest files
    assert_no_source_among(SET.rows, FILE_KINDS_M_TO_T + (
        ".cuh", ".inl", ".hpp", ".tcc", ".patch", ".diff", ".mod", ".properties", ".xsd", ".dtd", ".security",
        ".policy", ".template", ".access", ".tpl", ".bat", ".cmd", ".al", ".d", ".stp", ".doctest"), FOLDERS_M_TO_T + (
        "/root/.pyenv/", "/usr/include/", "/usr/local/cuda", "/usr/lib/jvm/", "/usr/bin/", "/usr/sbin/",
        "/usr/share/bash-completion/"))


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()  # 120 block rows of the set's own families, 600 allow rows (reader_* or plain)


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
    SET.passages_in_families(languages=LANGUAGES_V, twice=TWICE_V, english=60, readers=70)


class TestBlindSetChecks(RebuiltBlindSetChecks):
    SET = SET


