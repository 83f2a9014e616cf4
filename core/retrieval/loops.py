"""Spot a small model stuck repeating itself, so the answer stops there instead of looping.

Greedy decoding with the bundled 135M model sometimes repeats one sentence until the token
limit ("The licensee must also provide a service ... " ten times, 11 s of a user's wait).
A sentence that comes back a third time is a loop: the chain stops the model and keeps the
text up to the start of its first repeat. A sentence must be at least MIN_CHARS long to count,
so short list items and headings that legitimately recur ("- Yes.") are never cut.
"""
from __future__ import annotations

import re

MIN_CHARS = 16
REPEATS = 3  # occurrences that make a loop: the second alone may be emphasis or a summary

_UNIT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n)")  # a sentence or line, with its terminator


def loop_start(text: str, repeats: int = REPEATS) -> int | None:
    """Offset where a loop's first repeat begins (text[:offset] is the answer to keep), or None.

    `repeats` occurrences make a loop; once the model has been stopped for looping, the shown
    text is trimmed with repeats=2 (the occurrence that tripped the check was never shown)."""
    seen: dict[str, int] = {}  # normalised sentence -> times seen
    second_at: dict[str, int] = {}
    for m in _UNIT.finditer(text):
        key = " ".join(m.group().lower().split()).rstrip(".!?")
        if len(key) < MIN_CHARS:
            continue
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == 2:
            second_at[key] = m.start()
        if seen[key] >= repeats:
            return second_at[key]
    return None
