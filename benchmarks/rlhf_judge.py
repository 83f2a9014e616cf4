"""The simulated room's hidden preference: answers that address the question directly and politely.

A deterministic judge (no model), written before any tuning and never changed to fit results:
    directness  share of the question's content words that the answer's FIRST sentence uses
                (answering up front), minus 0.5 when the opening is a detour: a filler or
                meta opener ("The age-old question", "Sure!", "Well,", "Indeed", "Ah", ...)
    politeness  +0.5 when the answer speaks to the reader kindly ("you can", "here's",
                "I hope", "please", "let's", "feel free", "happy to"), -1 for dismissive
                words ("boring", "obviously", "stupid", "figure it out", "not worth")
    score = directness + politeness. Length plays no part: only the first sentence is read
    for directness, and a phrase counts once however long the answer is.

Labelers see two answers and prefer the higher score through a logistic choice with noise
(`SimLabeler`); a small score gap is a tie.
"""
from __future__ import annotations

import math
import random
import re

STOP = set("""a an the is are was were be been do does did of to in on for with and or but how what why when
where which who whom whose can could should would will may might i me my you your it its this that these those
there their they them we our us he she his her as at by from about into than then so if not no yes any some
much many more most very just also give tell explain describe please good way best make get""".split())
DETOURS = ("the age-old", "age-old", "the question", "this question", "that question", "the answer to",
           "sure", "certainly", "of course", "well,", "well ", "indeed", "ah", "oh", "hmm", "great question",
           "what a", "as an ai", "absolutely", "classic", "interesting", "ha", "wow")
KIND = ("you can", "you might", "you may", "here's", "here is", "i hope", "hope this", "please", "let's",
        "feel free", "happy to", "glad", "good luck")
RUDE = ("boring", "obviously", "stupid", "figure it out", "not worth", "dumb", "whatever")
WORD = re.compile(r"[a-z][a-z'-]+")


def _stem(w: str) -> str:
    return w[:5]


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2}


def first_sentence(text: str) -> str:
    m = re.search(r"(.+?[.!?])(\s|$)", text.strip(), flags=re.S)
    return (m.group(1) if m else text.strip())[:300]


def directness(prompt: str, answer: str) -> float:
    asked = content_words(prompt)
    first = first_sentence(answer)
    if not asked or not first:
        return 0.0
    covered = len(asked & content_words(first)) / len(asked)
    opener = first.lower().lstrip(" *#\"'")
    detour = any(opener.startswith(d) for d in DETOURS) or "question" in opener.split(".")[0][:60]
    return covered - (0.5 if detour else 0.0)


def politeness(answer: str) -> float:
    low = answer.lower()
    return (0.5 if any(k in low for k in KIND) else 0.0) - (1.0 if any(r in low for r in RUDE) else 0.0)


def score(prompt: str, answer: str) -> float:
    if not answer.strip():
        return -1.0
    return directness(prompt, answer) + politeness(answer)


def compare(prompt: str, a: str, b: str, tie_margin: float = 0.05) -> float:
    """1 if a is better under the hidden preference, 0 if b, 0.5 for a tie."""
    d = score(prompt, a) - score(prompt, b)
    return 0.5 if abs(d) < tie_margin else (1.0 if d > 0 else 0.0)


class SimLabeler:
    """A person in the room: follows the hidden preference through a logistic choice, with
    a share of careless random clicks, and calls near-equal answers a tie."""

    def __init__(self, seed: int, temperature: float = 0.15, careless: float = 0.15, tie_margin: float = 0.05):
        self.rng = random.Random(seed)
        self.temperature, self.careless, self.tie_margin = temperature, careless, tie_margin

    def choose(self, prompt: str, left: str, right: str) -> str:
        if self.rng.random() < self.careless:
            return self.rng.choice(["left", "right", "tie"])
        d = score(prompt, left) - score(prompt, right)
        if abs(d) < self.tie_margin:
            return "tie"
        p_left = 1 / (1 + math.exp(-d / self.temperature))
        return "left" if self.rng.random() < p_left else "right"
