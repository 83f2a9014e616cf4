"""Prompt echo: the scaffolding of the prompt that a small model repeats in its answer.

    scrub("The document excerpt f101791815fb says no.", "f101791815fb")  # "The document excerpt says no."

The 135M model sometimes talks about the prompt instead of the documents: it names the fence's
code ("The document excerpt f101791815fb contains ..."), copies a fence marker or the
"(code ...)" label. The code is an internal hash (prompts.content_nonce); showing it tells the
visitor nothing and leaks how the prompt is built. It is removed from the model's text before
the sentences are checked and shown, so a sentence that leaned on it is checked (and usually
marked unsupported) on its remaining words.

While the answer streams, a code may be cut in half at the end of the text so far; `scrub`
holds back a trailing run of hex digits that could be the start of the code, so no part of it
is ever shown.
"""
from __future__ import annotations

import re

from core.retrieval.prompts import FENCE_LOOKALIKE


def scrub(text: str, nonce: str, final: bool = True) -> str:
    """`text` without the fence markers, the "(code <nonce>)" label and the nonce itself."""
    if not nonce:
        return text
    text = FENCE_LOOKALIKE.sub(" ", text)
    code = re.escape(nonce)
    text = re.sub(rf"\s*\(\s*code\s+{code}\s*\)", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"(?:\bcode\s+)?\b{code}\b\s?", "", text, flags=re.IGNORECASE)
    if not final:
        tail = re.search(r"[0-9a-f]{1,12}$", text)
        if tail and nonce.startswith(tail.group(0)) and not _is_word(tail.group(0)):
            text = text[:tail.start()]
    return re.sub(r"[ \t]{2,}", " ", text)


def _is_word(run: str) -> bool:
    # "a", "be", "cafe", "deaf": a word the model is still writing is not held back
    return run.isalpha()
