"""Questions no passage can answer, told by their shape before the scores are read (found asking the sample corpus
as a visitor, session 40; each was answered with an unrelated quote):

    has_words("???")                                                # False: the chain refuses it with a clear error
    names_something("What can you do?")                             # False: it abstains, "names nothing to look for"
    asks_about_collection("Which documents do you have?")          # True: the collection's document list instead
    asks_about_collection("Which documents must accompany a copy?") # False: a question about what they say

"Which documents do you have?" quoted the Apache licence's definition of "Source" form (the words "documents" and
"have" matched it). Only whole questions of these shapes count, so "List the documents required to join" stays a
question about the documents' content.
"""
from __future__ import annotations

import re

from core.retrieval.grounding import content_words

_KINDS = r"(?:documents|docs|files|sources|texts|pdfs)"
_WHOLE = re.compile(
    rf"^\s*(?:(?:which|what)\s+{_KINDS}\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+(?:there|loaded|available|uploaded"
    rf"|in\s+(?:this|the|my)\s+collection)(?:\s+here)?)"
    rf"|(?:please\s+)?(?:list|show)(?:\s+me)?\s+(?:the|all|your|all\s+the|all\s+your)\s+{_KINDS}(?:\s+you\s+have)?"
    rf"|what(?:'s|\s+is)\s+in\s+(?:this|the|my)\s+collection)"
    r"(?:\s*,?\s*please)?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_about_collection(question: str) -> bool:
    """Whether the whole question asks which documents the collection holds."""
    return _WHOLE.match(question) is not None


def collection_answer(documents: list[str]) -> str:
    """What the chat shows for such a question: the documents, and that this is no answer from them."""
    if not documents:
        return "This collection holds no documents yet: upload files or load the sample corpus."
    names = ", ".join(sorted(documents)[:20]) + (f" and {len(documents) - 20} more" if len(documents) > 20 else "")
    return (f"This collection holds {len(documents)} document{'s' if len(documents) != 1 else ''}: {names}. "
            "I answer from what they say: ask about their content.")


def has_words(question: str) -> bool:
    """Whether a question has a letter or digit (any script) to search for: "???", "..." or an emoji alone matched
    arbitrary passages, and the abstention, with no question words to weigh, answered them."""
    return _WORD_CHAR.search(question) is not None


_WORD_CHAR = re.compile(r"[^\W_]")


def names_something(question: str) -> bool:
    """Whether a question names anything a passage could hold beyond question words, pronouns and fillers ("What
    can you do?", "What is this about?" and "Who are you?" name nothing: they quoted the Apache licence's "You may
    act only on Your own behalf" and "decodes about 25 tokens per second")."""
    return bool(content_words(question) - _FILLERS)


# pronouns and fillers that the content-word list keeps (it drops only BM25's stop words and question words), as
# content_words stems them ("very" -> "veri")
_FILLERS = frozenset(content_words("""i me my mine myself you your yours yourself we us our ours they them their he
him his she her it its this that these those about have has had having am been being here there now then just so very
really again ever"""))
