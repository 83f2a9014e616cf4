"""Contextual chunk headers: what a chunk is about that its own text doesn't say.

A chunk of the `less` manual page about "-i" never says "less"; a chunk under "## Leave"
may never say "leave". Retrieval (the vector and the BM25 index) sees each chunk as

    less 1 · OPTIONS
    <the chunk's text>

while citations, quotes and grounding use the chunk's own text only. The header is the
document's name (without extension, punctuation as spaces) and the nearest heading above
the chunk on its page: a Markdown heading, an all-capitals line (manual pages) or a line
underlined with === / --- / *** (reStructuredText, Python's docs).

A chunk of a Markdown document (.md, .markdown) is also cleaned of Markdown syntax before it is
indexed (MARKDOWN_CLEAN, markdown_text below): link targets and bare URLs, badge images, emphasis
and code markers, heading hashes, table pipes and rules, HTML tags, code fences, block-quote
markers. "[![PyPi Version](https://img.shields.io/...)](https://pypi.org/...)" costs MiniLM two
dozen of its 256 word pieces and BM25 a handful of tokens that no question asks for. The stored,
cited and displayed chunk text stays verbatim.
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


# clean Markdown syntax out of what the retrievers see of a Markdown chunk (False: index it as written)
MARKDOWN_CLEAN = True
# which retriever sees the cleaned text: "vector" (the embedding), "bm25" (its tokens)
MARKDOWN_CLEAN_PARTS = frozenset({"vector", "bm25"})
MARKDOWN_SUFFIXES = (".md", ".markdown")

# a fence and its language ("```python"), also inside a sentence whose lines were joined; inline
# code in triple backticks ("```get_timeout```") keeps its word (the backticks go with _CODE)
_FENCE = re.compile(r"(?:^|(?<=\s))(?:```+|~~~+)[\w+-]*(?=\s|$)", re.MULTILINE)
_LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")  # a badge: an image that is a link
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_URL = re.compile(r"<?\b(?:https?|ftp)://[^\s<>()\[\]{}\"']+(?<![.,;:])>?")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HEADING_HASHES = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>(?!>)[ \t]?(\[![A-Z]+\][ \t]*)?", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+", re.MULTILINE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SPACES = re.compile(r"[ \t]{2,}")


def is_markdown(source: str) -> bool:
    return source.lower().endswith(MARKDOWN_SUFFIXES)


def markdown_text(text: str) -> str:
    """Markdown text as a reader sees it: the words, without the syntax and the link targets."""
    text = _HTML_COMMENT.sub(" ", text)
    text = _FENCE.sub("", text)
    text = _REF_DEFINITION.sub("", text)
    text = _LINKED_IMAGE.sub(" ", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)  # before the URLs: <a href="https://..."> goes whole
    text = _URL.sub(" ", text)
    text = _HEADING_HASHES.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = text.replace("|", " ")
    text = _QUOTE_MARK.sub("", text)
    text = _BULLET.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _CODE.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def indexed_text(header_text: str, text: str, source: str = "", part: str = "vector") -> str:
    """What the embedder (part "vector") or BM25 (part "bm25") sees of a chunk of the document `source`."""
    if MARKDOWN_CLEAN and part in MARKDOWN_CLEAN_PARTS and is_markdown(source):
        text = markdown_text(text)
    return f"{header_text}\n{text}" if header_text else text
