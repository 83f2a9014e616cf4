"""An HTML page as the plain text a reader sees: one paragraph per block, inline markup joined.

    html_to_text("<dl><dt>sync</dt><dd><p>The shell is <tt>/bin/sync</tt>.</p></dd></dl>")
    # -> "sync\n\nThe shell is /bin/sync."

Why not BeautifulSoup's get_text("\\n"): that breaks the line at every tag, inline ones too, so a
sentence with a <tt>/<a>/<b> inside came apart or read "is /bin/sync ." and a definition term glued
itself to its description ("sync The shell of user sync ..."). The sentence splitter ends a sentence
at a blank line, so blocks (paragraphs, headings, list items, terms) become blank-line separated and
everything inline is joined with single spaces. Table rows become Markdown rows ("| a | b |"), which
the splitter already reads as one sentence each. Comments, scripts and styles are not document text.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

NOT_TEXT = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object")
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
                    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary",
                    "table", "tbody", "thead", "tfoot", "title", "ul"})
SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(list(NOT_TEXT)):
        tag.decompose()
    blocks: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = " ".join("".join(line).split())
        if text and (not blocks or blocks[-1] != text):  # <title> and the <h1> under it often repeat
            blocks.append(text)
        line.clear()

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, SKIPPED_STRINGS) or isinstance(child, CData):
                    line.append(str(child))
            elif child.name == "br":
                flush()
            elif child.name == "pre":  # code and aligned text keep their own lines
                flush()
                text = child.get_text().strip("\n")
                if text.strip():
                    blocks.append(text)
            elif child.name == "tr":
                flush()
                cells = [" ".join(c.get_text(" ").split()) for c in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    blocks.append("| " + " | ".join(cells) + " |")
            elif child.name in BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(soup)
    flush()
    return "\n\n".join(_join_rows(blocks))


def _join_rows(blocks: list[str]) -> list[str]:
    """Consecutive table rows on consecutive lines: one table, as Markdown writes it."""
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("| ") and out[-1].split("\n")[-1].startswith("| "):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return out
