"""Build round 20's fresh held-out prompt set for benchmarks/rlhf_loop.py (issue #16, helper k).

    taskset -c 1 env GENAI_THREADS=1 OMP_NUM_THREADS=1 PYTHONPATH=. .venv/bin/python \
        benchmarks/build_heldout_modelwritten.py [--out assets/labeling/heldout_prompts_modelwritten.jsonl]

A procedure unlike the other sets': the training and dev prompts are templates (topic x question
form, benchmarks/rlhf_loop.py), the "first" and "everyday" held-out sets were written by hand.
Here the base model itself (the bundled SmolLM2-135M-Instruct) writes the questions: for each of
the subject areas below it is asked for one short question a curious person might ask, sampled
(T=0.9, seeded). A question is kept when it is one line, one sentence ending in "?", 4-16 words,
with no digits, quotes or code characters, not about the request itself (curious, question,
ask, answer), is no prompt of any other set (training pool, dev-i,
dev, first, everyday) and not a near copy of a kept one (same first five words). The first 80 kept,
in draw order, are the set. The areas are broad everyday domains, written for this script; none is
a topic string of the templated pool.
Written and committed before any round-20 tuning run; judged once, at the end of the round.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

AREAS = ["cooking", "the weather", "pets", "the ocean", "sleep", "trees", "trains", "music", "money",
         "the moon", "insects", "friendship", "rivers", "bicycles", "the human heart", "deserts",
         "languages", "painting", "rain", "birds", "bread", "islands", "cars", "clocks", "volcanoes",
         "mountains", "soap", "teeth", "the wind", "farming", "bridges", "the sun", "snow", "fish",
         "exercise", "the brain", "honey", "football", "electricity", "maps", "shoes", "dreams",
         "salt", "rainbows", "planets", "gardening", "the internet", "schools", "coffee", "dogs"]
INSTRUCTION = "Write one short question that a curious person might ask about {a}. Reply with the question only."
BAD = re.compile(r"[0-9\"`<>{}\[\]()=/_\\$#@*|:;]")
META = re.compile(r"\b(curious|question|questions|ask|asking|answer)\b", re.I)  # questions about the request itself


def keep(q: str) -> bool:
    words = q.split()
    return (q.endswith("?") and q.count("?") == 1 and "\n" not in q and 4 <= len(words) <= 16
            and not BAD.search(q) and not META.search(q) and q[0].isupper() and not re.search(r"[.!]\s", q))


def extract(text: str) -> str:
    """The question in what the model wrote: a quoted question ("A curious person might ask, \"...?\""),
    else what follows a colon on the first line ("Question: ...?"), else the first line."""
    quoted = re.findall(r'"([^"\n]+\?)"?', text)
    if quoted:
        return " ".join(quoted[0].split())
    line = text.strip().split("\n")[0]
    return " ".join(line.split(":", 1)[-1].strip().strip('"').split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "assets/labeling/heldout_prompts_modelwritten.jsonl"))
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--per-area", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--show-rejected", action="store_true")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from rlhf_loop import FORM_SETS, TOPICS, fast_copy, prompt_sets

    from core.models.device import apply_thread_setting
    from core.preferences.policy_model import base_model_path, load_policy_base, sample_answers

    apply_thread_setting()
    taken: set[str] = set()
    for forms in FORM_SETS:  # every templated pool any round trained on, plus every judged set
        train, sets = prompt_sets(len(TOPICS) * len(FORM_SETS[forms]), 60, forms, 0)
        taken |= set(train) | {p for name, ps in sets.items() if name != "modelwritten" for p in ps}
    taken_low = {p.lower() for p in taken}
    base, tok = load_policy_base(base_model_path("bundled"))
    gen = fast_copy(base)
    asks = [INSTRUCTION.format(a=area) for area in AREAS]
    out = sample_answers(gen, tok, asks, n=a.per_area, temperature=0.9, top_p=0.95, max_new_tokens=32,
                         seed=a.seed, batch_size=40)
    kept, heads = [], set()
    for i in range(a.per_area):  # draw order: one question of every area, then the second of each, ...
        for area, qs in zip(AREAS, out):
            q = extract(qs[i])
            head = " ".join(q.lower().split()[:5])
            if keep(q) and q.lower() not in taken_low and head not in heads:
                kept.append({"area": area, "prompt": q})
                heads.add(head)
    if a.show_rejected:
        for qs in out:
            for q in qs:
                if not keep(extract(q)):
                    print("rejected:", repr(q[:100]), file=sys.stderr)
    if len(kept) < a.n:
        print(f"only {len(kept)} questions kept (need {a.n}): raise --per-area", file=sys.stderr)
        return 1
    rows = [{"id": f"m{i + 1:02d}", "prompt": r["prompt"], "area": r["area"]} for i, r in enumerate(kept[:a.n])]
    Path(a.out).write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(kept)} kept of {len(AREAS) * a.per_area} written; {a.n} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
