"""What a tokenizer does to a text: ids, subword pieces, special tokens, counts."""
from __future__ import annotations

from dataclasses import dataclass, field

from core.explain import token_display

MAX_CHARS = 20_000  # a text box, not a corpus: longer input gets a clear error


@dataclass(frozen=True)
class Token:
    id: int
    piece: str  # the vocabulary entry (Ġ / ## markers kept: that is what the model sees)
    label: str  # the piece as people read it (byte-level decoded, ␣ for a space), as in every view
    text: str  # the characters of the input this token covers ('' for added special tokens)
    special: bool
    subword: bool  # continues a word instead of starting one


@dataclass(frozen=True)
class Tokenization:
    tokenizer_name: str
    tokens: list[Token]
    counts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"tokenizer": self.tokenizer_name, "counts": self.counts,
                "tokens": [t.__dict__ for t in self.tokens]}


def check_text(text: str, what: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a string, got {type(text).__name__}")
    if not text.strip():
        raise ValueError(f"{what} is empty: type a sentence")
    if len(text) > MAX_CHARS:
        raise ValueError(f"{what} has {len(text):,} characters; the explorer takes at most {MAX_CHARS:,}")
    return text


def tokenize(tokenizer, text: str, name: str = "") -> Tokenization:
    """Tokenize `text` the way the model's forward pass will (special tokens included)."""
    check_text(text)
    enc = tokenizer(text, add_special_tokens=True, return_offsets_mapping=True)
    ids = enc["input_ids"]
    pieces = tokenizer.convert_ids_to_tokens(ids)
    labels = token_display.labels(pieces, tokenizer)
    special_ids = set(tokenizer.all_special_ids)
    words = enc.word_ids() if hasattr(enc, "word_ids") else [None] * len(ids)
    tokens = []
    for i, (tid, piece, label, (start, end)) in enumerate(zip(ids, pieces, labels, enc["offset_mapping"])):
        special = tid in special_ids
        subword = (not special and i > 0 and words[i] is not None and words[i] == words[i - 1])
        tokens.append(Token(int(tid), piece, label, text[start:end], special, subword))
    counts = {
        "tokens": len(tokens),
        "special": sum(t.special for t in tokens),
        "subword_continuations": sum(t.subword for t in tokens),
        "characters": len(text),
        "words": len(text.split()),
    }
    return Tokenization(name or getattr(tokenizer, "name_or_path", ""), tokens, counts)
