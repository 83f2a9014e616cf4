"""Question words a sentence holds in other words: "bigger" / "larger", "allowed" / "permitted".

A quote's coverage (extractive.py) counts the question's content words the sentence holds, stem for stem. Visitors
word their questions in their own words ("does the archive get bigger?" over "the output may be larger than the
input"), so the answering sentence often holds few of them, and an overview sentence that repeats the question's
words wins the quote. Here a question word the sentence lacks counts as held, at a
share of its weight (extractive.SOFT_SHARE), when one of the sentence's own words lies within a cosine
(extractive.SOFT_MIN_COSINE) of it in MiniLM's space (each word embedded alone, through the same cached embedder as
the sentences).

    matcher = SoftMatcher(question, [word_forms(s) for s in sentences], embed)
    matcher.gain(question_words, unheld, word_forms(sentence), idf, share, min_cosine)
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from core.retrieval.bm25 import stem
from core.retrieval.grounding import _WORD, content_words

MIN_LETTERS = 3      # shorter words ("id", "os") embed to noise


def word_forms(text: str) -> dict[str, str]:
    """Stem -> the first surface form of each content word of `text` (the words content_words() keeps)."""
    keep = content_words(text)
    out: dict[str, str] = {}
    for w in _WORD.findall(text.lower()):
        s = stem(w)
        if s in keep and s not in out and len(w) >= MIN_LETTERS and w.isalpha():
            out[s] = w
    return out


class SoftMatcher:
    """Cosines between the question's words and every word of the candidate sentences, embedded once."""

    def __init__(self, question: str, sentence_forms: list[dict[str, str]],
                 embed: Callable[[list[str]], np.ndarray]):
        self.question_forms = word_forms(question)
        words = sorted({w for forms in sentence_forms for w in forms.values()} | set(self.question_forms.values()))
        self.index = {w: i for i, w in enumerate(words)}
        self.vectors = embed(words) if words else np.zeros((0, 0), dtype=np.float32)

    def best_cosine(self, question_stem: str, forms: dict[str, str]) -> float:
        """The closest of the sentence's words to this question word (-1 when either has no vector)."""
        q = self.question_forms.get(question_stem)
        if q is None or not forms:
            return -1.0
        rows = [self.index[w] for w in forms.values()]
        return float(np.max(self.vectors[rows] @ self.vectors[self.index[q]]))

    def gain(self, question_words: set[str], unheld: set[str], forms: dict[str, str],
             idf: Callable[[str], float] | None, share: float, min_cosine: float) -> float:
        """`share` x the part of the question's IDF weight held softly: the `unheld` question words within
        `min_cosine` of one of the sentence's words."""
        if not share or not unheld or not question_words:
            return 0.0
        weight = {w: (idf(w) if idf else 1.0) for w in question_words}
        total = sum(weight.values()) or 1.0
        held = sum(weight[w] for w in unheld if w in weight and self.best_cosine(w, forms) >= min_cosine)
        return share * held / total
