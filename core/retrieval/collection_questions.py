"""Questions about the collection itself ("Which documents do you have?"), which no passage answers.

    asks_about_collection("Which documents do you have?")          # True
    asks_about_collection("Which documents must accompany a copy?") # False: a question about what they say

Asked as a visitor of the sample corpus (session 40), "Which documents do you have?" was answered with the Apache
licence's definition of "Source" form: the words "documents" and "have" matched it. The chain answers such a
question with the collection's document list instead, marked as no answer from the documents. Only whole questions
of these shapes count, so "List the documents required to join" stays a question about the documents' content.
"""
from __future__ import annotations

import re

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
