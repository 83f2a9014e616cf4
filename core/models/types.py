"""Types every chat backend shares: the ChatModel protocol, its result, message validation.

Kept apart from the backends so that each backend imports only this (no import cycles).
`messages` are OpenAI-style dicts: [{"role": "system"|"user"|"assistant", "content": str}].
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterator, Protocol

from core.models.sampling import SamplingParams

ROLES = ("system", "user", "assistant")


@dataclass
class ChatResult:
    text: str
    model: str
    new_tokens: int
    seconds: float


class ChatModel(Protocol):
    name: str
    source: str  # bundled | local | hub | endpoint

    def stream(self, messages: list[dict], params: SamplingParams = ...,
               cancel: threading.Event | None = None) -> Iterator[str]: ...

    def generate(self, messages: list[dict], params: SamplingParams = ...,
                 cancel: threading.Event | None = None) -> ChatResult: ...


class TokenCounter:
    """Counts tokens a stream produced; backends fill it so generate() can report it."""

    def __init__(self):
        self.count = 0


def validate_messages(messages: list[dict]) -> None:
    if not isinstance(messages, list) or not messages:
        raise ValueError("messages must be a non-empty list of {'role', 'content'} dicts")
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or m.get("role") not in ROLES or not isinstance(m.get("content"), str):
            raise ValueError(f"messages[{i}] must be {{'role': one of {ROLES}, 'content': str}}, got {m!r}")
