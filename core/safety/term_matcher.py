"""Word rules matched on normalised text, with allow-list entries as exceptions.

A term list is compiled into one regex per category. Terms go through the same
normalisation as the text (core/safety/normalize.py), so "décapité" and "decapite" are
one term. Whole words only; a trailing "*" matches any word ending ("porn*": porno,
pornographic); a space matches spaces, hyphens or nothing ("mole rat", "mole-rat", "molerat"); an English plural "s"/"es" is allowed;
"..." stands for up to two words in between ("naked ... ridge": "a naked, treeless ridge").

Allow entries ("sex on the beach", "naked eye") are exceptions, never deletions: a match
is excused only when it lies wholly inside an allow match of the same text, so "two
people having sex on the beach" still matches "having sex".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.safety.normalize import normalize


@dataclass(frozen=True)
class Match:
    term: str  # the matched text (normalised)
    start: int
    end: int


GAP = r"(?:[\s,\-]+[^\W\d_]+){0,2}?[\s,\-]+"


def compile_terms(terms: list[str]) -> re.Pattern | None:
    alts = set()
    for t in terms:
        t = t.strip()
        if not t:
            continue
        star = t.endswith("*")
        # "..." in an entry stands for up to two words ("naked ... ridge": "naked, treeless ridge")
        pieces = [normalize(p, collapse=False).split() for p in t.rstrip("*").split("...")]
        if not any(pieces):
            continue
        body = GAP.join(r"[\s\-]*".join(re.escape(w) for w in words)  # "mole-rat", "mole rat", "molerat"
                        for words in pieces)
        alts.add(body + (r"[^\W\d_]*" if star else r"(?:s|es)?"))
    if not alts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![^\W_])")


def find(rx: re.Pattern | None, text: str) -> list[Match]:
    return [Match(m.group(0), m.start(), m.end()) for m in rx.finditer(text)] if rx is not None else []


def excuse(matches: list[Match], allowed: list[Match]) -> list[Match]:
    """The matches NOT wholly inside an allow match (allow entries are exceptions)."""
    return [m for m in matches if not any(a.start <= m.start and m.end <= a.end for a in allowed)]


# a word of Latin letters with one or more letters of another script in it ("nцde")
_MIXED_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")


def _foreign(ch: str) -> bool:
    """A letter of another script (Cyrillic, Greek, ...), not an accented Latin one."""
    import unicodedata

    return ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN")


def single_words(terms: list[str]) -> list[str]:
    """The one-word terms of a list, normalised ("porn*" stays a prefix with its star)."""
    out = []
    for t in terms:
        words = normalize(t.rstrip("*"), collapse=False).split()
        if len(words) == 1 and len(words[0]) >= 3:
            out.append(words[0] + ("*" if t.strip().endswith("*") else ""))
    return out


def respell_foreign_letters(form: str, words: list[str]) -> str | None:
    """The form with each Latin word that holds a letter of another script with no Latin
    look-alike ("ц" in "nцde": the confusables table has none) read as the listed word it
    can stand for, that letter being any letter; None when no word changes. Only listed
    words are tried, so ordinary Russian or Greek words are never respelled."""
    def word(m: re.Match) -> str:
        w = m.group(0)
        if not any(c.isascii() for c in w) or not any(_foreign(c) for c in w):
            return w
        letters = ["[a-z]" if _foreign(c) else re.escape(c) for c in w]
        rx = re.compile("".join(letters))
        for t in words:
            if t.endswith("*"):
                # a prefix term: only the prefix must fit (the rest may hold foreign letters too)
                stem = t[:-1]
                if len(w) >= len(stem) and re.fullmatch("".join(letters[:len(stem)]), stem):
                    return stem + w[len(stem):]
            elif len(t) == len(w) and rx.fullmatch(t):
                return t
        return w
    out = _MIXED_WORD.sub(word, form)
    return out if out != form else None
