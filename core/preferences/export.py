"""Export labels as JSONL: TRL preference rows, KTO unpaired rows, or raw.

    trl, standard        {"prompt": str, "chosen": str, "rejected": str, "margin": float}
    trl, conversational  {"prompt": [{"role": "user", ...}], "chosen": [{"role": "assistant", ...}], ...}
    raw                  every label with its item, labeler name, order shown, timing

One row per label (k labelers of an item give k rows; disagreement is signal for the
reward model). `margin` comes from the optional strength (TRL's RewardTrainer subtracts
it inside the loss): slightly 0.5, clearly 1.0, much 2.0; a preference without a
strength counts as "clearly". Ties and "both bad" carry no chosen/rejected, so the
policy is explicit:
    drop  skip them (the file is pure paired preferences)
    kto   write every label as unpaired {"prompt", "completion", "label"} rows for TRL's
          KTOTrainer: chosen True / rejected False, tie both True, both-bad both False.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import select

from core.preferences.db import transaction
from core.preferences.schema import Item, Label, Labeler, Prompt

log = logging.getLogger(__name__)

MARGINS = {"slightly": 0.5, "clearly": 1.0, "much": 2.0, None: 1.0}
FORMATS = ("trl", "raw")
STYLES = ("standard", "conversational")
POLICIES = ("drop", "kto")


def _rows(include_compare: bool = True):
    with transaction() as s:
        q = (select(Label, Item, Prompt.text, Prompt.key, Labeler.name)
             .join(Item, Label.item_id == Item.id).join(Prompt, Item.prompt_id == Prompt.id)
             .join(Labeler, Label.labeler_id == Labeler.id).order_by(Label.id))
        if not include_compare:  # blind base-vs-tuned pairs (compare.py): held out from training
            q = q.where(Item.source != "compare")
        return list(s.execute(q))


def _wrap(style: str, role: str, text: str):
    return text if style == "standard" else [{"role": role, "content": text}]


def trl_rows(style: str = "standard", policy: str = "drop", margin: bool = True,
             include_compare: bool = True) -> list[dict]:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, got {style!r}")
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, got {policy!r}")
    out = []
    for label, item, prompt, _key, _name in _rows(include_compare):
        p = _wrap(style, "user", prompt)
        a, b = _wrap(style, "assistant", item.response_a), _wrap(style, "assistant", item.response_b)
        if policy == "kto":
            good = {"A": (True, False), "B": (False, True), "tie": (True, True), "both_bad": (False, False)}
            ga, gb = good[label.choice]
            out.append({"prompt": p, "completion": a, "label": ga})
            out.append({"prompt": p, "completion": b, "label": gb})
            continue
        if label.choice not in ("A", "B"):
            continue
        chosen, rejected = (a, b) if label.choice == "A" else (b, a)
        row = {"prompt": p, "chosen": chosen, "rejected": rejected}
        if margin:
            row["margin"] = MARGINS[label.strength]
        out.append(row)
    return out


def raw_rows() -> list[dict]:
    return [{
        "label_id": label.id, "client_id": label.client_id, "item_id": item.id, "prompt_key": key,
        "prompt": prompt, "response_a": item.response_a, "response_b": item.response_b,
        "contestant_a": item.contestant_a, "contestant_b": item.contestant_b,
        "labeler": name, "choice": label.choice, "left_shown": "A" if label.left_is_a else "B",
        "strength": label.strength, "rationale": label.rationale, "seconds": round(label.seconds, 3),
        "created_at": label.created_at.isoformat() + "Z",
    } for label, item, prompt, key, name in _rows()]


def export(out: str | Path, fmt: str = "trl", style: str = "standard", policy: str = "drop",
           margin: bool = True) -> int:
    """Write JSONL to `out` (atomically: a temp file renamed into place). Returns rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    rows = raw_rows() if fmt == "raw" else trl_rows(style, policy, margin)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(out)
    log.info("exported %d %s rows to %s", len(rows), fmt, out)
    return len(rows)
