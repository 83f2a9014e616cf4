"""A small Markdown document ingested into a real collection, for the answer tests."""
from __future__ import annotations

from core.retrieval.collection import open_collection


def ingest_handbook(tmp_path, text: str, name: str = "handbook"):
    """Write `text` as handbook.md and ingest it (200-character chunks, no overlap) into `name`."""
    (tmp_path / "handbook.md").write_text(text, encoding="utf-8")
    col = open_collection(name)
    assert col.ingest([tmp_path / "handbook.md"], chunk_size=200, chunk_overlap=0).ok
    return col
