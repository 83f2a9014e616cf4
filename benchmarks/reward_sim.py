"""Reward model from simulated labels: does the whole loop (label -> export -> train) learn?

    .venv/bin/python benchmarks/reward_sim.py [--labelers 6] [--accuracy 0.85]

Pairs: each sample prompt (assets/labeling/prompts.jsonl) x several answer templates; one
side is a helpful answer, the other a dismissive or off-topic one (sides shuffled). Simulated
labelers (through core.preferences, k=3 overlap) prefer the helpful side with probability
`--accuracy`, otherwise pick the other side, tie or both-bad. Then, as a user would:
`python -m core prefs stats --json` and `python -m core prefs train-reward --json`.
Peer in the same run: the "longer answer wins" baseline on the same held-out pairs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GOOD = ["Here is a clear answer: {t} Let me know if you want more detail.",
        "Good question. In short: {t}",
        "Sure! {t} I hope this helps."]
BAD = ["I don't want to answer that.", "Figure it out yourself.", "Bananas are yellow.",
       "That question is boring, ask something else. Honestly it is not worth my time at all."]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labelers", type=int, default=6)
    ap.add_argument("--accuracy", type=float, default=0.85)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-reward-"))
    os.environ["GENAI_DATA_DIR"] = str(work)
    os.environ["GENAI_PREFS_QUOTA"] = "1000"
    rng = random.Random(a.seed)
    prompts = [json.loads(l) for l in (ROOT / "assets/labeling/prompts.jsonl").read_text().splitlines()]
    rows = []
    for p in prompts:
        for gi, g in enumerate(GOOD):
            good = g.format(t=f"about '{p['prompt'].rstrip('?.')}', the key facts are simple.")
            bad = BAD[(gi + len(rows)) % len(BAD)]
            a_good = rng.random() < 0.5
            rows.append({"id": p["id"], "prompt": p["prompt"], "response_a": good if a_good else bad,
                         "response_b": bad if a_good else good, "model_a": "helpful" if a_good else f"unhelpful-{gi}",
                         "model_b": f"unhelpful-{gi}" if a_good else "helpful"})
    (work / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    from core.preferences import assignment, identity, submit
    from core.preferences.importing import import_file

    import_file(work / "pairs.jsonl")
    good_texts = {r[k] for r in rows for k in ("response_a", "response_b") if r[k].startswith(("Here", "Good", "Sure"))}
    tokens = [identity.join(f"sim{i}", "studio").token for i in range(a.labelers)]
    n = 0
    while True:
        progressed = False
        for t in tokens:
            served = assignment.next_item(t)
            if served.status != "item":
                continue
            good_side = "left" if served.left in good_texts else "right"
            r = rng.random()
            if r < a.accuracy:
                choice = good_side
            else:
                choice = rng.choice(["left" if good_side == "right" else "right", "tie", "both_bad"])
            strength = rng.choice([None, "slightly", "clearly", "much"]) if choice in ("left", "right") else None
            submit.submit(t, served.assignment_id, choice, strength, "", f"sim-{n:06d}")
            n += 1
            progressed = True
        if not progressed:
            break
    env = dict(os.environ)
    stats = json.loads(subprocess.run([sys.executable, "-m", "core", "prefs", "stats", "--json"], cwd=ROOT, env=env,
                                      capture_output=True, text=True, check=True).stdout)
    train = subprocess.run([sys.executable, "-m", "core", "prefs", "train-reward", "--json"], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    if train.returncode != 0:
        print(train.stderr[-2000:])
        return 1
    res = json.loads(train.stdout.strip().splitlines()[-1])
    ag = stats["agreement"]
    print(f"{len(rows)} pairs, {n} labels by {a.labelers} simulated labelers (accuracy {a.accuracy})")
    print(f"Fleiss kappa {ag['fleiss_kappa']:.3f}  Krippendorff alpha {ag['krippendorff_alpha']:.3f}  "
          f"left-win rate {stats['position_bias']['left_rate']:.3f}")
    print(f"{'model':<36}{'held-out pairwise accuracy':>28}")
    print(f"{'reward model (MiniLM, TRL RewardTrainer)':<36}{res['heldout_accuracy']:>28.3f}")
    print(f"{'peer: longer answer wins':<36}{res['length_baseline_accuracy']:>28.3f}")
    print(f"train pairs {res['train_pairs']}, held-out pairs {res['heldout_pairs']}, steps {res['steps']}, "
          f"loss {res['train_loss']:.3f}, {res['seconds']:.0f} s on CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
