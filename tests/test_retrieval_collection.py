"""Collections on real Chroma + the bundled embedder: ingest, re-ingest, delete, search modes."""
from __future__ import annotations

import pytest
from retrieval_files import blank_pdf_bytes, encrypted_pdf_bytes, pdf_bytes, write_docx

from core.retrieval.collection import open_collection
from core.retrieval.hybrid import rrf, search

DOCS = {
    "boats.md": "# Boats\n\nThe ferry to Skerrit Island leaves at 7:15 every morning from pier four.\n\n"
                "Kayaks can be rented at the harbour office for 20 euros a day.",
    "garden.txt": "Tomatoes need full sun and should be watered at the roots in the evening.\n\n"
                  "The compost heap is turned every second week.",
    "office.html": "<html><body><h1>Office</h1><p>The badge reader code XK-4471 opens the back door.</p>"
                   "<p>Printers are on the third floor.</p></body></html>",
}


@pytest.fixture(autouse=True)
def backend(vector_backend):
    """Every test here runs on embedded Chroma and on a real Chroma server (GENAI_CHROMA_HOST)."""
    return vector_backend


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in DOCS.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    paths.append(tmp_path / "manual.pdf")
    paths[-1].write_bytes(pdf_bytes(["Intro page.", "Reset the router by holding the red button for ten seconds."]))
    paths.append(write_docx(tmp_path / "policy.docx", ["Travel policy", "Trains are preferred over flights under 600 km."]))
    return paths


def _sources(col):
    return {m["source"] for m in col.store.col.get(include=["metadatas"])["metadatas"]}


def test_ingest_every_type_and_search_each_mode(files):
    col = open_collection("work")
    report = col.ingest(files)
    assert report.ok, report.to_dict()
    assert [f.status for f in report.files] == ["added"] * 5
    assert _sources(col) == {"boats.md", "garden.txt", "office.html", "manual.pdf", "policy.docx"}
    assert col.count() == report.chunks_added == len(col.bm25)
    cases = [("When does the ferry leave?", "boats.md"),
             ("XK-4471", "office.html"),  # a code: BM25's strength
             ("how do I restart my internet box", "manual.pdf"),  # paraphrase: vectors' strength
             ("should I take the train or fly", "policy.docx")]
    for mode in ("vector", "bm25", "hybrid"):
        for query, source in cases:
            if mode == "bm25" and source in ("manual.pdf", "policy.docx"):
                continue  # no shared words by design
            hits = search(col, query, k=2, mode=mode)
            assert hits and hits[0].source == source, (mode, query, [h.source for h in hits])
    hit = search(col, "red button router", k=1, mode="hybrid")[0]
    assert hit.page == 2 and set(hit.scores) == {"vector", "bm25", "fused"}
    only = search(col, "ferry", k=5, mode="hybrid", sources=["garden.txt"])
    assert only and {h.source for h in only} == {"garden.txt"}  # metadata filter by document


def test_reingest_is_idempotent_and_new_content_replaces(files, tmp_path):
    col = open_collection("work")
    col.ingest(files)
    n = col.count()
    again = col.ingest(files)
    assert [f.status for f in again.files] == ["unchanged"] * 5
    assert col.count() == n and len(col.bm25) == n
    old_boats_chunks = col.documents()["boats.md"]["chunks"]
    boats = files[0]
    boats.write_text("# Boats\n\nThe ferry now leaves at 9:40 from pier two.", encoding="utf-8")
    r = col.ingest([boats])
    assert r.files[0].status == "replaced"
    texts = " ".join(h.text for h in search(col, "ferry leaves", k=5, mode="bm25"))
    assert "9:40" in texts and "7:15" not in texts
    assert col.count() == len(col.bm25) == n - old_boats_chunks + r.chunks_added
    copy = tmp_path / "copy_of_garden.txt"
    copy.write_text(DOCS["garden.txt"], encoding="utf-8")
    dup = col.ingest([copy])
    assert dup.files[0].status == "duplicate" and "garden.txt" in dup.files[0].message


def test_delete_removes_chunks_from_chroma_and_bm25(files):
    col = open_collection("work")
    col.ingest(files)
    n = col.count()
    removed = col.delete("office.html")
    assert removed >= 1 and col.count() == n - removed == len(col.bm25)
    assert "office.html" not in _sources(col)
    assert all(h.source != "office.html" for h in search(col, "XK-4471 badge", k=3, mode="bm25"))
    assert all(h.source != "office.html" for h in search(col, "badge reader code", k=5, mode="vector"))
    assert "office.html" not in col.documents()
    with pytest.raises(KeyError):
        col.delete("office.html")


def test_collections_are_separate(files):
    a, b = open_collection("alpha"), open_collection("beta")
    a.ingest(files[:1])
    b.ingest(files[1:2])
    assert {h.source for h in search(a, "tomatoes sun", k=5, mode="hybrid")} == {"boats.md"}
    assert {h.source for h in search(b, "ferry pier", k=5, mode="hybrid")} == {"garden.txt"}
    b.delete("garden.txt")
    assert a.count() > 0 and b.count() == 0


def test_bad_files_leave_the_collection_untouched(files, tmp_path):
    col = open_collection("work")
    col.ingest(files)
    n, docs = col.count(), col.documents()
    bad = {"empty.txt": b"", "scan.pdf": blank_pdf_bytes(), "locked.pdf": encrypted_pdf_bytes("x y z"),
           "fake.pdf": b"MZ\x90\x00" + bytes(500), "latin.txt": "d\u00e9j\u00e0 vu".encode("latin-1")}
    paths = []
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    big = tmp_path / "big.md"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    report = col.ingest(paths + [big, (files[1], "../../etc/garden.txt")])
    assert [f.status for f in report.files] == ["error"] * 7
    assert all(f.message for f in report.files)
    assert col.count() == n and col.documents() == docs and len(col.bm25) == n
    assert search(col, "ferry", k=1)[0].source == "boats.md"  # still serving


def test_a_refused_file_is_named_once_in_the_report(tmp_path):
    """The report line is "<name>: <message>" (CLI and app): "data.bin: unsupported file type", not
    "data.bin: data.bin: unsupported file type"."""
    (tmp_path / "data.bin").write_bytes(b"\x00\x01")
    report = open_collection("work").ingest([tmp_path / "data.bin", tmp_path / "missing.md"])
    assert [(f.name, f.status) for f in report.files] == [("data.bin", "error"), ("missing.md", "error")]
    assert report.files[0].message.startswith("unsupported file type")
    assert report.files[1].message == "no such file"


def test_bad_collection_names_are_refused():
    for name in ("../x", "a", "has space", "-lead", "x" * 70):
        with pytest.raises(ValueError, match="collection name"):
            open_collection(name)


def test_rrf_rewards_agreement():
    fused = rrf({"vector": ["a", "b", "c"], "bm25": ["c", "a", "d"]}, rrf_k=60)
    assert [d for d, _ in fused][:2] == ["a", "c"]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


def test_embedding_cache_reuses_vectors_of_unchanged_text(files):
    import numpy as np

    from core.models.fast_embeddings import get_fast_embedder

    col = open_collection("work")
    first = col.ingest(files[:2])
    assert first.embedding == {"embedded": first.chunks_added, "cached": 0}
    col.delete("boats.md")
    again = col.ingest(files[:1])  # the same text again: nothing to embed
    assert again.embedding == {"embedded": 0, "cached": again.chunks_added}
    other = open_collection("other").ingest(files[1:2])  # same file, another collection
    assert other.embedding["embedded"] == 0
    from core.retrieval.chunk_headers import indexed_text

    stored = col.store.col.get(where={"source": "boats.md"}, include=["embeddings", "documents", "metadatas"])
    # what ingestion embeds: the chunk with its title/section header, Markdown cleaned (chunk_headers.py)
    fresh = get_fast_embedder().embed([indexed_text(m.get("header", ""), d, m["source"])
                                       for m, d in zip(stored["metadatas"], stored["documents"])])
    np.testing.assert_allclose(np.asarray(stored["embeddings"]), fresh, atol=1e-5)
