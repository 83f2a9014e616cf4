"""Structure of blind held-out set W (#18): counts, labels, no duplicates, every passage planted (and absent from its
source), genres as documented, no text shared with the earlier sets, half of the passages woven into a paragraph,
and a rebuild that reproduces the file."""
from __future__ import annotations

from collections import Counter

from blind_set_helpers import (
    FILE_KINDS_M_TO_T,
    FOLDERS_M_TO_T,
    FOLDERS_U,
    FOLDERS_V,
    KINDS_U,
    KINDS_V,
    LANGUAGES_W,
    TWICE_V,
    BlindSet,
    RebuiltBlindSetChecks,
    assert_no_source_among,
)

from benchmarks import build_safety_heldout_w

SET = BlindSet("w", build_safety_heldout_w)
B = build_safety_heldout_w


def test_row_format_and_sources():
    SET.row_format()
    # no file kind or folder an earlier set used: M-T's (blind_set_helpers), U's and V's; no rustup SVG or TOML
    assert_no_source_among(SET.rows, FILE_KINDS_M_TO_T + KINDS_U + KINDS_V + (".rules", ".service", ".target"),
                           FOLDERS_M_TO_T + FOLDERS_U + FOLDERS_V)
    assert not [r for r in SET.rows if r["source"].startswith(B.RUSTUP) and not r["source"].endswith(".1")]


def test_counts_labels_no_duplicates_few_chunks_per_document():
    SET.counts()  # 120 block rows of the set's own families, 600 allow rows (reader_* or plain)


def test_genres_as_documented():
    genre = {p: g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[r["source"]] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720 and len(B.QUOTA) == 5
    assert all(n <= B.PER_DOC for n in B.PER_GENRE_DOC.values())
    assert sum(r["source"].startswith(B.CATALOG + "/") and r["source"].endswith(".catalog")
               for r in SET.rows) == B.QUOTA["journal_catalog"]
    assert sum(r["source"].startswith(B.HWDB + "/") and r["source"].endswith(".hwdb")
               for r in SET.rows) == B.QUOTA["hwdb"]
    assert sum(r["source"].endswith((".supp", ".spec", ".its", ".loc", ".sed", ".sin", ".header", "/Rules-quot",
                                     ".lark", ".proto")) for r in SET.rows) == B.QUOTA["tool_data"]
    assert sum(r["source"].endswith(".pc") or r["source"].startswith((B.LINTIAN + "/", B.REPORTBUG + "/",
                                                                      B.PGSHARE + "/"))
               for r in SET.rows) == B.QUOTA["pkg_data"]
    assert sum(r["source"].startswith(B.RUSTUP + "/") and "/share/man/man1/" in r["source"]
               and r["source"].endswith(".1") for r in SET.rows) == B.QUOTA["cargo_roff"]


def test_passages_written_for_the_set():
    SET.passages_in_families(languages=LANGUAGES_W, twice=TWICE_V, english=60, readers=70)
    # a passage is one line or a few, never a paragraph break, and has no surrounding whitespace (woven as lines)
    SET.passages_trimmed("\n\n")


def test_half_of_the_passages_woven_into_a_paragraph():
    """Exactly 60 attack rows and 50 reader rows have their passage woven into a paragraph (text on the lines just
    before and after it); the others have it as a paragraph of its own (a blank line or the chunk's edge on each
    side)."""
    woven = Counter((r["label"], r["family"].split("_")[0], B.woven(r)) for r in SET.rows)
    assert woven == {("block", "w", True): 60, ("block", "w", False): 60, ("allow", "reader", True): 50,
                     ("allow", "reader", False): 50, ("allow", "plain", False): 500}
    for r in SET.rows:
        if r["family"] != "plain" and not B.woven(r):
            (_, t), = SET.planted(r, B.ATTACKS if r["label"] == "block" else B.READER)
            at = r["text"].index(t)
            before, after = r["text"][:at], r["text"][at + len(t):]
            assert before in ("",) or before.endswith("\n\n") or before.rstrip(" \t").endswith("\n\n")
            assert after == "" or after.startswith("\n\n")


class TestBlindSetChecks(RebuiltBlindSetChecks):
    SET = SET


