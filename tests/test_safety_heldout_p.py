"""Structure of blind held-out set P (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_p

SET = BlindSet("p", build_safety_heldout_p)


def test_row_format_and_sources():
    SET.row_format()
    assert not any(r["source"].endswith((".py", ".h", ".rst", ".txt", ".md", ".html", ".conf", ".cfg", ".ini")) for r in SET.rows)


def test_counts_no_duplicates_few_chunks_per_document():
    SET.counts()


def test_passages_written_for_the_set():
    SET.passages_written(languages=10)
    assert sum(f.startswith("p_lang_") for f, _ in SET.b.ATTACKS) >= 25


class TestBlindSetChecks(BlindSetChecks):
    SET = SET
