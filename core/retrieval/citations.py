"""Map the [1], [2] markers of an answer to the chunks that were shown to the model.

Every excerpt in the prompt becomes a citation (numbered as in the prompt), with `cited`
telling whether the answer referred to it; markers beyond the excerpts are reported as
`unknown_markers` rather than silently dropped (a small model sometimes invents [7]).
A small model often answers correctly without writing markers, so each citation also has
`support`: the share of the answer's content words (BM25 tokens) found in the excerpt.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

_MARKER = re.compile(r"\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]")


@dataclass
class Citation:
    n: int  # the marker number, [n]
    id: str  # chunk id in the collection
    source: str
    page: int
    text: str
    cited: bool  # the answer contains [n]
    support: float = 0.0  # share of the answer's content words that occur in this excerpt
    warning: str = ""  # shown with quotes from this passage (chain.INJECTION_WARNING), "" = none

    def to_dict(self) -> dict:
        return asdict(self)


def cited_numbers(answer: str) -> list[int]:
    """Marker numbers in order of first appearance ('[1, 3]' counts as 1 and 3)."""
    seen: list[int] = []
    for m in _MARKER.finditer(answer):
        for part in m.group(1).split(","):
            n = int(part)
            if n not in seen:
                seen.append(n)
    return seen


def build_citations(answer: str, hits) -> tuple[list[Citation], list[int]]:
    """(citations for every excerpt, marker numbers that match no excerpt)."""
    from core.retrieval.bm25 import tokenize

    used = cited_numbers(answer)
    words = set(tokenize(_MARKER.sub(" ", answer)))
    citations = []
    for n, h in enumerate(hits, start=1):
        support = len(words & set(tokenize(h.text))) / len(words) if words else 0.0
        citations.append(Citation(n, h.id, h.source, h.page, h.text, n in used, round(support, 3)))
    unknown = [n for n in used if not 1 <= n <= len(hits)]
    return citations, unknown
