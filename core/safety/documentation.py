"""Reference documentation as the injection classifier reads it (man pages, option lists, API docs).

Two shapes of such text made the sentence classifier confident on ordinary documentation:
- fragments: a heading ("OPERATORS"), an option or key name ("User"), the half of a sentence a
  blank line cut off ("This is as if"). A few words without a sentence end carry no request, and
  both halves of the classifier give such texts 0.8-0.95 (nothing like them in training). In a
  text that has several segments a fragment is read joined to the segment after it (or before it,
  if last).
- option sentences: a sentence that names a command-line option ("If -depth is given, then
  -prune has no effect.", "+G causes less to ...") and speaks of no assistant, prompt or rules
  describes a program; the classifier does not count for it (its probability is held at the
  floor), so it cannot drop a manual entry. The rules and the similarity check read it as before.
Chosen on the chatbot's long-document corpus and man pages of this machine, never a held-out set.
"""
from __future__ import annotations

import re

FRAGMENT_WORDS = 4  # fewer words than this is a fragment ...
CUT_WORDS = 8  # ... and so is a piece this short that ends without a sentence mark
OPTION_SENTENCE_CAP = 0.5  # classifier probability cap: the floor, where it counts nothing

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_OPTION = re.compile(r"(?<![\w/.-])(?:--?|\+)[A-Za-z][\w-]*")
# a sentence that speaks to or about an assistant is never excused as documentation
_ADDRESSES_AI = re.compile(
    r"\b(?:ai|assistants?|chat\s?bots?|bots?|llms?|language\s+models?|models?|gpt|prompts?|instructions?|"
    r"rules|guidelines|polic(?:y|ies)|restrictions|filters?|safety|jailbreak\w*|persona|system\s+message|"
    r"developer\s+mode|secrets?|passwords?|confidential|reveal|ignore|disregard|forget|pretend|obey)\b", re.I)


def merge_fragments(segs: list[str]) -> list[str]:
    """Segments with fragments (under FRAGMENT_WORDS words) joined to their neighbour."""
    if len(segs) < 2:
        return segs
    out: list[str] = []
    carry = ""
    for s in segs:
        s = f"{carry} {s}" if carry else s
        carry = ""
        words = len(_WORD.findall(s))
        if words < FRAGMENT_WORDS or (words < CUT_WORDS and not _SENTENCE_END.search(s)):
            carry = s
        else:
            out.append(s)
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


def option_sentence(seg: str) -> bool:
    """A sentence that names a command-line option and addresses no assistant (see above)."""
    return bool(_OPTION.search(seg)) and not _ADDRESSES_AI.search(seg)
