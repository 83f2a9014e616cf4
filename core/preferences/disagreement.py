"""Items the labelers disagree on, with who chose what and why: where the guidelines are unclear,
or the two answers really are close. Shown to the host only."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from core.preferences.db import transaction
from core.preferences.schema import Item, Label, Labeler, Prompt

NAMES = {"A": "A better", "B": "B better", "tie": "tie", "both_bad": "both bad"}


def disagreements(limit: int = 50) -> list[dict]:
    """Items with at least two labels that do not all agree, most split first."""
    with transaction() as s:
        q = (select(Label.item_id, Label.choice, Label.strength, Label.rationale, Labeler.name, Prompt.text)
             .join(Labeler, Label.labeler_id == Labeler.id).join(Item, Label.item_id == Item.id)
             .join(Prompt, Item.prompt_id == Prompt.id).order_by(Label.id))
        rows = list(s.execute(q))
    by_item: dict[int, list] = defaultdict(list)
    for r in rows:
        by_item[r.item_id].append(r)
    out = []
    for item_id, labels in by_item.items():
        choices = [l.choice for l in labels]
        if len(labels) < 2 or len(set(choices)) < 2:
            continue
        majority = max(choices.count(c) for c in set(choices)) / len(choices)
        out.append({"item_id": item_id, "prompt": labels[0].text[:300], "labels": len(labels),
                    "majority_share": majority,
                    "votes": [{"labeler": l.name, "choice": NAMES[l.choice], "strength": l.strength,
                               "rationale": l.rationale} for l in labels]})
    out.sort(key=lambda d: (d["majority_share"], -d["labels"]))
    return out[:limit]


def agreement_note(per_item_counts: dict[int, int], overlap: int) -> str:
    """Why agreement is n/a, and what would fix it (empty when it can be computed)."""
    shared = sum(1 for n in per_item_counts.values() if n >= 2)
    if shared:
        return ""
    if overlap < 2:
        return (f"n/a: each item is labelled by one person (overlap k={overlap}); agreement needs items "
                "labelled by at least two. Set the overlap to 2 or more (GENAI_PREFS_OVERLAP).")
    return (f"n/a: no item has two labels yet. With overlap k={overlap}, items reach more labelers "
            "only after every item has one label; more labels (or fewer items) will fill them.")
