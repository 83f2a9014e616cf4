"""Follow-up questions: chat history in any message format, and the standalone question.

    history = normalize_history(gradio_messages)      # [{"role", "content": str}]
    q = standalone_question("and when do they expire?", history, rewrite=None)
    q.text, q.method                                   # what retrieval searches for, and how it was made

Gradio 6 sends message content as a list of parts ([{"type": "text", "text": ...}]), older
versions as a string, and some clients as (user, assistant) pairs; every one of them must
keep earlier turns, or a follow-up loses its subject.

A follow-up ("and when do they expire?") names its subject only through the conversation.
A small model's rewrite is often worse than the question (it drifts or answers instead), so
a rewrite is used only when it keeps words of both the conversation and the follow-up;
otherwise the standalone question is the previous question followed by the follow-up, which
retrieval handles well (both carry the subject's words). The chain asks for a rewrite only when
GENAI_MODEL_REWRITE is on: the bundled model's rewrite found turn 2's passage no more often than
that fallback (benchmarks/followup.py) and costs a generation before any retrieval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from core.retrieval.grounding import content_words

_SOURCES_TAIL = re.compile(r"\n\n\*\*Sources\*\*.*\Z|\n\n<details.*\Z", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]{1,200}>")


def _text_of(content: Any) -> str:
    """Plain text of a message's content: a string, a part, a list of parts, or a file/component."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        if content.get("type") == "text" or "text" in content:
            return str(content.get("text") or "")
        return ""  # a file, image or component part carries no text for the conversation
    if isinstance(content, (list, tuple)):
        return " ".join(t for t in (_text_of(p) for p in content) if t).strip()
    text = getattr(content, "text", None)  # gradio's TextMessage-like objects
    return text if isinstance(text, str) else ""


def normalize_history(history: Any) -> list[dict]:
    """[{"role": "user"|"assistant", "content": str}] from messages (dicts or objects) or pairs."""
    out: list[dict] = []
    for m in history or []:
        if isinstance(m, (list, tuple)) and len(m) == 2 and not isinstance(m[0], dict):
            pairs = (("user", m[0]), ("assistant", m[1]))  # the old (user, bot) tuple format
        elif isinstance(m, dict):
            pairs = ((m.get("role"), m.get("content")),)
        else:
            pairs = ((getattr(m, "role", None), getattr(m, "content", None)),)
        for role, content in pairs:
            if role not in ("user", "assistant"):
                continue
            text = _text_of(content)
            if role == "assistant":
                text = _HTML_TAG.sub("", _SOURCES_TAIL.sub("", text))
            text = text.strip()
            if text and text != "…":
                out.append({"role": role, "content": text})
    return out


_FOLLOW_UP_START = re.compile(r"^\s*(and|but|also|so|then|what about|how about|and what|why not)\b", re.I)
_PRONOUN = re.compile(r"\b(it|its|they|them|their|theirs|this|that|these|those|he|she|his|her|him|one|ones|"
                      r"there|same|former|latter)\b", re.I)


def depends_on_conversation(question: str) -> bool:
    """A follow-up leans on earlier turns: it starts with "and ..."/"what about ...", points back
    with a pronoun, or names too little to stand alone. "What does the dental insurance
    cover?" after another question is a new question, not a follow-up."""
    return bool(_FOLLOW_UP_START.search(question) or _PRONOUN.search(question)
                or len(content_words(question)) <= 1)


@dataclass
class Standalone:
    text: str  # what retrieval searches for
    method: str  # "as asked" | "model rewrite" | "previous question + follow-up"
    rewrite: str | None = None  # the model's rewrite, also when it was not used


def standalone_question(question: str, history: list[dict],
                        rewrite: Callable[[str, list[dict]], str] | None = None) -> Standalone:
    """The question to retrieve with; `rewrite(question, history)` asks a model (optional)."""
    previous = [t["content"] for t in history if t["role"] == "user"]
    if not previous or not depends_on_conversation(question):
        return Standalone(question, "as asked")
    proposal = None
    if rewrite is not None:
        proposal = " ".join((rewrite(question, history) or "").split())[:300]
        convo_words = set().union(*(content_words(t["content"]) for t in history[-4:]))
        own = content_words(question)
        said = content_words(proposal)
        # keep the rewrite only if it carries the conversation's subject and the follow-up's point
        if proposal and len(proposal) < 250 and said & (convo_words - own) and (not own or said & own):
            return Standalone(proposal, "model rewrite", proposal)
    return Standalone(f"{previous[-1]} {question}", "previous question + follow-up", proposal)
