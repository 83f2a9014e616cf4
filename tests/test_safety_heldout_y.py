"""Structure of blind held-out set Y (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), genres as documented (Rust, Ruby, Go and Lua sources of Debian packages fetched to the builder's SRC), no
text shared with the earlier sets, the passages placed three ways as in X (a paragraph of their own, woven into a
paragraph, appended to the end of a line: a third each), and a rebuild that reproduces the file. The tests that read
the source documents or rebuild the set skip where SRC is not on the machine."""
from __future__ import annotations

from blind_set_helpers import (
    FILE_KINDS_M_TO_T,
    FOLDERS_M_TO_T,
    FOLDERS_U,
    FOLDERS_V,
    FOLDERS_W,
    FOLDERS_Y,
    KINDS_U,
    KINDS_V,
    KINDS_W,
    KINDS_Y,
    LANGUAGES_W,
    TWICE_V,
    BlindSet,
    RebuiltBlindSetChecks,
    assert_no_source_among,
)

from benchmarks import build_safety_heldout_x, build_safety_heldout_y

SET = BlindSet("y", build_safety_heldout_y)
B = build_safety_heldout_y
X = build_safety_heldout_x

# earlier kinds of scripts and data (P: *.sh, unit files; P/Q: JavaScript, Markdown, package metadata) and X's
KINDS_EARLIER = (".rules", ".service", ".target", ".sh", ".js", ".md", "METADATA", "PKG-INFO", "README", "LICENSE",
                 ".log") + X.META_ENDINGS + X.SCRIPT_ENDINGS
FOLDERS_X = (X.GCLOUD, X.NODE, X.RUSTUP, X.PYSRC, "/var/log", "/root/.npm", "/usr/share/dpkg", "/usr/share/publicsuffix")


def test_row_format_and_sources():
    SET.row_format()
    # no file kind or folder an earlier set used: M-T's (blind_set_helpers), U's, V's, W's and X's
    assert_no_source_among(SET.rows, FILE_KINDS_M_TO_T + KINDS_U + KINDS_V + KINDS_W + KINDS_EARLIER,
                           FOLDERS_M_TO_T + FOLDERS_U + FOLDERS_V + FOLDERS_W + FOLDERS_X)
    # every document is a fetched package's file under SRC, of one of the four genres' endings
    assert all(r["source"].startswith(B.SRC + "/") and r["source"].startswith(FOLDERS_Y) for r in SET.rows)
    assert all(r["source"].endswith(tuple(B.ENDINGS.values())) for r in SET.rows)
    assert set(B.ENDINGS.values()) == set(KINDS_Y)
    assert not [r for r in SET.rows if "/usr/share/doc/" in r["source"]]  # the libraries' sources, no doc example
    # each from one of the packages the builder names (SRC/<name>_<version>_<arch>/...)
    debs = {r["source"][len(B.SRC) + 1:].split("/", 1)[0] for r in SET.rows}
    named = {p.split("=")[0] + "_" + p.split("=")[1].split(":")[-1] for p in B.PACKAGES}
    assert all(d.rsplit("_", 1)[0] in named for d in debs)
    assert not [r for r in SET.rows if r["source"].endswith(B.SHARED_WITH_EARLIER)]


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()  # 120 block rows of the set's own families, 600 allow rows (reader_* or plain)


def test_genres_as_documented():
    SET.genres_by_quota(4)
    for g, ending in B.ENDINGS.items():
        assert sum(r["source"].endswith(ending) for r in SET.rows) == B.QUOTA[g]


def test_passages_written_for_the_set():
    SET.passages_in_families(languages=LANGUAGES_W, twice=TWICE_V, english=60, readers=70)
    # every passage is a single line without surrounding whitespace (appended to a line, woven or a paragraph)
    SET.passages_trimmed("\n")
    # none is a part of another (each row holds exactly one)
    texts = [t for _, t in B.ATTACKS + B.READER]
    assert not [(a, b) for a in texts for b in texts if a != b and a in b]


def test_passages_placed_three_ways_a_third_each():
    SET.placed_three_ways()


class TestBlindSetChecks(RebuiltBlindSetChecks):
    SET = SET
