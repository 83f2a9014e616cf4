"""Key terms: the words of a question an answer cannot do without, and whether the passages have them.

    missing_terms("What does curl's exit code 120 mean?", hits)  # ['120']

A near-miss question ("What does json.dumps's skipnulls parameter do?") shares every word but
one with a real passage, so coverage and cosine similarity rate it like an answerable
paraphrase. The one word that differs is nearly always a *key term*: a number, a quoted
string, an option (`-x`, `--foo`), an identifier (snake_case, dotted.name, CamelCase, a word
with digits), an acronym or a capitalised name. If the retrieved passages never mention a key
term, they cannot answer a question about it, whatever the scores say; plain words are left to
the calibrated abstention (a paraphrase rarely reuses them).
"""
from __future__ import annotations

import re

from core.retrieval import bm25
from core.retrieval.spelling import spellings

# one pattern per kind, tried in this order; a later kind does not re-take a matched span
_KINDS = (
    ("quoted", re.compile(r"\"([^\"]{2,60})\"|`([^`]{1,60})`|(?<!\w)'([^']{2,60})'(?!\w)")),
    ("option", re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")),
    ("identifier", re.compile(
        r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?![\w])"  # dotted.name
        r"|(?<![\w.])(\w*_\w+)(?![\w.])"  # snake_case
        r"|(?<![\w.])([A-Z]?[a-z]+[A-Z]\w*)(?![\w.])"  # CamelCase / camelCase
        r"|(?<![\w.])([A-Za-z]+\d\w*|\d+[A-Za-z]\w*)(?![\w.])")),  # words with digits: ZIP64, 7z
    ("number", re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?![\w])")),
    ("acronym", re.compile(r"(?<![\w])([A-Z]{2,}s?)(?![\w])")),
    ("name", re.compile(r"(?<=[\w,;)] )([A-Z][a-z]+(?:[A-Z][a-z]+)*)(?![\w])")),  # capitalised, not first word
)
# abbreviations that look like dotted names but carry no subject; ordinals, which documents
# often write otherwise ("the Second Amendment" is "Amendment II")
_NOT_TERMS = {"e.g", "i.e", "etc", "vs", "OK", "FAQ", "First", "Second", "Third", "Fourth", "Fifth", "Sixth",
              "Seventh", "Eighth", "Ninth", "Tenth", "Last", "Next"}
_NUMBER_WORDS = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
                 "7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve",
                 "20": "twenty", "100": "hundred", "1000": "thousand"}
_SUFFIXES = ("s", "es", "ed", "d", "ing", "'s")


def _skipped_kinds(text: str) -> set[str]:
    """A Title Case question capitalises every word and an ALL CAPS one makes every word look
    like an acronym: then capitals say nothing about which words are names."""
    words = re.findall(r"[A-Za-z]+", text)[1:]  # the first word is capitalised anyway
    if len(words) < 3:
        return set()
    if sum(w.isupper() and len(w) > 1 for w in words) > len(words) / 2:
        return {"acronym", "name"}
    if sum(w[0].isupper() for w in words) > len(words) / 2:
        return {"name"}
    return set()


def key_terms(question: str) -> list[tuple[str, str]]:
    """(kind, term) for each key term of the question, in order of appearance, no repeats."""
    text = re.sub(r"(\w)['’]s\b", r"\1", question)  # possessive: "curl's" -> "curl"
    skipped = _skipped_kinds(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []
    for kind, pattern in _KINDS:
        if kind in skipped:
            continue
        for m in pattern.finditer(text):
            term = next(g for g in m.groups() if g is not None).strip().rstrip(".")
            a, b = m.span()
            if any(a < y and x < b for x, y in taken) or term in _NOT_TERMS or len(term) < 2 and kind != "number":
                continue
            taken.append((a, b))
            found.append((a, kind, term))
    seen, out = set(), []
    for _, kind, term in sorted(found):
        if term.lower() not in seen:
            seen.add(term.lower())
            out.append((kind, term))
    return out


def _variants(term: str) -> set[str]:
    """The term and its simple stems, so "meetings" finds "meeting" and "copied" finds "copy"."""
    t = term.lower()
    out = {t}
    for suffix in _SUFFIXES:
        if t.endswith(suffix) and len(t) - len(suffix) >= 3:
            out.add(t[: -len(suffix)])
    if t.endswith("ies") and len(t) > 4:
        out.add(t[:-3] + "y")
    if t in _NUMBER_WORDS:
        out.add(_NUMBER_WORDS[t])
    if bm25.US_SPELLING:  # "Licence" is mentioned by a page that says "License" (spelling.py)
        out = set().union(*(spellings(v) for v in out))
    return out


def mentions(term: str, text: str, kind: str = "") -> bool:
    """Whether `text` mentions `term`: case-insensitive, as a whole token, tolerant of a plural
    or simple inflection on either side. A dotted name counts when its last part is there
    ("subprocess.run" in a page that documents run() under its module's heading)."""
    low = text.lower()
    terms = [term]
    if kind == "identifier" and "." in term:
        terms.append(term.rsplit(".", 1)[1])
    if kind == "quoted":
        return " ".join(term.lower().split()) in " ".join(low.split())
    edge = r"[\w-]" if kind == "option" else r"\w"
    for t in terms:
        for v in _variants(t):
            if re.search(rf"(?<!{edge}){re.escape(v)}(?:s|es|ed|d|ing|ies)?(?!{edge})", low):
                return True
    return False


# (session 31) A visitor often sets the scene before asking ("Our Jenkins log is full of progress bar lines. Can I
# make it update less often?"): the names in the scene are the visitor's, not the documents'. With this switch, a
# question of several sentences takes its key terms only from the sentences that ask (those ending in "?", else the
# last one). On since session 37, by a confirmatory rule on a set nobody had run (held-out 13: 25 -> 29 of 60 correct,
# answerable refused 14 -> 6, unanswerable refused 22 = 22; fifteen held-out sets 406 -> 414 of 677, unanswerable
# refused 171 -> 169; tuning sets 305 -> 307 of 427, 78 -> 76 of 109;
# benchmarks/results/rag_issue13_session37_asking_sentences.md). False = every sentence's terms count.
ASKING_SENTENCES_ONLY = True
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])")  # "e.g. this" does not end a sentence


def asking_part(question: str) -> str:
    """The sentences of a question that ask: those ending in "?", else the last sentence; the whole text if one."""
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    if len(sentences) < 2:
        return question
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return " ".join(asking or sentences[-1:])


def missing_terms(question: str, passages: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(the question's key terms, those no passage mentions)."""
    terms = key_terms(asking_part(question) if ASKING_SENTENCES_ONLY else question)
    joined = "\n".join(passages)
    return terms, [t for kind, t in terms if not mentions(t, joined, kind)]
