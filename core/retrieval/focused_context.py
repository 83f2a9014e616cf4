"""The model reads the passages' best sentences, not the whole passages (grounded/abstractive modes).

    hits_for_prompt = focus(used, ranked, budget_chars=1200)

Why: on two CPU cores the prompt's prefill is what visitors wait for. Four 1000-character
chunks make a ~1150-token prompt; ten visitors at once queue ten such prefills before their
first words. The question's best sentences (already ranked for the extractive answer, so this
costs nothing) carry the answer in a fraction of the tokens, and a 135M model is less
distracted by the rest. Each passage keeps its number [n] (citations stay valid) and at least
its best sentence; sentences are then added best-first while the budget allows and shown in
document order, "…" marking a gap. The grounding check still reads the full passages.
"""
from __future__ import annotations

from dataclasses import replace

GAP = " … "


def focus(hits: list, ranked: list, budget_chars: int) -> list:
    """Copies of `hits` whose text is their selected sentences; `hits` unchanged when the budget is 0
    or nothing was ranked (then the model reads the whole passages, as before)."""
    if budget_chars <= 0 or not ranked:
        return hits
    chosen: dict[int, list] = {}
    used = 0

    def take(q) -> None:
        nonlocal used
        chosen.setdefault(q.n, []).append(q)
        used += len(q.text) + len(GAP)

    for q in ranked:  # every passage's best sentence first, so no [n] is left empty
        if q.n not in chosen:
            take(q)
    for q in ranked:  # then the best of the rest while they fit
        if used + len(q.text) > budget_chars:
            continue
        if all(q.start != c.start for c in chosen.get(q.n, [])):
            take(q)
    out = []
    for n, h in enumerate(hits, start=1):
        picked = sorted(chosen.get(n, []), key=lambda q: q.start)
        if not picked:  # a passage with no quotable sentence (a heading, a table): shown whole
            out.append(h)
            continue
        parts = [picked[0].text]
        for prev, q in zip(picked, picked[1:]):
            parts.append((" " if _adjacent(h.text, prev.end, q.start) else GAP) + q.text)
        out.append(replace(h, text="".join(parts)))
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip()
