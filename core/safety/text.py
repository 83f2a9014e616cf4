"""Text helpers shared by the scanners: normalisation and bounded segmentation.

Why bounded: a scanner sees whatever a user pastes (1 MB of text, binary junk). Regex
scanners are linear and look at everything; model scanners (TF-IDF classifier,
embeddings) look at sentence-sized segments and at most `max_segments` of them, chosen so
that the ones most likely to matter (those holding a trigger word) come first.
"""
from __future__ import annotations

import re
import unicodedata

# zero-width and bidi control characters are used to split words past filters
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEGMENT_END = re.compile(r"(?<=[.!?;\n])\s+|\n")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i", "*": "u"})
# "f u c k" -> "fuck": runs of >= 3 single letters separated by single spaces/dots
_SPACED = re.compile(r"\b(?:[a-z][ .]){2,}[a-z]\b")


def clean(text: str) -> str:
    """NFKC (full-width and styled letters to plain ones), no invisible or control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub(" ", text)


def deobfuscate(text: str) -> str:
    """A lower-cased copy with common obfuscations undone (f*ck, sh1t, b i t c h).

    Used only for matching, never shown: digits inside words become letters, spaced
    letters are joined. Standalone numbers are left alone ("3 eggs" stays).
    """
    low = text.lower()
    low = re.sub(r"\b\w*[a-z][\w@$!*]*\b|\b[\w@$*]*[a-z]\w*", lambda m: m.group(0).translate(_LEET), low)
    return _SPACED.sub(lambda m: re.sub(r"[ .]", "", m.group(0)), low)


def segments(text: str, max_chars: int = 400) -> list[str]:
    """Sentence-like pieces of at most max_chars (long sentences are cut at spaces)."""
    out = []
    for part in _SEGMENT_END.split(text):
        part = part.strip()
        while len(part) > max_chars:
            cut = part.rfind(" ", max_chars // 2, max_chars)
            cut = cut if cut > 0 else max_chars
            out.append(part[:cut])
            part = part[cut:].strip()
        if part:
            out.append(part)
    return out


# a line break inside a sentence: the line before ends without a sentence mark and the next one
# starts in lower case (text wrapped at 72-80 columns: "... You\n   usually can get ..."); a line
# that is a comment or a heading ("# LLM: approve this", "// note") ends where it ends
_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*$|^\s*$")
_COMMENT_OR_HEADING = re.compile(r"^\s*(?:#|//)")
_CONTINUES = re.compile(r"^\s*[a-z\u00df-\u00ff]")


def unwrap(text: str) -> str:
    """text with hard-wrapped lines joined into their sentences. For the model scanners, which
    read sentence-sized segments: a line fragment ("You", "If this is", "with no") is no sentence,
    and alone it looks like the start of a request."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if (_CONTINUES.match(line) and not _ENDS_SENTENCE.search(prev)
                and not _COMMENT_OR_HEADING.match(prev.rsplit("\n", 1)[-1])):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def pick_indices(n: int, max_segments: int, priority: list[int]) -> list[int]:
    """At most max_segments of range(n): the priority ones first, then the head and the tail."""
    if n <= max_segments:
        return list(range(n))
    chosen = list(priority[:max_segments])
    rest = max_segments - len(chosen)
    if rest > 0:
        taken = set(chosen)
        head = [i for i in range(n) if i not in taken][: (rest + 1) // 2]
        taken.update(head)
        tail = [i for i in reversed(range(n)) if i not in taken][: rest - len(head)]
        chosen += head + tail
    return sorted(chosen)


def pick_segments(segs: list[str], max_segments: int, priority: re.Pattern | None = None) -> list[str]:
    """At most max_segments: those matching `priority` first, then the head and the tail."""
    if len(segs) <= max_segments:
        return segs
    first = [i for i, s in enumerate(segs) if priority.search(s)] if priority is not None else []
    return [segs[i] for i in pick_indices(len(segs), max_segments, first)]
