"""A small multi-class text classifier: TF-IDF over character and word n-grams of the
normalised text, and one linear (logistic-regression) layer.

Why this shape: it is trained here in seconds on one core, runs in well under a
millisecond per message with numpy and scipy, reads any language written in Latin
letters (character n-grams carry "nackt", "desnuda", "Anweisungen" without a dictionary),
and ships as one small .npz file of plain arrays (vocabularies, idf weights,
coefficients): no pickle, so no scikit-learn version lock. scikit-learn is used for
training and for the n-gram counting at run time (CountVectorizer with a fixed vocabulary).
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from core.caches import register_cache
from core.safety.ngram_counts import NgramCounter, l2_rows, rows_times
from core.safety.normalize import normalize

# (analyzer, ngram_range): character n-grams inside word boundaries, and words/word pairs
FEATURES = (("char_wb", (2, 5)), ("word", (1, 2)))


def _vectorizer(analyzer: str, ngrams: tuple[int, int], vocabulary=None):
    from sklearn.feature_extraction.text import CountVectorizer

    extra = {"token_pattern": r"(?u)\b\w+\b"} if analyzer == "word" else {}  # one-letter words count
    return CountVectorizer(analyzer=analyzer, ngram_range=ngrams, vocabulary=vocabulary, lowercase=False,
                           dtype=np.float32, **extra)


class LinearTextModel:
    def __init__(self, classes: list[str], vocabularies: list[list[str]], idfs: list[np.ndarray],
                 coef: np.ndarray, intercept: np.ndarray):
        self.classes = list(classes)
        self.vectorizers = [_vectorizer(a, n, {t: i for i, t in enumerate(v)})
                            for (a, n), v in zip(FEATURES, vocabularies)]
        # the same counts as vec.transform, without sklearn's per-call overhead (~0.5 ms a call)
        self.counters = [NgramCounter(vec, vec.vocabulary) for vec in self.vectorizers]
        self.vocabularies = vocabularies
        self.idfs = [np.asarray(i, np.float32) for i in idfs]
        self.coef = np.asarray(coef, np.float32)  # (n_features, n_classes)
        self.intercept = np.asarray(intercept, np.float32)

    # --- features ---------------------------------------------------------------------
    def _rows(self, texts: list[str]):
        """Per feature block: its width and the sublinear-tf x idf rows, L2-normalised, as CSR
        arrays (data, indices, indptr); scipy's sparse objects cost more than the work here."""
        norm = [normalize(t) for t in texts]
        for counter, idf in zip(self.counters, self.idfs):
            data, indices, indptr = counter.counts(norm)
            yield counter.size, (l2_rows((1.0 + np.log(data, dtype=np.float32)) * idf[indices], indptr), indices, indptr)

    def features(self, texts: list[str]):
        from scipy import sparse

        return sparse.hstack([sparse.csr_matrix(rows, shape=(len(texts), size))
                              for size, rows in self._rows(texts)]).tocsr()

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.classes)), np.float32)
        z = np.tile(self.intercept, (len(texts), 1)).astype(np.float32)
        start = 0
        for size, rows in self._rows(texts):
            z += rows_times(*rows, self.coef[start:start + size])
            start += size
        if len(self.classes) == 2 and self.coef.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-z))
            return np.hstack([1 - p, p])
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    # --- training and storage -----------------------------------------------------------
    @classmethod
    def fit(cls, texts: list[str], labels: list[str], c: float = 4.0, min_df: int = 2) -> LinearTextModel:
        from sklearn.linear_model import LogisticRegression

        norm = [normalize(t) for t in texts]
        vocabularies, idfs = [], []
        for analyzer, ngrams in FEATURES:
            vec = _vectorizer(analyzer, ngrams)
            vec.set_params(min_df=min_df)
            x = vec.fit_transform(norm)
            df = np.bincount(x.indices, minlength=x.shape[1])
            vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            vocabularies.append(vocab)
            idfs.append((np.log((1 + len(norm)) / (1 + df)) + 1.0).astype(np.float32))
        classes = sorted(set(labels))
        probe = cls(classes, vocabularies, idfs, np.zeros((sum(map(len, vocabularies)), 1)), np.zeros(1))
        x = probe.features(texts)
        lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        lr.fit(x, labels)
        assert list(lr.classes_) == classes
        return cls(classes, vocabularies, idfs, lr.coef_.T, lr.intercept_)

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {"classes": np.array(self.classes), "coef": self.coef.astype(np.float16),
                  "intercept": self.intercept}
        for i, (v, idf) in enumerate(zip(self.vocabularies, self.idfs)):
            arrays[f"vocab{i}"] = np.array(v)
            arrays[f"idf{i}"] = idf.astype(np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> LinearTextModel:
        with np.load(path, allow_pickle=False) as z:
            n = len(FEATURES)
            return cls([str(c) for c in z["classes"]], [[str(t) for t in z[f"vocab{i}"]] for i in range(n)],
                       [z[f"idf{i}"] for i in range(n)], z["coef"].astype(np.float32), z["intercept"])


_files: dict[Path, LinearTextModel] = {}
_files_lock = threading.Lock()
register_cache("safety classifiers", _files.clear)


def load_shared(path: Path) -> LinearTextModel:
    """The model in `path`, loaded once per process and shared by every thread."""
    with _files_lock:
        if path not in _files:
            if not path.exists():
                raise FileNotFoundError(f"{path} is missing: run `python -m core.safety.training.train` to build it")
            _files[path] = LinearTextModel.load(path)
        return _files[path]
