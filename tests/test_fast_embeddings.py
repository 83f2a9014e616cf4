"""The retrieval embedder on ONNX Runtime: same model, same vectors (fp32) or close ones (int8).

Reference vectors are sentence-transformers' own (the torch Embedder), on the shipped corpus
chunked both ways the benchmark uses, and on the QA questions (queries take the same path).
"""
import json
import logging
from pathlib import Path

import numpy as np
import pytest

from core.config import ConfigError, get_settings, reset_settings
from core.models.embeddings import Embedder, get_embedder
from core.models.fast_embeddings import OnnxEmbedder, build_fast_embedder, cpu_has_vnni, resolve_runtime
from core.retrieval.loaders import load_file
from core.retrieval.splitting import split_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts():
    corpus = sorted((ROOT / "assets" / "rag_corpus").iterdir())
    chunks = [c.text for size, overlap in ((800, 120), (300, 50)) for f in corpus
              for c in split_document(load_file(f), size, overlap)]
    questions = [json.loads(line)["question"] for line in (ROOT / "assets" / "rag_qa.jsonl").read_text().splitlines()
                 if line.strip()]
    return chunks + questions


@pytest.fixture(scope="module")
def reference(texts):
    return get_embedder().embed(texts)


def test_onnx_fp32_gives_the_sentence_transformers_vectors(texts, reference):
    emb = build_fast_embedder(get_embedder(), "onnx")
    assert isinstance(emb, OnnxEmbedder) and emb.runtime == "onnx"
    got = emb.embed(texts)
    assert got.dtype == np.float32 and got.shape == reference.shape
    np.testing.assert_allclose(got, reference, atol=1e-5)


def test_onnx_int8_stays_within_cosine_099_of_every_chunk(texts, reference):
    emb = build_fast_embedder(get_embedder(), "onnx-int8")
    assert isinstance(emb, OnnxEmbedder) and emb.runtime == "onnx-int8"
    got = emb.embed(texts)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cosine = (got * reference).sum(1)
    # >= 0.99 where `auto` picks int8 (VNNI). Without VNNI, ONNX Runtime's u8s8 kernels can saturate;
    # `auto` picks fp32 there, and an explicit onnx-int8 measured 0.989 on an AMD EPYC.
    bound = 0.99 if cpu_has_vnni() else 0.98
    assert cosine.min() >= bound, texts[int(cosine.argmin())][:80]
    # and it is not the float32 result in disguise
    assert np.abs(got - reference).max() > 1e-4


def test_int8_vector_of_a_text_does_not_depend_on_its_batch(texts):
    emb = build_fast_embedder(get_embedder(), "onnx-int8")
    batch = emb.embed(texts[:12])
    alone = np.stack([emb.embed([t])[0] for t in texts[:12]])
    np.testing.assert_allclose(batch, alone, atol=1e-6)


@pytest.mark.parametrize("runtime", ["onnx", "onnx-int8"])
def test_parallel_workers_give_the_one_worker_vectors_in_order(texts, runtime):
    """Batches run on several threads; every row must land where its text was, unchanged."""
    emb = build_fast_embedder(get_embedder(), runtime)  # a new embedder: changing it leaks nowhere
    emb.workers = 1
    serial = emb.embed(texts)
    emb.workers = 3  # more workers than this machine's cores: interleaving is the point
    np.testing.assert_array_equal(emb.embed(texts), serial)


def test_a_failing_run_on_a_worker_thread_reaches_the_caller(texts, monkeypatch):
    emb = build_fast_embedder(get_embedder(), "onnx-int8")
    emb.workers = 2

    class Broken:
        def run(self, *args):
            raise RuntimeError("ort failed")

    monkeypatch.setattr(emb, "session", Broken())
    with pytest.raises(RuntimeError, match="ort failed"):
        emb.embed(texts[:6])


def test_empty_input_and_wrong_type():
    emb = build_fast_embedder(get_embedder(), "onnx")
    assert emb.embed([]).shape == (0, emb.dimension)
    with pytest.raises(TypeError, match="list of strings"):
        emb.embed("not a list")


def test_export_is_built_once_then_reused(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    with caplog.at_level(logging.INFO, logger="core.models.fast_embeddings"):
        first = build_fast_embedder(get_embedder(), "onnx-int8")
    assert "exporting" in caplog.text and "quantising" in caplog.text
    files = sorted(p.name for p in first.path.parent.iterdir())
    assert files == ["model.int8.onnx", "model.onnx"]  # no partial files left behind
    stamp = first.path.stat().st_mtime_ns
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="core.models.fast_embeddings"):
        second = build_fast_embedder(get_embedder(), "onnx-int8")
    assert "exporting" not in caplog.text and "quantising" not in caplog.text
    assert second.path == first.path and second.path.stat().st_mtime_ns == stamp
    np.testing.assert_array_equal(first.embed(["same text"]), second.embed(["same text"]))


def test_falls_back_to_torch_when_the_export_is_unavailable(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    monkeypatch.setitem(__import__("sys").modules, "onnx", None)  # `import onnx` now fails
    with caplog.at_level(logging.WARNING, logger="core.models.fast_embeddings"):
        emb = build_fast_embedder(get_embedder(), "onnx")
    assert emb is get_embedder()  # the same model on torch: slower, never different
    assert "using sentence-transformers on torch" in caplog.text
    assert not (tmp_path / "cache" / "onnx-embeddings").exists() or not any(
        (tmp_path / "cache" / "onnx-embeddings").rglob("*.onnx"))


def test_runtime_setting(monkeypatch):
    monkeypatch.setenv("GENAI_EMBEDDING_RUNTIME", "torch")
    reset_settings()
    assert isinstance(build_fast_embedder(get_embedder()), Embedder)
    assert resolve_runtime("auto") in ("onnx", "onnx-int8")  # CPU here: never torch on auto
    monkeypatch.setenv("GENAI_EMBEDDING_RUNTIME", "int4")
    reset_settings()
    with pytest.raises(ConfigError, match="GENAI_EMBEDDING_RUNTIME"):
        get_settings()


def test_embedding_cache_keeps_runtimes_apart(monkeypatch):
    """Vectors cached from one runtime are never served to another (they differ slightly)."""
    from core.models import fast_embeddings
    from core.retrieval.collection import open_collection

    corpus = ROOT / "assets" / "rag_corpus"
    files = [corpus / "mit_license.txt", corpus / "isc_license.txt"]
    for runtime, name in (("torch", "rt-torch"), ("onnx-int8", "rt-int8")):
        monkeypatch.setenv("GENAI_EMBEDDING_RUNTIME", runtime)
        reset_settings()
        fast_embeddings._fast.reset()
        report = open_collection(name).ingest(files)
        assert report.embedding == {"embedded": report.chunks_added, "cached": 0}, runtime
    fast_embeddings._fast.reset()


def test_generic_pooling_path_gives_the_same_vectors(texts, reference):
    """Models other than plain mean pooling run their own sentence-transformers modules on the output."""
    emb = build_fast_embedder(get_embedder(), "onnx")
    assert emb.mean_pooling  # MiniLM: mean pooling + normalise, done in numpy
    emb.mean_pooling = False
    try:
        np.testing.assert_allclose(emb.embed(texts[:40]), reference[:40], atol=1e-5)
    finally:
        emb.mean_pooling = True


def test_onnx_export_leaves_the_shared_encoder_in_eval_mode(tmp_path):
    """The exporter restores its wrapper's mode; a wrapper made in train mode switched the shared
    torch encoder's dropout on for the rest of the process (the safety static table was built
    with it)."""
    from core.models.fast_embeddings import _export

    base = get_embedder()
    _export(base, tmp_path / "model.onnx")
    assert (tmp_path / "model.onnx").exists()
    assert not base.model[0].auto_model.training
    assert not any(m.training for m in base.model[0].auto_model.modules())
