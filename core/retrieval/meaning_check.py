"""Does the quote hold what the question asks for? Meaning signals for abstention (#13 round 13).

Most unanswerable questions that the retrieval scores let through ask about the right topic for a
thing the documents never state ("Which port does the git daemon listen on by default?" quoted
"The git daemon by default looks into the directory /var/lib/git/ ..."): every word but one finds
itself in the quote. A word-overlap rule can't tell that from a paraphrase ("notice" vs
"detected"), so each question word is matched by meaning instead:

    alignment(question, quote_texts, names, idf) -> {"align_min", "align_idf", "align_word"}

Each content word of the question (as core.retrieval.grounding.content_words keeps it, the
"how" word aside) gets its best cosine against the words of the quoted sentences and their
documents' names and headers, in all-MiniLM-L6-v2's contextual token vectors (the bundled
encoder; a word's vector is the mean of its word-piece vectors); a word whose stem occurs there
counts 1. align_min is the weakest word's score, align_word that word.

The check the chain can run (FOCUS_CHECK, through abstention.check_evidence) looks at one word
only, the thing a "which/what X ..." question asks for (`focus_word`): when X, by meaning, is
nowhere in the quotes (best cosine under FOCUS_THRESHOLD) the answer is vetoed, unless the quote
holds the kind of value X names (a version number for "version", a number for "port", "size", ...).
The whole-question minimum was measured too and separates worse (answerable paraphrases have a weak
word as often); benchmarks/results/rag_issue13_round13_abstention.md has the figures.
"""
from __future__ import annotations

import re
import threading

import numpy as np

from core.retrieval.grounding import content_words

_lock = threading.Lock()


def _encoder():
    from core.models.embeddings import get_embedder

    st = get_embedder().model
    return st[0].auto_model, st.tokenizer


def word_vectors(texts: list[str], max_tokens: int = 256) -> list[tuple[list[str], np.ndarray]]:
    """Per text: its words (the tokenizer's pre-tokenized words) and one unit vector per word."""
    import torch

    model, tok = _encoder()
    enc = tok(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="pt",
              return_offsets_mapping=True)
    offsets = enc.pop("offset_mapping")
    with _lock, torch.inference_mode():
        hidden = model(**enc).last_hidden_state.numpy()
    out = []
    for i, text in enumerate(texts):
        ids = enc.word_ids(i)
        groups: dict[int, list[int]] = {}
        for t, w in enumerate(ids):
            if w is not None:
                groups.setdefault(w, []).append(t)
        words, vecs = [], []
        for w, ts in groups.items():
            a, b = int(offsets[i][ts[0]][0]), int(offsets[i][ts[-1]][1])
            words.append(text[a:b])
            v = hidden[i, ts].mean(axis=0)
            vecs.append(v / (np.linalg.norm(v) or 1.0))
        out.append((words, np.array(vecs, dtype=np.float32).reshape(len(vecs), -1)))
    return out


def _how_words(question: str) -> set[str]:
    return set().union(*(content_words(w) for w in re.findall(r"\bhow\s+(\w+)", question.lower())))


def alignment(question: str, quote_texts: list[str], names: list[str], idf=None) -> dict:
    passage = " ".join(quote_texts + names)
    present = content_words(passage)
    (qwords, qvecs), (_, pvecs) = word_vectors([question, passage])
    skip = _how_words(question)
    scores: dict[str, float] = {}
    for w, v in zip(qwords, qvecs):
        stems = content_words(w) - skip
        if not stems:
            continue
        s = 1.0 if stems <= present else float((pvecs @ v).max()) if len(pvecs) else 0.0
        stem = min(stems)
        scores[stem] = min(scores.get(stem, 1.0), s)
    if not scores:
        return {"align_min": 1.0, "align_idf": 1.0, "align_word": ""}
    weakest = min(scores, key=scores.get)
    weight = {w: (idf(w) if idf else 1.0) for w in scores}
    total = sum(weight.values()) or 1.0
    return {"align_min": round(scores[weakest], 3),
            "align_idf": round(sum(scores[w] * weight[w] for w in scores) / total, 3),
            "align_word": weakest, "align_scores": {w: round(s, 3) for w, s in scores.items()}}


# --- the focus check ------------------------------------------------------------------------------
FOCUS_CHECK = False  # (#13 round 13) measured, OFF: see benchmarks/results/rag_issue13_round13_abstention.md
FOCUS_THRESHOLD = 0.25  # chosen on the four tuning sets (round 13 results, section 3)
_FOCUS_STOP = frozenset("of for in on to does do did is are was were can could should will would has have had "
                        "from that with by at when if my i you we it its this".split())
_VERSION_WORDS = frozenset({"version", "releas"})
_QUANTITY_WORDS = frozenset({"size", "port", "timeout", "number", "count", "limit", "length", "salari", "price", "cost",
                             "amount", "delay", "maximum", "minimum"})


def focus_word(question: str) -> str | None:
    """The stem of what a "which/what X ..." question asks for: the last word of the noun phrase after
    the wh-word (at most three words; "kind of" skipped). None for other questions."""
    m = re.match(r"\s*(?:which|what)\s+(?:(?:is|are|was|were)\s+)?(?:(?:the|a|an)\s+)?"
                 r"(?:(?:kind|kinds|sort|type|types)\s+of\s+)?(.*)", question, re.I)
    if not m:
        return None
    words: list[str] = []
    for w in re.findall(r"[\w\-/.]+", m.group(1)):
        if w.lower() in _FOCUS_STOP or (w.lower().endswith("ed") and words):
            break
        words.append(w)
        if len(words) == 3:
            break
    stems = content_words(words[-1]) if words else set()
    return min(stems) if stems else None


def _holds_value(focus: str, text: str) -> bool:
    if focus in _VERSION_WORDS:
        return bool(re.search(r"\d+\.\d+", text))
    if focus in _QUANTITY_WORDS:
        return bool(re.search(r"\d", text))
    return False


def check(question: str, quote_texts: list[str], names: list[str], threshold: float | None = None) -> dict | None:
    """None when the question's focus is in the quotes (or it has none); else the word, its best
    cosine and whether the check fires. Encodes only when the focus word's stem is absent."""
    focus = focus_word(question)
    if focus is None:
        return None
    passage = " ".join(quote_texts + names)
    if focus in content_words(passage):
        return None
    threshold = FOCUS_THRESHOLD if threshold is None else threshold
    (qwords, qvecs), (_, pvecs) = word_vectors([question, passage])
    scores = [float((pvecs @ v).max()) for w, v in zip(qwords, qvecs) if focus in content_words(w)] if len(pvecs) else []
    best = max(scores) if scores else 0.0
    word = next((w for w in qwords if focus in content_words(w)), focus)
    holds = _holds_value(focus, " ".join(quote_texts))  # the quotes' own words: "Section 1" states no size
    return {"focus": word, "cosine": round(best, 3), "holds_value": holds, "fired": best < threshold and not holds}
