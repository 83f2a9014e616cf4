"""Answer type: does a candidate sentence have the form of an answer to this kind of question?

    adjustment("Which tar flag compresses with gzip?", "-z, --gzip Filter the archive through gzip(1).")  # +0.25

The quote ranking (extractive.py) scores sentences by meaning and by the question words they
hold. On reference documents (manual pages, API references) that favours a general sentence
about the topic over the entry that answers: for "How do I keep find from descending into a
directory?" a long overview sentence about find's directory walk outranked "-prune True; if the
file is a directory, do not descend into it". A question asking for a means (how do I ...,
which option/flag/command/method ...) is answered by a definition entry (a sentence that
starts with an option or a callable), so such entries get a small bonus for such questions.
A usage synopsis ("tar --create [--file ARCHIVE] [OPTIONS] [FILE...]") is never a quote: it
names a command's arguments but states nothing.
"""
from __future__ import annotations

import re

# a definition entry: starts with options ("-z, --gzip", "-e escape_char", "-size n[cwbkMG]")
# or a callable ("str.rjust(width[, fillchar])")
_ENTRY = re.compile(r"^(?:-{1,2}[A-Za-z0-9?][\w?-]*(?:[ =][\w.:\[\]|<>-]+)?(?:,\s+|\s+))+\S"
                    r"|^[A-Za-z_][\w.]*\([^)]*\)\s+\S")
# questions that ask for a means to do something, or for an option/command by its effect
_MEANS = re.compile(r"^\s*(?:how\s+(?:do|can|could|would|should)\s+(?:i|you|we|one)\b"
                    r"|(?:which|what)\b[^?]*\b(?:option|flag|switch|test|command|argument|method|function"
                    r"|variable|setting)s?\b)", re.IGNORECASE)
_SYNOPSIS = re.compile(r"\[[^\]]+\][^\[]*\[[^\]]+\]")
# on the 0..1 scale of the quote score (0.6 x cosine + 0.4 x coverage). #13 round 9, tuning sets
# (`benchmarks/rag.py --grounded --systems extractive extractive+eb25 extractive+eb35`, with whole-entry
# coverage): long 0.709 / 0.727 / 0.727 at 0.15 / 0.25 / 0.35 (gains find -user and tar -z, loses
# less's "?pattern", which is a command, not an option entry), sample 0.825 at each
ENTRY_BONUS = 0.25


def asks_for_means(question: str) -> bool:
    return bool(_MEANS.search(question))


def is_definition_entry(sentence: str) -> bool:
    return bool(_ENTRY.match(sentence.lstrip()))


def is_usage_synopsis(sentence: str) -> bool:
    """Two or more [bracketed] arguments and no full stop: a command's usage line."""
    text = sentence.strip()
    return bool(_SYNOPSIS.search(text)) and not text.endswith(".")


def adjustment(question: str, sentence: str, means: bool | None = None) -> float:
    """Added to a candidate quote's score; `means` = asks_for_means(question), precomputed."""
    means = asks_for_means(question) if means is None else means
    return ENTRY_BONUS if means and is_definition_entry(sentence) else 0.0
