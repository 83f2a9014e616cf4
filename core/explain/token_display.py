"""Token pieces as people should read them, the same in every table, chip, figure and JSON.

Byte-level BPE vocabularies (GPT-2, SmolLM2) store each byte as a printable stand-in
character: a space is "Ġ", a newline "Ċ", and the three bytes of a curly quote ” are
"âĢĿ". Shown raw, those are mojibake. Here the stand-ins are mapped back to bytes and
decoded as UTF-8; a token that holds only part of a character shows its bytes (‹E2 80›).
SentencePiece's "▁" (T5, the date model) is a leading space too. Whitespace is drawn
visibly (␣ space, ↵ newline, ⇥ tab, ⍽ no-break space), and angle brackets become ‹ ›
because plotly reads <...> in labels as HTML tags.
"""
from __future__ import annotations

import functools

VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍", "\u00a0": "⍽", "<": "‹", ">": "›"}


@functools.cache
def _byte_decoder() -> dict[str, int]:
    """GPT-2's byte -> printable character table, inverted (the standard bytes_to_unicode)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    chars, n = printable[:], 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(printable, chars)}


def is_byte_level(tokenizer) -> bool:
    """Whether the tokenizer's pieces are GPT-2 style byte stand-ins (its decoder is ByteLevel)."""
    if tokenizer is None:
        return False
    cached = getattr(tokenizer, "_genai_byte_level", None)
    if cached is None:
        backend = getattr(tokenizer, "backend_tokenizer", None)
        parts = [getattr(backend, "decoder", None), getattr(backend, "pre_tokenizer", None)] if backend else []
        cached = any("ByteLevel" in repr(p) for p in parts if p is not None)
        try:
            tokenizer._genai_byte_level = cached
        except AttributeError:  # a tokenizer class that refuses new attributes: recompute next time
            pass
    return cached


def decode_byte_piece(piece: str, show_whitespace: bool = False) -> str:
    """'Ġdoctor' -> ' doctor'; 'âĢĿ' -> '”'; a partial character -> '‹E2 80›'."""
    table = _byte_decoder()
    if not piece or any(c not in table for c in piece):  # added tokens (<|im_start|>) are plain text
        return visible(piece) if show_whitespace else piece
    return _decode_utf8(bytes(table[c] for c in piece), show_whitespace)


def _decode_utf8(raw: bytes, show_whitespace: bool) -> str:
    """UTF-8 text, with runs of bytes that are not a whole character shown as ‹E2 80›."""
    out, bad, i = [], [], 0
    while i < len(raw):
        for n in (1, 2, 3, 4):
            try:
                char = raw[i:i + n].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if bad:
                out.append("‹" + " ".join(bad) + "›")
                bad = []
            out.append(visible(char) if show_whitespace else char)
            i += n
            break
        else:
            bad.append(f"{raw[i]:02X}")
            i += 1
    if bad:
        out.append("‹" + " ".join(bad) + "›")
    return "".join(out)


def visible(text: str) -> str:
    return "".join(VISIBLE.get(c, c) for c in text)


def piece_label(piece: str, byte_level: bool = False) -> str:
    """One vocabulary piece as a readable label."""
    if byte_level:
        return decode_byte_piece(piece, show_whitespace=True)
    # WordPiece ('##ing') and SentencePiece ('▁doctor') pieces are already text.
    return visible(piece.replace("▁", " "))


def labels(pieces: list[str], tokenizer=None) -> list[str]:
    """Readable labels for `pieces` (byte-level decoding when `tokenizer` is byte-level), duplicates kept."""
    byte_level = is_byte_level(tokenizer)
    return [piece_label(p, byte_level) for p in pieces]
