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
# a command key's entry in a definition list counts as a definition entry too: a short term alone at
# the start of a line ("?pattern", "m", "ESC-} or ^RIGHTARROW", "~.") whose description follows on
# the next, deeper-indented line or after two spaces, as less(1)'s and ssh(1)'s command lists lay
# them out. Off: #13 round 10 measured long 0.727 -> 0.764 with it (less "?pattern" and "F"), but
# the held-out sets lost 5 answers and gained 2 (benchmarks/results/rag_issue13_round10.md).
# False = option and callable entries only
TERM_ENTRIES = False
# in prose (READMEs, guides) a question asking for a means is answered by an instruction: a
# sentence that tells the reader what to do, alone or after an "If ..., " / "To ..." clause ("If you
# want to use it all the time, drop it in your $PATH and put the following in your git
# configuration:", "To disable this behavior use the ... flag."). #13 round 11 (`benchmarks/rag.py
# --grounded --systems "extractive (round 10)" extractive+instructions`): dev prose 0.787 -> 0.809 alone,
# sample and long unchanged. 0 = off (round 10)
INSTRUCTION_BONUS = 0.1
_VERBS = (r"(?:use|run|set|add|put|drop|install|call|pass|give|type|press|specify|configure|enable|disable|"
          r"remove|delete|create|edit|copy|start|stop|invoke|change|append|export|write|define|choose|select|"
          r"open|try|load|include|replace|apply|enter|pick|do\s+not|don't|avoid)\b(?!\s+of\b)")
# "To X use Y" needs no comma; an "If/When ..." clause does ("If you later use the -P option, -noleaf
# will still be in effect." is a condition, not an order)
_INSTRUCTION = re.compile(r"^[\s*•]*(?:to\b[^.;:,]{0,80}?\s+(?=" + _VERBS + r")"
                          r"|(?:if|when|once|to|for)\b[^.;:]{0,120}?,\s*)?(?:just\s+|simply\s+|then\s+)?" + _VERBS,
                          re.IGNORECASE)
_TERM = re.compile(r"([ \t]*)(\S{1,20}(?:(?: or |, )\S{1,20}){0,3})(?:[ \t]{2,}|[ \t]*\n(?P<indent>[ \t]+))\S")


def asks_for_means(question: str) -> bool:
    return bool(_MEANS.search(question))


def is_definition_entry(sentence: str) -> bool:
    return bool(_ENTRY.match(sentence.lstrip()))


def is_term_entry(chunk: str, start: int) -> bool:
    """The sentence at `start` of a chunk's raw text begins a definition-list entry: it opens a
    line with a short term whose description is indented deeper (next line) or set off by spaces."""
    line_start = chunk.rfind("\n", 0, start) + 1
    if chunk[line_start:start].strip():  # the sentence starts inside a line: prose
        return False
    m = _TERM.match(chunk, line_start)
    if not m or m.start(2) != start + len(chunk[start:]) - len(chunk[start:].lstrip(" \t")):
        return False
    indent = m.group("indent")
    return indent is None or len(indent.expandtabs()) > len(m.group(1).expandtabs())


def is_instruction(sentence: str) -> bool:
    """The sentence tells the reader what to do ("Use ...", "If ..., drop it in ...", "To X use Y")."""
    return bool(INSTRUCTION_BONUS) and bool(_INSTRUCTION.match(sentence.strip()))


def is_usage_synopsis(sentence: str) -> bool:
    """Two or more [bracketed] arguments and no full stop: a command's usage line."""
    text = sentence.strip()
    return bool(_SYNOPSIS.search(text)) and not text.endswith(".")


def adjustment(question: str, sentence: str, means: bool | None = None, term_entry: bool = False) -> float:
    """Added to a candidate quote's score; `means` = asks_for_means(question), precomputed;
    `term_entry`: the sentence opens a command key's entry (is_term_entry on its chunk)."""
    means = asks_for_means(question) if means is None else means
    if not means:
        return 0.0
    if is_definition_entry(sentence) or (TERM_ENTRIES and term_entry):
        return ENTRY_BONUS
    return INSTRUCTION_BONUS if is_instruction(sentence) else 0.0
