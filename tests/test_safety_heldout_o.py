"""Structure of blind held-out set O (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

import pytest
from blind_set_helpers import BlindSet

from benchmarks import build_safety_heldout_o
from benchmarks.doc_chunks import read_text_file

SET = BlindSet("o", build_safety_heldout_o)
ON_MACHINE = pytest.mark.skipif(not SET.on_machine, reason="source documents of set O are not on this machine")

def test_row_format_and_sources():
    SET.row_format()
    assert all(r["source"].endswith((".py", ".h", ".rst", ".txt")) for r in SET.rows)

def test_counts_no_duplicates_few_chunks_per_document():
    SET.counts()

def test_passages_written_for_the_set():
    SET.passages_written(languages=5)

def test_each_modified_row_has_exactly_one_passage_of_its_family():
    SET.one_passage_per_modified_row()

def test_every_passage_used_and_at_most_twice_never_twice_in_one_document():
    SET.every_passage_used_at_most_twice()

@ON_MACHINE
def test_passages_absent_from_their_source_documents():
    SET.passages_absent_from_sources(read_text_file)

@ON_MACHINE
def test_plain_chunks_come_from_their_documents():
    SET.plain_chunks_from_sources()
