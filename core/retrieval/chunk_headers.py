"""Contextual chunk headers: what a chunk is about that its own text doesn't say.

A chunk of the `less` manual page about "-i" never says "less"; a chunk under "## Leave"
may never say "leave". Retrieval (the vector and the BM25 index) sees each chunk as

    less 1 · OPTIONS
    <the chunk's text>

while citations, quotes and grounding use the chunk's own text only. The header is the
document's name (without extension, punctuation as spaces) and the nearest heading above
the chunk on its page: a Markdown heading, an all-capitals line (manual pages) or a line
underlined with === / --- / *** (reStructuredText, Python's docs).
"""
from __future__ import annotations

import bisect
import re

_MARKDOWN = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_CAPITALS = re.compile(r"^([A-Z][A-Z0-9 ,()/&'-]{2,60})[ \t]*$", re.MULTILINE)
_UNDERLINED = re.compile(r"^(\S[^\n]{1,80})\n[=\-*~^]{3,}[ \t]*$", re.MULTILINE)


class Headings:
    """The headings of one page, to look up the one in force at a character offset."""

    def __init__(self, text: str):
        found = [(m.start(), m.group(1).strip()) for rx in (_MARKDOWN, _CAPITALS, _UNDERLINED)
                 for m in rx.finditer(text)]
        found.sort()
        self.starts = [s for s, _ in found]
        self.titles = [t for _, t in found]

    def at(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.titles[i] if i >= 0 else ""


def document_title(name: str) -> str:
    stem = re.sub(r"\.(txt|md|markdown|html?|pdf|docx|rst)$", "", name, flags=re.IGNORECASE)
    return " ".join(re.sub(r"[._\-]+", " ", stem).split())


def header(name: str, heading: str) -> str:
    title = document_title(name)
    return f"{title} · {heading}" if heading and heading.lower() != title.lower() else title


def indexed_text(header_text: str, text: str) -> str:
    """What the embedder and BM25 see for a chunk."""
    return f"{header_text}\n{text}" if header_text else text
