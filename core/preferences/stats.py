"""Everything the host dashboard and `prefs stats` show, computed from the store."""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from scipy.stats import binomtest
from sqlalchemy import func, select

from core.config import get_settings
from core.preferences.agreement import fleiss_kappa, krippendorff_alpha, pairwise_cohen
from core.preferences.db import transaction
from core.preferences.disagreement import agreement_note
from core.preferences.ratings import bradley_terry
from core.preferences.room_settings import room_value
from core.preferences.schema import Assignment, Item, Label, Labeler, Prompt


def position_bias(left_won: list[bool]) -> dict:
    """How often the left answer wins among strict preferences; p-value vs 50 %."""
    n = len(left_won)
    k = sum(left_won)
    return {"strict_labels": n, "left_wins": k, "left_rate": (k / n) if n else None,
            "p_value": binomtest(k, n, 0.5).pvalue if n else None}


def collect(bootstrap: int = 200) -> dict:
    with transaction() as s:
        k = room_value(s, "overlap", get_settings().prefs.overlap)
        labelers = {r.id: r.name for r in s.execute(select(Labeler.id, Labeler.name))}
        items = {r.id: r for r in s.execute(select(Item.id, Item.contestant_a, Item.contestant_b, Item.flagged,
                                                   Item.flag_reasons, Item.prompt_id))}
        labels = list(s.execute(select(Label.item_id, Label.labeler_id, Label.choice, Label.left_is_a,
                                       Label.seconds, Label.strength)))
        prompts = s.scalar(select(func.count(Prompt.id)))
        prompts_flagged = s.scalar(select(func.count(Prompt.id)).where(Prompt.flagged.is_(True)))
        flagged_prompts = [{"prompt_key": r.key, "prompt": r.text[:300], "reasons": r.flag_reasons}
                           for r in s.execute(select(Prompt.key, Prompt.text, Prompt.flag_reasons)
                                              .where(Prompt.flagged.is_(True)))]
        flagged_items = [{"item_id": r.id, "prompt": r.text[:300], "reasons": r.flag_reasons}
                         for r in s.execute(select(Item.id, Prompt.text, Item.flag_reasons)
                                            .join(Prompt, Item.prompt_id == Prompt.id).where(Item.flagged.is_(True)))]
        open_now = s.scalar(select(func.count(Assignment.id)).where(Assignment.status == "open"))
        skipped = s.scalar(select(func.count(Assignment.id)).where(Assignment.status == "skipped"))
    per_labeler = Counter(labelers[l.labeler_id] for l in labels)
    per_item = Counter(l.item_id for l in labels)
    units: dict[int, list[str]] = defaultdict(list)
    for l in labels:
        units[l.item_id].append(l.choice)
    triples = [(l.item_id, labelers[l.labeler_id], l.choice) for l in labels]
    pairs = pairwise_cohen(triples)
    kappas = [p["kappa"] for p in pairs if p["kappa"] is not None]
    strict = [l for l in labels if l.choice in ("A", "B")]
    comps = [(items[l.item_id].contestant_a, items[l.item_id].contestant_b, l.choice) for l in labels]
    seconds = [l.seconds for l in labels]
    coverage = Counter(min(per_item.get(i, 0), k) for i, it in items.items() if not it.flagged)
    return {
        "counts": {
            "prompts": prompts, "prompts_flagged": prompts_flagged, "items": len(items),
            "items_flagged": sum(1 for it in items.values() if it.flagged),
            "labelers": len(labelers), "labels": len(labels), "open_assignments": open_now,
            "skipped": skipped, "overlap": k,
            "items_complete": sum(1 for i, it in items.items() if not it.flagged and per_item.get(i, 0) >= k),
            "choices": dict(Counter(l.choice for l in labels)),
        },
        "per_labeler": dict(sorted(per_labeler.items())),
        "coverage": {str(c): coverage.get(c, 0) for c in range(k + 1)},  # items with c labels
        "median_seconds": statistics.median(seconds) if seconds else None,
        "agreement": {
            "fleiss_kappa": fleiss_kappa(units),
            "krippendorff_alpha": krippendorff_alpha(units),
            "cohen_kappa_mean": statistics.mean(kappas) if kappas else None,
            "cohen_pairs": pairs,
            "note": agreement_note(dict(per_item), k),
        },
        "position_bias": position_bias([(l.choice == "A") == l.left_is_a for l in strict]),
        "ratings": [r.to_dict() for r in bradley_terry(comps, bootstrap=bootstrap)],
        # held back by core.safety: shown to the host only
        "flagged_prompts": flagged_prompts,
        "flagged_items": flagged_items,
    }
