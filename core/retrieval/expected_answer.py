"""Expected answer: what kind of thing a question asks for, and whether the quotes hold one (#13 round 16).

    expected("Which version of Perl does diff-highlight require?")   # Expected("version", ...)
    holds(expected(q), [quote texts])                                  # False: no version number

Most unanswerable questions the scores let through ask about the right topic for a thing the
documents never state: "Which port does the git daemon listen on by default?" quotes "The git
daemon by default looks into the directory /var/lib/git/ ...", which holds every question word
but "port" and "listen". Many answerable paraphrases miss question words too, so missing words
alone cannot tell them apart (round 13 measured that by meaning). What can is the *type* of the
answer, read from the question's form:

  * version: "Which version of Perl ...", "What is the minimum Coccinelle version ...", "Since
    which version ..." want a version number; a quote with no standalone number ("bm25s" and
    "HTTP/2" hold digits inside a name) cannot be that answer;
  * number: "Which port ...", "What is the default timeout ...", "What is the salary ..." want a
    number; likewise (digits inside names such as ~/.ssh/id_ed25519 do not count);
  * feature: "Does aiohttp_retry support HTTP/2?", "Does Typer support asyncio commands?" ask
    whether a thing has a feature; a yes or no needs a quote that names the feature (one of its
    content words), not a sentence about the thing alone.

`check(question, quote_texts)` returns None when the question has none of these forms, else the
type, what was looked for and whether a quote holds it. Abstention (`abstention.check_evidence`)
vetoes an answer when no quote does. Off by default: see docs/rag.md and
benchmarks/results/rag_issue13_round16_abstention.md for what it measured.
"""
from __future__ import annotations

import re

from core.retrieval.grounding import content_words

# the switch (abstention.check_evidence reads it); benchmarks/rag.py system "extractive+expected" turns it on
EXPECTED_ANSWER_CHECK = False
# which of the three types the check uses (benchmarks may narrow it)
TYPES = ("version", "number", "feature")

# the wh-word's head noun, at most three words after "the" (not across "of", "for", a verb ...)
_HEAD = (r"^\s*(?:since\s+|in\s+|from\s+|as\s+of\s+|until\s+)?(?:what|which)(?:\s+is|\s+are|\s+was|'s)?"
         r"(?:\s+the)?((?:\s+(?!(?:of|for|in|on|to|by|with|from|does|do|did|is|are|was|were|can|will|should)\b)"
         r"[\w-]+){{0,3}}?)\s+({nouns})s?\b")
_VERSION = re.compile(_HEAD.format(nouns="version|release"), re.IGNORECASE)
# measures whose value is a number; "option", "flag" ... after one make it a name ("Which port option ...?")
NUMBER_NOUNS = "port|timeout|salary|wage|price|fee|size"
_NUMBER_Q = re.compile(_HEAD.format(nouns=NUMBER_NOUNS) + r"(?!\s+(?:option|flag|setting|argument|command|variable"
                       r"|parameter|name|field|keyword|format|unit|type)s?\b)", re.IGNORECASE)
# a standalone number: not inside a word or a name ("bm25s", "id_ed25519", "HTTP/2", "x86_64"), "v1.7.2" counts
# also a product token's version after its name and a slash ("fetcher/2.4.1", "curl/8.5.0"), dotted, so that a
# path's number ("/dev/sda1", "api/2/items") stays none
_STANDALONE = re.compile(r"(?<![A-Za-z_/\d.-])v?\d+(?:\.(?:\d+|\*|x))*(?![A-Za-z_\d])"
                         r"|(?<=[A-Za-z]/)v?\d+(?:\.\d+)+(?![A-Za-z_\d])")
_NUMBER_WORD = re.compile(r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|sixty|hundred|thousand|million|billion|unlimited|infinite|no\s+limit)\b",
                          re.IGNORECASE)
# "Does X support Y?": the feature is Y
_FEATURE = re.compile(r"^\s*(?:does|do|did|will|would|can|could)\s+(.+?)\s+(?:support|provide|offer|include|have"
                      r"|come\s+with|work\s+with|run\s+on|integrate\s+with)s?\s+(.+?)\s*\??\s*$", re.IGNORECASE)
# words that name no feature of their own ("a SHA-256 *function*", "YAML *output*")
_GENERIC = content_words("anything something feature features option options support way kind type method mode "
                         "function functions output input file files command commands")


def expected(question: str) -> tuple[str, set[str] | None] | None:
    """(type, the feature's content words or None) for a question of one of the three forms, else None."""
    if "version" in TYPES and _VERSION.match(question):
        return "version", None
    if "number" in TYPES and _NUMBER_Q.match(question):
        return "number", None
    m = _FEATURE.match(question) if "feature" in TYPES else None
    if m:
        words = content_words(m.group(2)) - content_words(m.group(1)) - _GENERIC
        if words:
            return "feature", words
    return None


# (#13 session 39) a number written as code is no version: after "=" (`sleep=0.25`), inside brackets (`IPv[46]`), or
# in parentheses straight after a word (`JQ(1)`, a man page's section; `f(2)`); "Python (3.7)" still counts.
# benchmarks/results/rag_issue13_session39_code_numbers.md
CODE_NUMBERS_ARE_NOT_VERSIONS = False
_ASSIGNED = re.compile(r"=\s*$")
_OPENED = re.compile(r"(?:\[|(?<=[A-Za-z])\()\s*$")  # "[" or "(" straight after a word
_CLOSED = re.compile(r"^\s*[\])]")


def states_version(text: str) -> bool:
    """Whether the text holds a standalone number that can be a version (see CODE_NUMBERS_ARE_NOT_VERSIONS)."""
    if not CODE_NUMBERS_ARE_NOT_VERSIONS:
        return bool(_STANDALONE.search(text))
    for m in _STANDALONE.finditer(text):
        before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
        if not (_ASSIGNED.search(before) or _OPENED.search(before) and _CLOSED.match(after)):
            return True
    return False


def states_number(text: str) -> bool:
    return bool(_STANDALONE.search(text) or _NUMBER_WORD.search(text))


def check(question: str, quotes: list[str]) -> dict | None:
    """None when the question asks for none of the three types; else {"type", "looked_for", "held"}."""
    want = expected(question)
    if want is None or not quotes:
        return None
    kind, words = want
    if kind == "feature":
        quoted = content_words(" ".join(quotes))
        return {"type": kind, "looked_for": sorted(words), "held": bool(words & quoted)}
    # a version also reads as a number ("Python 3", "since 4.0.0"); a number word does not make a version
    held = any(states_version(q) if kind == "version" else states_number(q) for q in quotes)
    return {"type": kind, "looked_for": ["a version number" if kind == "version" else "a number"], "held": held}
