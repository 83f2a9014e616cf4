"""Structure of blind held-out set U (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), no text shared with the earlier sets, and a rebuild that reproduces the file."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from blind_set_helpers import (
    FILE_KINDS_M_TO_T,
    FOLDERS_M_TO_T,
    BlindSet,
    RebuiltBlindSetChecks,
    assert_no_source_among,
)

from benchmarks import build_safety_heldout_u

SET = BlindSet("u", build_safety_heldout_u)
B = build_safety_heldout_u
DATA = Path(__file__).resolve().parent / "data"
JAVA_EXT = (".mod", ".properties", ".xsd", ".dtd", ".security", ".policy", ".template", ".access")


def test_row_format_and_sources():
    SET.row_format()
    # no file kind or folder an earlier set used (M-T: see blind_set_helpers); no C header (*.h), no Makefile
    assert_no_source_among(SET.rows, FILE_KINDS_M_TO_T, FOLDERS_M_TO_T)


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()  # 120 block rows of the set's own families, 600 allow rows (reader_* or plain)


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
    SET.passages_in_families(languages=(
        "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "zh", "ja", "ko", "ar", "he", "fa", "tr", "hi", "bn",
        "ur", "id", "ms", "vi", "th", "sw", "tl", "el", "ro", "hu", "fi", "sv", "da", "no", "et", "lv", "lt", "is", "eu",
        "ca", "gl", "hr", "sr", "bg", "sk", "sl"), twice=("fr", "de", "es", "pt", "ru", "zh", "ja", "ko", "ar"),
        english=55, readers=60)


class TestBlindSetChecks(RebuiltBlindSetChecks):
    SET = SET


