"""Reference documentation as the injection classifier reads it (man pages, option lists).

A sentence that names a command-line option ("If -depth is given, then -prune has no effect.",
"+G causes less to ...") and speaks of no assistant, prompt or rules describes a program. Both
halves of the sentence classifier read some such sentences as attacks (0.65 n-gram, 0.99
embedding for the -prune sentence), and one of them dropped a whole manual entry from the RAG
context. For such a sentence the classifier does not count (its probability is held at the
floor); the rules and the similarity check read it as before.
Chosen on the chatbot's long-document corpus and man pages of this machine, never a held-out set.
"""
from __future__ import annotations

import re

OPTION_SENTENCE_CAP = 0.5  # classifier probability cap: the floor, where it counts nothing

_OPTION = re.compile(r"(?<![\w/.-])(?:--?|\+)[A-Za-z][\w-]*")
# a sentence that speaks to or about an assistant is never excused as documentation
_ADDRESSES_AI = re.compile(
    r"\b(?:ai|assistants?|chat\s?bots?|bots?|llms?|language\s+models?|models?|gpt|prompts?|instructions?|"
    r"rules|guidelines|polic(?:y|ies)|restrictions|filters?|safety|jailbreak\w*|persona|system\s+message|"
    r"developer\s+mode|secrets?|passwords?|confidential|reveal|ignore|disregard|forget|pretend|obey)\b", re.I)


def option_sentence(seg: str) -> bool:
    """A sentence that names a command-line option and addresses no assistant (see above)."""
    return bool(_OPTION.search(seg)) and not _ADDRESSES_AI.search(seg)
