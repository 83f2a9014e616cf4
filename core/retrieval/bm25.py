"""A persisted BM25 index that updates incrementally: adding chunks appends rows,
deleting a document tombstones its rows; nothing is re-tokenised or rebuilt per query.

Tokenisation is bm25s's (its regex and English stop words) plus Snowball stemming, plus
command-line options kept as whole tokens; scoring is the Lucene BM25 variant that bm25s
uses by default (k1=1.5, b=0.75), computed here on a sparse term-frequency matrix so that it can grow in place (bm25s
itself can only index a whole corpus at once). tests/test_retrieval_bm25.py checks the
scores against bm25s on the same corpus.

    index = BM25Index.open(folder)
    index.add(ids, texts, sources); index.delete_source("a.pdf"); index.search("query", k=4)
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import threading
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import Stemmer

from core.retrieval.spelling import american

log = logging.getLogger(__name__)

K1, B = 1.5, 0.75
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's default token pattern


def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


_STOP = _stopwords()


# Command-line options ("-X", "--no-init", "-user") are also indexed as whole, case-kept tokens:
# the word pattern drops one-letter options and case ("-x" and "-X" of less(1) differ), so a
# question naming an option could not find the entry that defines it.
OPTION_TOKENS = True
OPTION_WEIGHT = 3  # a question's option token counts this many times (names one entry exactly)
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


# British spellings are read as American before stemming ("licence" finds "License"; spelling.py), in
# questions and documents alike. Session 29. False = off (an index built either way is rebuilt: tokenizer_name)
US_SPELLING = True


def tokenizer_name() -> str:
    """Saved with the index: an index built with another tokenizer is rebuilt from the stored chunks."""
    return ("snowball-english-options-2" if OPTION_TOKENS else "snowball-english-1") + ("+us" if US_SPELLING else "")


def stem(word: str) -> str:
    """Snowball English (PyStemmer): meeting/meetings -> meet, licenses/licensed -> licens.
    The light suffix stripper used before mapped "meetings" to "meeting" but "meeting" to "meet",
    so a question about "meeting" missed a passage about "meetings"."""
    return _stem_us(word) if US_SPELLING else _stem(word)


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@functools.lru_cache(maxsize=200_000)
def _stem_us(word: str) -> str:
    return _STEMMER.stemWord(american(word))


_STEMMER = Stemmer.Stemmer("english")


def bm25_idf(n_docs: int, df: float) -> float:
    """BM25's IDF of a term found in `df` of `n_docs` documents (never negative)."""
    return float(np.log(1 + (n_docs - df + 0.5) / (df + 0.5)))


def tokenize(text: str) -> list[str]:
    words = [stem(t) for t in _TOKEN.findall(text.lower()) if t not in _STOP]
    if OPTION_TOKENS:
        words += [m.rstrip("-") for m in _OPTION.findall(text)]
    return words


class BM25Index:
    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.ids: list[str] = []
        self.sources: list[str] = []
        self.vocab: dict[str, int] = {}
        self._indptr: list[int] = [0]
        self._indices: list[np.ndarray] = []
        self._counts: list[np.ndarray] = []
        self.lengths = np.zeros(0, dtype=np.float32)
        self.alive = np.zeros(0, dtype=bool)
        self._row_of: dict[str, int] = {}
        self._matrix: sp.csc_matrix | None = None  # cached until the next change
        self._lock = threading.RLock()
        self.version = 0
        self.tokenizer = tokenizer_name()  # the tokenizer the rows were built with
        self.stale = False  # loaded from disk with another tokenizer: rebuild() it

    # --- persistence --------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path) -> BM25Index:
        index = cls(folder)
        meta = folder / "bm25.json"
        if meta.exists():
            index._load()
        return index

    def _load(self) -> None:
        meta = json.loads((self.folder / "bm25.json").read_text())
        arrays = np.load(self.folder / "bm25.npz")
        self.ids, self.sources, self.version = meta["ids"], meta["sources"], meta["version"]
        self.tokenizer = meta.get("tokenizer")
        self.stale = self.tokenizer != tokenizer_name()
        self.vocab = {t: i for i, t in enumerate(meta["terms"])}
        indptr, indices, counts = arrays["indptr"], arrays["indices"], arrays["counts"]
        self._indptr = indptr.tolist()
        self._indices = [indices[indptr[i]:indptr[i + 1]] for i in range(len(self.ids))]
        self._counts = [counts[indptr[i]:indptr[i + 1]] for i in range(len(self.ids))]
        self.lengths, self.alive = arrays["lengths"], arrays["alive"].astype(bool)
        self._row_of = {cid: r for r, cid in enumerate(self.ids) if self.alive[r]}
        self._matrix = None

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        terms = [None] * len(self.vocab)
        for t, i in self.vocab.items():
            terms[i] = t
        tmp_npz, tmp_json = self.folder / "bm25.tmp.npz", self.folder / "bm25.json.tmp"
        np.savez(tmp_npz, indptr=np.asarray(self._indptr, dtype=np.int64),
                 indices=_cat(self._indices, np.int32), counts=_cat(self._counts, np.float32),
                 lengths=self.lengths, alive=self.alive)
        tmp_json.write_text(json.dumps({"ids": self.ids, "sources": self.sources, "terms": terms,
                                        "version": self.version, "tokenizer": self.tokenizer}))
        # npz first, json last: the json's version is what readers compare against
        os.replace(tmp_npz, self.folder / "bm25.npz")
        os.replace(tmp_json, self.folder / "bm25.json")

    def stored_version(self) -> int | None:
        """The version on disk (another process may have changed the index)."""
        try:
            with open(self.folder / "bm25.json") as f:
                head = f.read()
            return json.loads(head)["version"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def refresh(self) -> None:
        if self.folder is not None:
            v = self.stored_version()
            if v is not None and v != self.version:
                with self._lock:
                    self._load()

    def live_rows(self) -> list[tuple[str, str]]:
        """(chunk id, source) of every live row."""
        return [(cid, src) for cid, src, ok in zip(self.ids, self.sources, self.alive) if ok]

    def rebuild(self, ids: list[str], texts: list[str], sources: list[str]) -> None:
        """Re-tokenize everything (after a tokenizer change); the version moves on."""
        with self._lock:
            version = self.version
            folder = self.folder
            self.__init__(folder)
            self.version = version
            self.add(ids, texts, sources)

    # --- updates ------------------------------------------------------------------------
    def add(self, ids: list[str], texts: list[str], sources: list[str]) -> None:
        with self._lock:
            for cid, text, source in zip(ids, texts, sources, strict=True):
                if cid in self._row_of:  # same content, same id: replace the old row
                    self.alive[self._row_of.pop(cid)] = False
                terms = tokenize(text)
                cols: dict[int, int] = {}
                for t in terms:
                    j = self.vocab.setdefault(t, len(self.vocab))
                    cols[j] = cols.get(j, 0) + 1
                idx = np.fromiter(cols.keys(), dtype=np.int32, count=len(cols))
                cnt = np.fromiter(cols.values(), dtype=np.float32, count=len(cols))
                self._indices.append(idx)
                self._counts.append(cnt)
                self._indptr.append(self._indptr[-1] + len(idx))
                self._row_of[cid] = len(self.ids)
                self.ids.append(cid)
                self.sources.append(source)
            n_new = len(self.ids) - len(self.lengths)
            self.lengths = np.concatenate([self.lengths, np.array(
                [c.sum() for c in self._counts[-n_new:]], dtype=np.float32)]) if n_new else self.lengths
            self.alive = np.concatenate([self.alive, np.ones(n_new, dtype=bool)])
            self._changed()

    def delete_source(self, source: str) -> int:
        with self._lock:
            rows = [r for r, s in enumerate(self.sources) if s == source and self.alive[r]]
            for r in rows:
                self.alive[r] = False
                self._row_of.pop(self.ids[r], None)
            if rows:
                self._changed()
            return len(rows)

    def delete_ids(self, ids: list[str]) -> int:
        with self._lock:
            rows = [self._row_of.pop(cid) for cid in ids if cid in self._row_of]
            for r in rows:
                self.alive[r] = False
            if rows:
                self._changed()
            return len(rows)

    def _changed(self) -> None:
        self._matrix = None
        self.version += 1
        if self.alive.size and (~self.alive).sum() > max(1000, self.alive.size // 4):
            self._compact()
        self.save()

    def _compact(self) -> None:
        keep = np.flatnonzero(self.alive)
        self.ids = [self.ids[r] for r in keep]
        self.sources = [self.sources[r] for r in keep]
        self._indices = [self._indices[r] for r in keep]
        self._counts = [self._counts[r] for r in keep]
        self._indptr = np.concatenate([[0], np.cumsum([len(i) for i in self._indices])]).astype(int).tolist()
        self.lengths, self.alive = self.lengths[keep], np.ones(len(keep), dtype=bool)
        self._row_of = {cid: r for r, cid in enumerate(self.ids)}

    # --- search -------------------------------------------------------------------------
    def __len__(self) -> int:
        return int(self.alive.sum())

    def _csc(self) -> sp.csc_matrix:
        if self._matrix is None:
            m = sp.csr_matrix((_cat(self._counts, np.float32), _cat(self._indices, np.int32),
                               np.asarray(self._indptr, dtype=np.int64)),
                              shape=(len(self.ids), max(len(self.vocab), 1)))
            self._matrix = m.tocsc()
        return self._matrix

    def scores(self, query: str, allowed_sources: set[str] | None = None) -> np.ndarray:
        """BM25 score of every row (dead or filtered-out rows get -inf)."""
        with self._lock:
            n_rows = len(self.ids)
            out = np.full(n_rows, -np.inf, dtype=np.float32)
            mask = self.alive.copy()
            if allowed_sources is not None:
                mask &= np.array([s in allowed_sources for s in self.sources], dtype=bool)
            n_docs = int(self.alive.sum())
            if n_docs == 0 or not mask.any():
                return out
            terms = [self.vocab[t] for t in tokenize(query) for _ in range(OPTION_WEIGHT if t[0] == "-" else 1)
                     if t in self.vocab]
            out[mask] = 0.0
            if not terms:
                return out
            matrix = self._csc()
            avg_len = float(self.lengths[self.alive].mean()) or 1.0
            norm = K1 * (1 - B + B * self.lengths / avg_len)
            alive_f = self.alive.astype(np.float32)
            total = np.zeros(n_rows, dtype=np.float32)
            for j in terms:  # a repeated query term counts again, as in bm25s
                col = matrix.getcol(j)
                rows, tf = col.indices, col.data
                live = alive_f[rows]
                df = float(live.sum())
                if df == 0:
                    continue
                idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5))
                total[rows] += live * idf * tf / (tf + norm[rows])
            out[mask] = total[mask]
            return out

    def idf(self, term: str) -> float:
        """IDF of one tokenized term; a term no live chunk contains gets the highest possible
        value (used to weigh which of a question's words the passages hold)."""
        with self._lock:
            n_docs = int(self.alive.sum())
            j = self.vocab.get(term)
            df = 0.0
            if j is not None and n_docs:
                df = float(self.alive[self._csc().getcol(j).indices].sum())
            return bm25_idf(n_docs, df)

    def search(self, query: str, k: int, allowed_sources: set[str] | None = None
               ) -> list[tuple[str, float]]:
        """Top-k (chunk id, score) with score > 0, best first."""
        s = self.scores(query, allowed_sources)
        if s.size == 0:
            return []
        k = min(k, s.size)
        top = np.argpartition(-s, k - 1)[:k]
        top = top[np.argsort(-s[top], kind="stable")]
        return [(self.ids[r], float(s[r])) for r in top if s[r] > 0]


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)
