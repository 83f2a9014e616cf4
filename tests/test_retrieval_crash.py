"""Crash-safe ingestion: a process killed at any point of a change leaves the collection
consistent once it is opened again (core/retrieval/journal.py).

Each case runs the change in a child process that dies with os._exit (no clean-up at all,
as with kill -9) at one point of the write path; the test then opens the collection afresh
and checks that the manifest, the vector store and BM25 agree, and which version survived.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent('''
    import os, sys
    from pathlib import Path
    from core.retrieval.collection import Collection, open_collection

    action, crash_at, path = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    if crash_at != "never":
        def die(*args, **kwargs):
            os._exit(9)
        setattr(Collection, crash_at, die)  # _save_documents: before the commit; _drop: after it
    col = open_collection("crashy")
    if action == "ingest":
        col.ingest([path])
    else:
        col.delete(path.name)
''')


def run_child(data_dir, action, crash_at, path):
    from core.caches import reset_all

    reset_all()  # this process gives up its claim on the folder, so the child may write
    done = subprocess.run([sys.executable, "-c", CHILD, action, crash_at, str(path)], cwd=REPO,
                          env={**os.environ, "GENAI_DATA_DIR": str(data_dir)}, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == (0 if crash_at == "never" else 9), done.stderr[-2000:]


def reopen():
    from core.caches import reset_all
    from core.retrieval.collection import open_collection

    reset_all()  # a fresh process's view: no cached client, collection or index
    return open_collection("crashy")


def consistent(col) -> dict[str, int]:
    """Chunks per document in each store; asserts all three agree with the manifest."""
    manifest = {name: d["chunks"] for name, d in col.documents().items()}
    rows = col.store.col.get(include=["metadatas"])
    in_vectors: dict[str, int] = {}
    for m in rows["metadatas"]:
        in_vectors[m["source"]] = in_vectors.get(m["source"], 0) + 1
    in_bm25: dict[str, int] = {}
    for r, source in enumerate(col.bm25.sources):
        if col.bm25.alive[r]:
            in_bm25[source] = in_bm25.get(source, 0) + 1
    assert in_vectors == manifest == in_bm25, (manifest, in_vectors, in_bm25)
    assert not (col.folder / "pending.json").exists()
    return manifest


def write_doc(tmp_path, words: str, n: int = 30) -> Path:
    p = tmp_path / "handbook.md"
    p.write_text("\n\n".join(f"Section {i}. The {words} policy applies to section {i} of the handbook. " * 3
                             for i in range(n)))
    return p


@pytest.mark.slow
def test_a_crash_before_the_commit_rolls_a_new_document_back(data_dir, tmp_path):
    run_child(data_dir, "ingest", "_save_documents", write_doc(tmp_path, "travel"))
    col = reopen()
    assert col.recovered and col.recovered["rolled_back"] == ["handbook.md"]
    assert consistent(col) == {}
    assert col.count() == 0


@pytest.mark.slow
def test_a_crash_while_replacing_keeps_exactly_one_version(data_dir, tmp_path):
    run_child(data_dir, "ingest", "never", write_doc(tmp_path, "travel"))
    old = consistent(reopen())
    # new content under the same name; the child dies before the commit: the old version stays
    run_child(data_dir, "ingest", "_save_documents", write_doc(tmp_path, "holiday", n=40))
    col = reopen()
    assert consistent(col) == old
    texts = col.store.col.get(include=["documents"])["documents"]
    assert all("travel" in t for t in texts)
    # again, dying after the commit: the new version is complete and the old chunks are gone
    run_child(data_dir, "ingest", "_drop", write_doc(tmp_path, "holiday", n=40))
    col = reopen()
    assert col.recovered["completed"] == ["handbook.md"]
    new = consistent(col)
    assert new["handbook.md"] != old["handbook.md"]
    assert all("holiday" in t for t in col.store.col.get(include=["documents"])["documents"])


@pytest.mark.slow
def test_a_crash_after_a_delete_commit_finishes_the_delete(data_dir, tmp_path):
    path = write_doc(tmp_path, "travel")
    run_child(data_dir, "ingest", "never", path)
    run_child(data_dir, "delete", "_drop", path)
    col = reopen()
    assert consistent(col) == {} and col.count() == 0


@pytest.mark.slow
def test_kill_9_at_an_arbitrary_moment_of_a_long_ingest(data_dir, tmp_path):
    path = write_doc(tmp_path, "travel", n=1500)  # long enough to be killed while it works
    proc = subprocess.Popen([sys.executable, "-c", CHILD, "ingest", "never", str(path)], cwd=REPO,
                            env={**os.environ, "GENAI_DATA_DIR": str(data_dir)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    pending = data_dir / "retrieval" / "crashy" / "pending.json"
    while not pending.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # kill it in the middle of the write phase, when it has begun
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    consistent(reopen())


def test_a_second_writer_process_is_refused_naming_the_owner(data_dir, tmp_path):
    from core.caches import reset_all
    from core.retrieval.collection import open_collection
    from core.retrieval.writer_lock import FolderBusy

    owner = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                              "from core.retrieval.writer_lock import claim; claim(Path(sys.argv[1])); "
                              "print('claimed', flush=True); time.sleep(120)", str(data_dir)],
                             cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert owner.stdout.readline().strip() == "claimed"
        col = open_collection("shared")
        with pytest.raises(FolderBusy, match=rf"pid {owner.pid}\b.*GENAI_DATA_DIR"):
            col.ingest([write_doc(tmp_path, "travel", n=2)])
        assert col.documents() == {} and not (col.folder / "pending.json").exists()
    finally:
        owner.kill()  # kill -9: the kernel drops its lock
        owner.wait()
    reset_all()
    report = open_collection("shared").ingest([write_doc(tmp_path, "travel", n=2)])
    assert report.ok and report.chunks_added > 0
