"""Untrusted text shown as text in Gradio Markdown: file names, messages, labels from visitors.

Gradio's Markdown renders HTML (it strips scripts, not forms), and markdown syntax in a file name can
break out of a code span. `md_literal` makes any string display exactly as written.
"""
from __future__ import annotations

import html
import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_literal(text) -> str:
    """`text` escaped for HTML and markdown, on one line."""
    flat = " ".join(str(text).split())
    return _MARKDOWN.sub(r"\\\1", html.escape(flat, quote=True))
