"""The incremental BM25 index: same scores as bm25s, persistence, add and delete in place."""
from __future__ import annotations

import numpy as np

from core.retrieval.bm25 import BM25Index, tokenize

CORPUS = [
    ("a", "The cat sat on the mat with another cat.", "pets.txt"),
    ("b", "Dogs chase cats in the garden; the garden has a tall fence.", "pets.txt"),
    ("c", "Quarterly revenue grew by twelve percent in the northern region.", "report.txt"),
    ("d", "Revenue in the southern region fell, while costs of the garden project rose.", "report.txt"),
    ("e", "A fence needs paint every three years to resist the weather.", "house.txt"),
]


def _index(folder=None):
    index = BM25Index(folder)
    index.add([c[0] for c in CORPUS], [c[1] for c in CORPUS], [c[2] for c in CORPUS])
    return index


def test_scores_match_bm25s_on_the_same_tokens():
    import bm25s

    ref = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    ref.index([tokenize(c[1]) for c in CORPUS], show_progress=False)
    ours = _index()
    for query in ("garden fence", "revenue region", "cat", "paint weather years"):
        expected = ref.get_scores(tokenize(query))
        np.testing.assert_allclose(ours.scores(query), expected, rtol=1e-5, atol=1e-6)


def test_search_ranks_and_filters_by_source():
    index = _index()
    assert index.search("revenue region", 2)[0][0] in {"c", "d"}
    assert [cid for cid, _ in index.search("garden", 5, allowed_sources={"report.txt"})] == ["d"]
    assert index.search("zebra", 5) == []  # no matching term: nothing, not everything


def test_persists_and_updates_incrementally(tmp_path):
    index = _index(tmp_path)
    before = index.search("fence", 5)
    reopened = BM25Index.open(tmp_path)
    assert reopened.search("fence", 5) == before
    reopened.add(["f"], ["An electric fence keeps goats in."], ["farm.txt"])
    assert "f" in [cid for cid, _ in reopened.search("goats fence", 5)]
    assert reopened.delete_source("pets.txt") == 2
    again = BM25Index.open(tmp_path)  # a third reader sees both changes
    ids = [cid for cid, _ in again.search("cat garden fence goats", 10)]
    assert "f" in ids and "a" not in ids and "b" not in ids
    assert len(again) == 4
    # idf now ignores the deleted rows: equals an index built from the survivors only
    fresh = BM25Index()
    rows = [c for c in CORPUS if c[2] != "pets.txt"] + [("f", "An electric fence keeps goats in.", "farm.txt")]
    fresh.add([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    assert dict(fresh.search("fence garden", 10)) == pytest_approx(dict(again.search("fence garden", 10)))


def test_other_process_changes_are_picked_up(tmp_path):
    reader = _index(tmp_path)
    writer = BM25Index.open(tmp_path)
    writer.add(["z"], ["Zeppelins float over the harbour."], ["air.txt"])
    assert reader.search("zeppelins", 3) == []
    reader.refresh()
    assert reader.search("zeppelins", 3)[0][0] == "z"


def pytest_approx(d):
    import pytest

    return pytest.approx(d, rel=1e-5)


def test_stemming_matches_inflections_and_old_indexes_are_rebuilt(data_dir, tmp_path):
    """meeting/meetings share a stem (the light stripper split them); an index saved by another
    tokenizer is re-tokenized from the chunks Chroma holds when the collection opens."""
    import json

    from core.retrieval.collection import open_collection

    assert tokenize("weekly meetings") == tokenize("weekly meeting")
    (tmp_path / "a.md").write_text("Team meetings take place every Tuesday.\n\nLunch is at noon.", encoding="utf-8")
    col = open_collection("stems")
    assert col.ingest([tmp_path / "a.md"], chunk_size=60, chunk_overlap=0).ok
    meta_path = col.folder / "bm25.json"
    meta = json.loads(meta_path.read_text())
    meta["tokenizer"] = "light-suffix-0"  # as an index from before this change
    meta["terms"] = [t + "x" for t in meta["terms"]]  # its terms no longer match today's tokens
    meta["version"] += 1
    meta_path.write_text(json.dumps(meta))
    from core.retrieval import collection as collection_module

    collection_module._collections.clear() if hasattr(collection_module, "_collections") else None
    reopened = collection_module.Collection("stems")
    assert not reopened.bm25.stale
    hits = reopened.bm25.search("when is the meeting", k=2)
    assert hits and "Tuesday" in reopened.store.get([hits[0][0]])[hits[0][0]]["text"]
