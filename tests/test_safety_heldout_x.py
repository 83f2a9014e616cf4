"""Structure of blind held-out set X (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), genres as documented, no text shared with the earlier sets, the passages placed three ways (a paragraph of
their own, woven into a paragraph, appended to the end of a line: a third each), and a rebuild that reproduces the
file."""
from __future__ import annotations

from blind_set_helpers import (
    FILE_KINDS_M_TO_T,
    FOLDERS_M_TO_T,
    FOLDERS_U,
    FOLDERS_V,
    FOLDERS_W,
    KINDS_U,
    KINDS_V,
    KINDS_W,
    LANGUAGES_W,
    TWICE_V,
    BlindSet,
    RebuiltBlindSetChecks,
    assert_no_source_among,
)

from benchmarks import build_safety_heldout_x

SET = BlindSet("x", build_safety_heldout_x)
B = build_safety_heldout_x

# earlier kinds of scripts and data (P: *.sh, unit files; P/Q: JavaScript, Markdown, package metadata)
KINDS_EARLIER = (".rules", ".service", ".target", ".sh", ".js", ".md", "METADATA", "PKG-INFO", "README", "LICENSE")


def test_row_format_and_sources():
    SET.row_format()
    # no file kind or folder an earlier set used: M-T's (blind_set_helpers), U's, V's and W's
    assert_no_source_among(SET.rows, FILE_KINDS_M_TO_T + KINDS_U + KINDS_V + KINDS_W + KINDS_EARLIER,
                           FOLDERS_M_TO_T + FOLDERS_U + FOLDERS_V + FOLDERS_W)
    # from rustup only the launcher scripts (no SVG, TOML, roff or zsh file)
    assert not [r for r in SET.rows if r["source"].startswith(B.RUSTUP) and "/bin/rust-" not in r["source"]]
    # nor a document left out for sharing lines with earlier sets' sources (V and W rebuild with X in tests/data)
    assert not [r for r in SET.rows if r["source"].endswith(B.SHARED_WITH_EARLIER)]


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()  # 120 block rows of the set's own families, 600 allow rows (reader_* or plain)


def test_genres_as_documented():
    SET.genres_by_quota(4)
    assert sum(r["source"].startswith(B.LOGS) and r["source"].endswith(".log")
               for r in SET.rows) == B.QUOTA["logs"]
    assert sum(r["source"] in B.TABLES or r["source"].startswith((B.PYSRC + "/", "/usr/share/GConf/",
                                                                  "/usr/share/python-apt/templates/",
                                                                  "/usr/lib/python3.11/config-3.11"))
               for r in SET.rows) == B.QUOTA["tables"]
    sdk = [r for r in SET.rows if r["source"].startswith((B.GCLOUD + "/platform/", B.NODE + "/"))
           and (r["source"].rsplit("/", 1)[1] in B.META_NAMES or r["source"].endswith(B.META_ENDINGS))]
    assert len(sdk) == B.QUOTA["sdk_files"]
    assert len(SET.rows) - len(sdk) - B.QUOTA["logs"] - B.QUOTA["tables"] == B.QUOTA["launchers"]


def test_passages_written_for_the_set():
    SET.passages_in_families(languages=LANGUAGES_W, twice=TWICE_V, english=60, readers=70)
    # every passage is a single line without surrounding whitespace (appended to a line, woven or a paragraph)
    SET.passages_trimmed("\n")


def test_passages_placed_three_ways_a_third_each():
    SET.placed_three_ways()


class TestBlindSetChecks(RebuiltBlindSetChecks):
    SET = SET


