"""A model sentence that is one passage sentence with another subject (#13 round 24).

The bundled model copies a passage sentence and puts the subject of the question, or of the sentence
beside it, in front: "The labeling app is a Gradio app that generates pictures ..." where the passage
says it of the text-to-image app. All but one of its content words are in that passage sentence, and
the join falls at a clause boundary ("... a Gradio app | that generates ..."), so the word-share and
splice rules of grounding.py let it pass.

    why = subject_swap(words, sources, content_words, same_meaning)   # "" when it is not one

The sentence is a swap when the longest run of words it shares with one passage sentence, ending at the
sentence's end, leaves only a short head (HEAD_WORDS at most) and is RUN_WORDS long or more, the head
names content words that passage sentence nowhere contains, and the passage sentence's own head (its
words before the run) names content words the sentence lacks. A head that means the same as the
passage's ("Staff" for "Employees": `same_meaning`) is a paraphrase, not a swap; a passage head with a
pronoun or no content word of its own ("It stores ...", "He shall hold ...") lets the sentence name what
it refers to.
"""
from __future__ import annotations

from typing import Callable

HEAD_WORDS = 6     # the sentence's words before the copied run, at most
RUN_WORDS = 5      # the copied run, at least ...
RUN_SHARE = 0.6    # ... and this share of the sentence's words
# a passage head with one of these refers to something named elsewhere ("He shall hold his Office ..."):
# the sentence may name it ("The President holds his Office ...")
# round 24 v2: the passage head must name a thing ("The text-to-image app ..."), opening with an article: a
# heading word run into its sentence ("AUTHOR Written by ...") or a determiner ("Both use ...") names none.
# False = v1 (any head)
NAMED_HEADS = True
PRONOUNS = frozenset("he she it they we you i this these those its their his her there".split())


def copied_tail(words: list[str], sources) -> tuple[object, int, int] | None:
    """(source, where the run starts in it, where it starts in `words`) of the longest run of words that
    ends at the sentence's end and stays inside one passage sentence; None when no such run exists."""
    if len(words) < 3:
        return None
    best = None
    for src in sources:
        for p in src.trigrams.get(tuple(words[-3:]), ()):
            j, q, sentence = len(words) - 3, p, src.sentence_of(p)
            while j > 0 and q > 0 and words[j - 1] == src.tokens[q - 1] and src.sentence_of(q - 1) == sentence:
                j, q = j - 1, q - 1
            if best is None or j < best[2]:
                best = (src, q, j)
    return best


def subject_swap(words: list[str], sources, content_words: Callable[[str], set[str]],
                 same_meaning: Callable[[str, str], bool]) -> str:
    """Why the sentence (lower-cased word tokens) is a passage sentence with another subject, or ""."""
    found = copied_tail(words, sources)
    if found is None:
        return ""
    src, q, j = found
    run = len(words) - j
    if not 1 <= j <= HEAD_WORDS or run < RUN_WORDS or run < RUN_SHARE * len(words):
        return ""
    sentence = src.sentence_of(q)
    first = q
    while first > 0 and src.sentence_of(first - 1) == sentence:
        first -= 1
    last = q
    while last + 1 < len(src.tokens) and src.sentence_of(last + 1) == sentence:
        last += 1
    head, their_head = " ".join(words[:j]), " ".join(src.tokens[first:q])
    if PRONOUNS & set(src.tokens[first:q]) or (NAMED_HEADS and src.tokens[first:first + 1] not in (["the"], ["a"], ["an"])):
        return ""
    missing = content_words(head) - content_words(" ".join(src.tokens[first:last + 1]))
    theirs = content_words(their_head) - content_words(" ".join(words))
    if not missing or not theirs or same_meaning(head, their_head):
        return ""
    return f"it says '{head}' where the passage says '{their_head}'"
