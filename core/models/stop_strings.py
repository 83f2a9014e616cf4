"""Stop strings on a stream of text deltas (OpenAI's `stop`).

A stop string can straddle several deltas ("Q" + "uestion:"), so text that could be the
start of one is held back until the next delta decides. The stop string itself is never
emitted, and nothing after it.
"""
from __future__ import annotations


class StopStrings:
    def __init__(self, stops: tuple[str, ...] | list[str] = ()):
        self.stops = tuple(s for s in stops if s)
        self.held = ""
        self.stopped = False

    def push(self, delta: str) -> str:
        """The part of `delta` (with what was held back) that is safe to show now."""
        if self.stopped:
            return ""
        if not self.stops:
            return delta
        text = self.held + delta
        hits = [i for i in (text.find(s) for s in self.stops) if i >= 0]
        if hits:
            self.stopped, self.held = True, ""
            return text[:min(hits)]
        keep = self._longest_partial(text)
        self.held = text[len(text) - keep:] if keep else ""
        return text[:len(text) - keep]

    def flush(self) -> str:
        """What was held back, once the stream ended without a stop string."""
        out, self.held = ("" if self.stopped else self.held), ""
        return out

    def _longest_partial(self, text: str) -> int:
        """Length of the longest end of `text` that is a proper start of some stop string."""
        best = 0
        for s in self.stops:
            for n in range(min(len(s) - 1, len(text)), best, -1):
                if text.endswith(s[:n]):
                    best = n
                    break
        return best
