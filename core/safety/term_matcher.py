"""Word rules matched on normalised text, with allow-list entries as exceptions.

A term list is compiled into one regex per category. Terms go through the same
normalisation as the text (core/safety/normalize.py), so "décapité" and "decapite" are
one term. Whole words only; a trailing "*" matches any word ending ("porn*": porno,
pornographic); a space matches spaces, hyphens or nothing ("mole rat", "mole-rat", "molerat"); an English plural "s"/"es" is allowed.

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


def compile_terms(terms: list[str]) -> re.Pattern | None:
    alts = set()
    for t in terms:
        t = t.strip()
        if not t:
            continue
        star = t.endswith("*")
        words = normalize(t.rstrip("*"), collapse=False).split()
        if not words:
            continue
        body = r"[\s\-]*".join(re.escape(w) for w in words)  # "mole-rat", "mole rat", "molerat"
        alts.add(body + (r"[^\W\d_]*" if star else r"(?:s|es)?"))
    if not alts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![^\W_])")


def find(rx: re.Pattern | None, text: str) -> list[Match]:
    return [Match(m.group(0), m.start(), m.end()) for m in rx.finditer(text)] if rx is not None else []


def excuse(matches: list[Match], allowed: list[Match]) -> list[Match]:
    """The matches NOT wholly inside an allow match (allow entries are exceptions)."""
    return [m for m in matches if not any(a.start <= m.start and m.end <= a.end for a in allowed)]
