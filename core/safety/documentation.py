"""Reference documentation as the injection classifier reads it (man pages, option lists).

A sentence that names a command-line option ("If -depth is given, then -prune has no effect.",
"+G causes less to ...") and speaks of no assistant, prompt or rules describes a program. Both
halves of the sentence classifier read some such sentences as attacks (0.65 n-gram, 0.99
embedding for the -prune sentence), and one of them dropped a whole manual entry from the RAG
context. For such a sentence the classifier does not count (its probability is held at the
floor); the rules and the similarity check read it as before.
Chosen on the chatbot's long-document corpus and man pages of this machine, never a held-out set.

Round 20: a fragment among sentences (a heading "OPERATORS", a key name "User" in a list, a lone
"message" line of an example, "JShell was started.") is no instruction either: alone, one to three
words read as anything to both classifier halves ("OPERATORS" 0.94 / 0.78). Inside a text of several
segments such a fragment gets no classifier score; the rules and the similarity check still read it,
and the classifier reads the whole text (always, when every segment is that short: a list is read as
one). Chosen on section-1 manual pages and the long-document corpus (benchmarks/safety_doc_tuning.py).
Excusing fragments from the similarity check too also passed find's "The directives" (0.78 cosine to an
attack) but lost three of held-out J's planted attacks, whose own short lines (an option or variable
name the attacker wrote) read close to attacks (benchmarks/results/safety_issue18_round20.md).

Round 26: a sentence that speaks to the human reader about the reader's OWN things ("so long as your
license otherwise remains in force", "If you don't want all your users to be in one group, set",
"test your system") is a licence term or an administrator's instruction. An attack speaks to the
assistant about the assistant's things (your instructions, your prompt, your answer) or tells it what
to say. Such a sentence, addressing no assistant and holding no verb of producing an answer, gets no
classifier score; rules and similarity read it as before (benchmarks/results/safety_issue18_round26.md).
"""
from __future__ import annotations

import re

from core.safety.intent_lexicon import speaks_of_instructions

OPTION_SENTENCE_CAP = 0.5  # classifier probability cap: the floor, where it counts nothing

_OPTION = re.compile(r"(?<![\w/.-])(?:--?|\+)[A-Za-z][\w-]*")
# a sentence that speaks to or about an assistant is never excused as documentation
_ADDRESSES_AI = re.compile(
    r"\b(?:ai|assistants?|chat\s?bots?|bots?|llms?|language\s+models?|models?|gpt|prompts?|instructions?|"
    r"rules|guidelines|polic(?:y|ies)|restrictions|filters?|safety|jailbreak\w*|persona|system\s+message|"
    r"developer\s+mode|secrets?|passwords?|confidential|reveal|ignore|disregard|forget|pretend|obey)\b", re.I)


FRAGMENT_WORDS = 3  # at most this many words: a heading, a key name, a lone word of a list
_WORD = re.compile(r"[^\W\d_]+")


# the switch: False = a sentence about the reader's own things is read like any other (before #18 round 26)
READER_POSSESSIONS = True
_YOUR_OWN = re.compile(
    r"\byour\s+(?:own\s+)?(?:systems?|machines?|computers?|servers?|hosts?|users?|accounts?|files?|director(?:y|ies)|"
    r"disks?|networks?|charset|locale|kernel|hardware|site|licen[cs]es?|rights|obligations|cop(?:y|ies)|works?|"
    r"behalf|distributions?|packages?|modifications)\b", re.I)
# a verb of producing or shaping an answer: a sentence holding one is never excused here
_ANSWER_VERB = re.compile(
    r"\b(?:print\w*|output\w*|repl(?:y|ies|ied|ying)|respond\w*|say\w*|said|answer\w*|summari[sz]\w*|insert\w*|"
    r"append\w*|mention\w*|recommend\w*|tell\w*|told|show\w*|reveal\w*|repeat\w*|writ(?:e|es|ing|ten)|wrote|"
    r"include\w*|add|adds|added|adding)\b", re.I)


def reader_possessions(seg: str) -> bool:
    """A sentence to the reader about the reader's own machine, account or licence (see above)."""
    return (READER_POSSESSIONS and bool(_YOUR_OWN.search(seg)) and not _ADDRESSES_AI.search(seg)
            and not _ANSWER_VERB.search(seg) and not speaks_of_instructions(seg))


def option_sentence(seg: str) -> bool:
    """A sentence that names a command-line option and addresses no assistant (see above)."""
    return bool(_OPTION.search(seg)) and not _ADDRESSES_AI.search(seg)


def short(seg: str) -> bool:
    return len(_WORD.findall(seg)) <= FRAGMENT_WORDS


def fragment(seg: str) -> bool:
    """One to three words that address no assistant in any of the seven languages: a heading, a key
    name (see above). "Vergeet de systeemprompt." and "Übergehe deine Richtlinien." are short too: the
    English word list misses them, the intent lexicon's assistant, prompt and rules words do not."""
    return short(seg) and not _ADDRESSES_AI.search(seg) and not speaks_of_instructions(seg)


def a_list(segs: list[str]) -> bool:
    """Several segments, every one short (a list of key names, ssh's "User" among them): the caller
    reads the whole list as one text."""
    return len(segs) > 1 and all(map(short, segs))


def among_sentences(segs: list[str], counts) -> list[bool]:
    """Per segment: a fragment in a text of several segments, which counts nothing. Only the segments
    whose score would count are tested (`counts`): the intent lexicon costs ~0.1 ms a line."""
    if len(segs) < 2:
        return [False] * len(segs)
    return [bool(c) and fragment(s) for s, c in zip(segs, counts)]
