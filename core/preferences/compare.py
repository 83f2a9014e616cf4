"""Tuned vs base, on prompts the run never trained on: automatic figures and a blind human test.

    report = build_comparison(data_dir, run_id, base_path)   # answers, KL, perplexity, reward shift;
                                                             # publishes blind pairs to the labelers
    blind_results(run_id)                                     # the room's verdict so far

Blind pairs are ordinary items (contestants "base" and "tuned:<run id>", source "compare"):
the labeling page serves them like any other pair, with the left/right order drawn per
labeler, and never says which model wrote what. They are served before other items, and
they are never trained on (the export used for training leaves them out), so a later run
can be compared on the same prompts honestly.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from sqlalchemy import select

from core.preferences import policy_runs
from core.preferences.db import transaction
from core.preferences.schema import Item, Label, Prompt

log = logging.getLogger(__name__)

SOURCE = "compare"
BASE = "base"
HELDOUT = Path(__file__).resolve().parents[2] / "assets" / "labeling" / "heldout_prompts.jsonl"


def tuned_name(run_id: str) -> str:
    return f"tuned:{run_id}"


def heldout_prompts(data_dir, run_id: str, path: str | Path | None = None, limit: int | None = None) -> list[str]:
    """Prompts from `path` (JSONL with "prompt"; default: the shipped held-out set) that the run never saw."""
    path = Path(path or HELDOUT)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        prompts = [json.loads(line)["prompt"] for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise ValueError(f"{path}: expected JSONL rows with a 'prompt' field ({e})") from None
    seen = {r["prompt"] for r in policy_runs.read_rows(data_dir, run_id)}
    prompts = [p for p in prompts if isinstance(p, str) and p.strip() and p not in seen]
    if not prompts:
        raise ValueError(f"{path}: no prompt left that the run did not train on")
    return prompts[:limit] if limit else prompts


def publish_pairs(run_id: str, prompts: list[str], base: list[str], tuned: list[str]) -> int:
    """Store (base, tuned) answers as blind items. Returns items added (existing ones are kept)."""
    from core.preferences.importing import flag_reasons

    added = 0
    with transaction() as s:
        for text, a, b in zip(prompts, base, tuned):
            key = "compare-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
            prompt = s.scalar(select(Prompt).where(Prompt.key == key))
            if prompt is None:
                prompt = Prompt(key=key, text=text, category="compare")
                s.add(prompt)
                s.flush()
            exists = s.scalar(select(Item.id).where(Item.prompt_id == prompt.id, Item.contestant_a == BASE,
                                                    Item.contestant_b == tuned_name(run_id)))
            if exists:
                continue
            reasons = flag_reasons(text, (a, b))
            s.add(Item(prompt_id=prompt.id, response_a=a, response_b=b, contestant_a=BASE,
                       contestant_b=tuned_name(run_id), source=SOURCE, flagged=bool(reasons),
                       flag_reasons="; ".join(reasons)))
            added += 1
    return added


def build_comparison(data_dir, run_id: str, base_path: str, prompts_path: str | Path | None = None,
                     limit: int | None = 40, temperature: float = 0.7, max_new_tokens: int = 64,
                     publish: bool = True, seed: int = 0) -> dict:
    """Answer held-out prompts with base and tuned; measure; publish blind pairs; save compare.json."""
    from core.preferences.policy_eval import kl_to_base, ordinary_text_windows, perplexity
    from core.preferences.policy_model import load_policy_base, load_tuned, sample_answers
    from core.preferences.reward import model_dir

    run = policy_runs.load_run(data_dir, run_id)
    if run["status"] != "done":
        raise ValueError(f"policy run {run_id} is {run['status']}; only a finished run can be compared")
    prompts = heldout_prompts(data_dir, run_id, prompts_path, limit)
    base, tok = load_policy_base(base_path)
    tuned, _ = load_tuned(base_path, policy_runs.adapter_dir(data_dir, run_id))
    kw = dict(n=1, temperature=temperature, max_new_tokens=max_new_tokens, seed=seed)
    base_ans = [x[0] for x in sample_answers(base, tok, prompts, **kw)]
    tuned_ans = [x[0] for x in sample_answers(tuned, tok, prompts, **kw)]
    texts = ordinary_text_windows(12)
    ppl_base, ppl_tuned = perplexity(base, tok, texts), perplexity(tuned, tok, texts)
    report = {
        "run_id": run_id, "prompts": len(prompts), "temperature": temperature, "max_new_tokens": max_new_tokens,
        "kl_to_base": kl_to_base(tuned, base, tok, prompts, tuned_ans),
        "perplexity": {"base": ppl_base, "tuned": ppl_tuned, "rise": ppl_tuned / ppl_base - 1, "windows": len(texts)},
        "reward_model": _reward_shift(prompts, base_ans, tuned_ans, model_dir()),
        "samples": [{"prompt": p, "base": b, "tuned": t} for p, b, t in zip(prompts, base_ans, tuned_ans)],
        "published": publish_pairs(run_id, prompts, base_ans, tuned_ans) if publish else 0,
    }
    path = policy_runs.run_folder(data_dir, run_id) / "compare.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return report


def _reward_shift(prompts, base_ans, tuned_ans, reward_path: Path) -> dict:
    if not (reward_path / "config.json").exists():
        return {"available": False, "reason": "no reward model trained yet (Host tab: Reward model)"}
    from core.preferences.best_of_n import reward_scores

    b = reward_scores(prompts, base_ans, reward_path)
    t = reward_scores(prompts, tuned_ans, reward_path)
    mb, mt = sum(b) / len(b), sum(t) / len(t)
    return {"available": True, "base": mb, "tuned": mt, "shift": mt - mb,
            "tuned_higher": sum(x > y for x, y in zip(t, b)) / len(b)}


def load_report(data_dir, run_id: str) -> dict | None:
    path = policy_runs.run_folder(data_dir, run_id) / "compare.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def blind_results(run_id: str, bootstrap: int = 200) -> dict:
    """The labelers' verdict on the blind pairs of one run: win rate (ties half) with a 95 %
    Wilson interval, Bradley-Terry ratings with bootstrap intervals, and position bias."""
    from core.preferences.policy_eval import win_rate
    from core.preferences.ratings import bradley_terry
    from core.preferences.stats import position_bias

    with transaction() as s:
        q = (select(Label.choice, Label.left_is_a, Label.item_id)
             .join(Item, Label.item_id == Item.id)
             .where(Item.source == SOURCE, Item.contestant_b == tuned_name(run_id)))
        labels = list(s.execute(q))
        items = s.scalar(select(Item.id).where(Item.source == SOURCE, Item.contestant_b == tuned_name(run_id))
                         .limit(1)) is not None
    tuned_side = {"B": 1.0, "A": 0.0, "tie": 0.5}
    outcomes = [tuned_side[l.choice] for l in labels if l.choice in tuned_side]
    strict = [l for l in labels if l.choice in ("A", "B")]
    comps = [(BASE, tuned_name(run_id), l.choice) for l in labels]
    ratings = [r.to_dict() for r in bradley_terry(comps, bootstrap=bootstrap)] if labels else []
    return {"run_id": run_id, "published": items, "labels": len(labels),
            "both_bad": sum(1 for l in labels if l.choice == "both_bad"),
            "items_labelled": len({l.item_id for l in labels}),
            "tuned_win_rate": win_rate(outcomes),
            "position_bias": position_bias([(l.choice == "A") == l.left_is_a for l in strict]),
            "ratings": ratings}
