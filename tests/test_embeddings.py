import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from core.models.embeddings import get_embedder


@pytest.fixture(scope="module")
def embedder():
    return get_embedder()


def test_bundled_model_loads_offline(embedder):
    assert embedder.name == "all-MiniLM-L6-v2"
    assert embedder.source == "bundled"
    assert embedder.dimension == 384


def test_vectors_are_normalised_float32(embedder):
    v = embedder.embed(["A cat sat on the mat.", "Stock markets fell today.", "ünïcödé 🙂 文字"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_meaning_decides_similarity(embedder):
    question, paraphrase, unrelated = embedder.embed([
        "How do I reset my password?",
        "I forgot my login credentials and need to change them.",
        "The stock market fell sharply today."])
    assert question @ paraphrase > question @ unrelated + 0.2


def test_batching_does_not_change_vectors(embedder):
    texts = [f"sentence number {i} about topic {i % 7}" for i in range(150)]
    batched = embedder.embed(texts)
    one_by_one = np.stack([embedder.embed([t])[0] for t in texts[:5]])
    np.testing.assert_allclose(batched[:5], one_by_one, atol=1e-5)


def test_langchain_interface(embedder):
    assert isinstance(embedder, Embeddings)
    docs = embedder.embed_documents(["alpha", "beta"])
    q = embedder.embed_query("alpha")
    assert len(docs) == 2 and len(q) == 384
    np.testing.assert_allclose(docs[0], q, atol=1e-5)


def test_empty_input_and_wrong_type(embedder):
    assert embedder.embed([]).shape == (0, 384)
    with pytest.raises(TypeError):
        embedder.embed("not a list")


def test_same_instance_is_shared():
    assert get_embedder() is get_embedder()
