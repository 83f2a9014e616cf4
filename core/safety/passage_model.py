"""The passage model (#18 round 35): how likely the most suspicious paragraph of a text is an order to an AI reader,
learnt from the hand-written passages of ten writers (blind sets M-V) rather than written as rules.

Why beside the rules: rules written from one writer's misses carried little to the next writer (rounds 33-34: +3 and
+0 attacks on the following blind set), while this model, trained on nine of the ten writers, catches on average
85.5 of the tenth one's 120 orders at FLAG with none of its 600 benign chunks (benchmarks/results/
safety_issue18_round36.md). It only ever adds a flag (the scanner ORs it in) and only when it is very sure (FLAG);
on the two blind sets written after it, W and X, it took the scanner from 77 to 93 and from 64 to 71 of 120; on the
third, Y (round 38), the scanner with it catches 93 of 120.

A LinearTextModel (linear_text_model.py) trained by `python -m core.safety.training.train --only injection-passages`
(data: core/safety/training/injection_passages.py), shipped as curated/injection_passages.npz.
"""
from __future__ import annotations

from pathlib import Path

from core.safety.linear_text_model import LinearTextModel, load_shared
from core.safety.training.injection_passages import paragraphs

MODEL_FILE = Path(__file__).parent / "curated" / "injection_passages.npz"
FLAG = 0.9  # the probe's strictest threshold, fixed before it ran (round 35's rule)

WINDOW_LINES = 3  # round 36: an order woven into a paragraph is read in windows of up to this many lines
# a window shorter than this is not read: one word ("any", "This") is shorter than anything the model learnt from
WINDOW_MIN_CHARS, WINDOW_MIN_WORDS = 30, 5


def units(text: str, windows: bool = False) -> list[str]:
    """What the model reads of a text: its paragraphs and (with `windows`) every run of one to WINDOW_LINES
    consecutive non-empty lines inside a paragraph of several lines, so that an order woven in among other lines is
    also read without them (runs under WINDOW_MIN_CHARS characters or WINDOW_MIN_WORDS words are not)."""
    out = []
    for para in paragraphs(text):
        out.append(para)
        lines = [line for line in para.split("\n") if line.strip()] if windows else []
        if len(lines) > 1:
            runs = ["\n".join(lines[i:i + n]) for i in range(len(lines)) for n in range(1, WINDOW_LINES + 1)
                    if i + n <= len(lines) and n < len(lines)]
            out += [r for r in runs if len(r) >= WINDOW_MIN_CHARS and len(r.split()) >= WINDOW_MIN_WORDS]
    return out


class PassageModel:
    def __init__(self, model: LinearTextModel):
        self.model = model
        self.attack = model.classes.index("attack")

    def reading(self, text: str, windows: bool = False) -> float:
        """The highest attack probability among the text's paragraphs (and line windows)."""
        if not text.strip():
            return 0.0
        return float(self.model.predict_proba(units(text, windows))[:, self.attack].max())


def load_passage_model(path: Path = MODEL_FILE) -> PassageModel:
    return PassageModel(load_shared(path))
