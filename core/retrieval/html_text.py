"""An HTML page as the plain text a reader sees: one paragraph per block, inline markup joined.

    html_to_text("<dl><dt>sync</dt><dd><p>The shell is <tt>/bin/sync</tt>.</p></dd></dl>")
    # -> "sync\n\nThe shell is /bin/sync."

Why not BeautifulSoup's get_text("\\n"): that breaks the line at every tag, inline ones too, so a
sentence with a <tt>/<a>/<b> inside came apart or read "is /bin/sync ." and a definition term glued
itself to its description ("sync The shell of user sync ..."). The sentence splitter ends a sentence
at a blank line, so blocks (paragraphs, headings, list items, terms) become blank-line separated and
everything inline is joined with single spaces. Table rows become Markdown rows ("| a | b |"), which
the splitter already reads as one sentence each; a row of header cells gets the Markdown rule under it.
Headings and list items keep what they are, written as Markdown writes them ("## Opening hours",
"- Saturday: 10am to 4pm"): a heading is then read as a heading everywhere a Markdown one is (never
quoted as an answer, the chunk header for retrieval, the lead-in of what is under it), not as a
three-word sentence ("How do I become a member?" was answered "Becoming a member"). Comments, scripts, styles and elements a browser does
not show (`hidden`, `display: none`, `visibility: hidden`) are not document text: hidden text is where a
planted instruction hides, and a chunk holding one is left out of answers whole, visible text and all.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

NOT_TEXT = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object")
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
                    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary",
                    "table", "tbody", "thead", "tfoot", "title", "ul"})
SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_INVISIBLE_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_END_OF_BLOCK = object()
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MARK = re.compile(r"^(?:#{1,6} |- |\d+\. )")
# (#13 round 26) headings, list items and header rows written as Markdown (see the module docstring)
MARKDOWN_STRUCTURE = True


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(list(NOT_TEXT)):
        tag.decompose()
    for tag in soup.find_all(_invisible):
        tag.decompose()
    blocks: list[str] = []
    line: list[str] = []
    marker = [""]  # the Markdown mark ("## ", "- ", "3. ") of the block being read
    numbers: dict[int, int] = {}  # id() of an <ol>'s item -> its number

    def flush() -> None:
        text = " ".join("".join(line).split())
        repeated = blocks and _unmarked(blocks[-1]) == text and (  # <title> and the <h1> under it often repeat
            not MARKDOWN_STRUCTURE or (marker[0].startswith("#") and blocks[-1].startswith("#")))
        if text and not repeated:
            blocks.append(marker[0] + text if MARKDOWN_STRUCTURE else text)
            marker[0] = ""
        line.clear()

    # an explicit stack, not recursion: a hostile page can nest tags thousands deep
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if node is _END_OF_BLOCK:
            flush()
            marker[0] = ""
        elif isinstance(node, NavigableString):
            if not isinstance(node, SKIPPED_STRINGS):
                line.append(str(node))
        elif node.name == "br":
            flush()
        elif node.name == "pre":  # code and aligned text keep their own lines
            flush()
            text = node.get_text().strip("\n")
            if text.strip():
                blocks.append(text)
        elif node.name == "tr":
            flush()
            cells = node.find_all(["td", "th"], recursive=False)
            texts = [" ".join(c.get_text(" ").split()) for c in cells]
            if any(texts):
                blocks.append("| " + " | ".join(texts) + " |")
                if MARKDOWN_STRUCTURE and all(c.name == "th" for c in cells):
                    blocks.append("|" + "---|" * len(cells))
        else:
            if node.name == "ol":  # numbered once here: counting siblings per item is quadratic on a huge list
                numbers.update((id(li), i) for i, li in enumerate(node.find_all("li", recursive=False), start=1))
            if node.name in BLOCKS:
                flush()
                marker[0] = _marker(node, numbers) or marker[0]  # <li><p>text</p></li>: the item's mark
                stack.append(_END_OF_BLOCK)
            stack.extend(reversed(node.contents))
    flush()
    return "\n\n".join(_join_rows(blocks))


def _marker(node, numbers: dict[int, int]) -> str:
    if node.name == "title":
        return "# "
    if node.name in HEADINGS:
        return "#" * int(node.name[1]) + " "
    if node.name == "li":
        return f"{numbers[id(node)]}. " if id(node) in numbers else "- "
    return ""


def _unmarked(block: str) -> str:
    return _MARK.sub("", block, count=1)


def _invisible(tag) -> bool:
    return tag.has_attr("hidden") or bool(_INVISIBLE_STYLE.search(tag.get("style") or ""))


def _join_rows(blocks: list[str]) -> list[str]:
    """Consecutive table rows on consecutive lines: one table, as Markdown writes it."""
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("|") and out[-1].split("\n")[-1].startswith("|"):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return out
