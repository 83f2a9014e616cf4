"""N-gram counts over a fixed vocabulary, as scikit-learn's CountVectorizer.transform gives
them, without its per-call overhead.

Why: the safety classifiers score one short message at a time, and sklearn's transform
spends more time validating its input (array checks, dataframe detection) than counting
the n-grams of a 100-character text: about 1 ms of the few ms a message costs. This keeps
sklearn's own analyzer (so the n-grams are exactly the same) and does the counting in a
dict lookup. The result equals `vectorizer.transform(texts)` (tested).

Character n-grams within words (analyzer "char_wb") are counted word by word from a cache of each word's
in-vocabulary n-grams: a document repeats its words, and making every n-gram string again cost ~28 ms for 20,000
characters (round 35's passage model reads whole documents).
"""
from __future__ import annotations

from collections import Counter
from itertools import chain

import numpy as np

WORD_CACHE = 200_000  # words remembered per counter (about 40 MB at most)


class NgramCounter:
    def __init__(self, vectorizer, vocabulary: dict[str, int] | None = None):
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vocabulary if vocabulary is not None else vectorizer.vocabulary_
        self.size = len(self.vocabulary)
        self.dtype = vectorizer.dtype
        # the word-by-word path only where sklearn's analyzer is exactly "split on whitespace, n-grams of ' word '"
        self.by_word = (vectorizer.analyzer == "char_wb" and vectorizer.input == "content" and not vectorizer.lowercase
                        and vectorizer.preprocessor is None and vectorizer.strip_accents is None)
        self.ngram_range = vectorizer.ngram_range
        self.words: dict[str, tuple[int, ...]] = {}

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """The vocabulary ids of the n-grams sklearn's char_wb makes of one word (padded with a space each side)."""
        ids = self.words.get(word)
        if ids is None:
            w, (lo, hi), vocab = " " + word + " ", self.ngram_range, self.vocabulary
            grams = []
            for n in range(lo, hi + 1):
                if len(w) <= n:  # a short word counts once, whole
                    grams.append(w)
                    break
                grams.extend(w[i:i + n] for i in range(len(w) - n + 1))
            ids = tuple(vocab[g] for g in grams if g in vocab)
            if len(self.words) < WORD_CACHE:
                self.words[word] = ids
        return ids

    def _ids(self, text: str):
        if self.by_word:
            return chain.from_iterable(map(self._word_ids, text.split()))
        vocab = self.vocabulary
        return (vocab[g] for g in self.analyze(text) if g in vocab)

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(data, indices, indptr): the CSR arrays of the counts, row by row."""
        indptr, indices, data = [0], [], []
        for text in texts:
            counts = Counter(self._ids(text))
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
