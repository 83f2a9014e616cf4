"""N-gram counts over a fixed vocabulary, as scikit-learn's CountVectorizer.transform gives
them, without its per-call overhead.

Why: the safety classifiers score one short message at a time, and sklearn's transform
spends more time validating its input (array checks, dataframe detection) than counting
the n-grams of a 100-character text: about 1 ms of the few ms a message costs. This keeps
sklearn's own analyzer (so the n-grams are exactly the same) and does the counting in a
dict lookup. The result equals `vectorizer.transform(texts)` (tested).
"""
from __future__ import annotations

from collections import Counter

import numpy as np


class NgramCounter:
    def __init__(self, vectorizer, vocabulary: dict[str, int] | None = None):
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vocabulary if vocabulary is not None else vectorizer.vocabulary_
        self.size = len(self.vocabulary)
        self.dtype = vectorizer.dtype

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(data, indices, indptr): the CSR arrays of the counts, row by row."""
        vocab = self.vocabulary
        indptr, indices, data = [0], [], []
        for text in texts:
            counts = Counter(vocab[g] for g in self.analyze(text) if g in vocab)
            indices.extend(counts.keys())
            data.extend(counts.values())
            indptr.append(len(indices))
        return np.asarray(data, dtype=self.dtype), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)

    def transform(self, texts: list[str]):
        """CSR matrix (len(texts), vocabulary size) of n-gram counts."""
        from scipy import sparse

        x = sparse.csr_matrix(self.counts(texts), shape=(len(texts), self.size))
        x.sort_indices()
        return x


def rows_times(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The sparse rows (data, indices, indptr) times a dense (vocabulary, k) matrix, without
    building a scipy matrix (its construction costs more than the product for one message)."""
    n = len(indptr) - 1
    contrib = weights[indices] * data[:, None]
    if n == 1:
        return contrib.sum(axis=0, keepdims=True)
    rows = np.repeat(np.arange(n), np.diff(indptr))
    return np.stack([np.bincount(rows, weights=contrib[:, j], minlength=n) for j in range(weights.shape[1])], axis=1)


def l2_rows(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """data with each row scaled to unit length (empty rows stay empty)."""
    lengths = np.diff(indptr)
    rows = np.repeat(np.arange(len(lengths)), lengths)
    sq = np.bincount(rows, weights=data * data, minlength=len(lengths))
    sq[sq == 0] = 1.0
    return data / np.repeat(np.sqrt(sq), lengths).astype(data.dtype)


def tfidf_rows(vectorizer, counter: NgramCounter, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What a fitted TfidfVectorizer's transform gives (idf weights, optional sublinear tf,
    l2 rows), as CSR arrays (data, indices, indptr)."""
    data, indices, indptr = counter.counts(texts)
    data = data.astype(np.float64)
    if vectorizer.sublinear_tf:
        data = 1.0 + np.log(data)
    if vectorizer.use_idf:
        data = data * vectorizer.idf_[indices]
    if vectorizer.norm == "l2":
        data = l2_rows(data, indptr)
    elif vectorizer.norm is not None:
        raise ValueError(f"norm={vectorizer.norm!r} is not supported here")
    return data, indices, indptr
