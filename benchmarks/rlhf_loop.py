"""The whole RLHF loop on a simulated room: do the room's labels make the chat model better?

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/rlhf_loop.py [--quick]

1. Training prompts are made by TEMPLATE (topic x question form, below; --forms wide, the default
   since round j, adds first-person how-to forms to rounds d-i's five; reader and advice are
   options tried in rounds j and k, not adopted); the held-out prompts
   (--heldout-set: assets/labeling/heldout_prompts_everyday.jsonl by default, or the first set
   heldout_prompts.jsonl) were written by hand, before any tuning, by a different procedure;
   modelwritten (round 20) was written by the base model itself (benchmarks/build_heldout_modelwritten.py);
   no prompt of any held-out set is trained on.
2. The room's items are made as the labeling app makes them: each contestant of
   assets/labeling/contestants.json (its own system prompt, temperature, token cap; at most
   --max-new-tokens, 48 by default) writes its `samples` candidate answers to every training
   prompt with the bundled SmolLM2-135M-Instruct, and every two contestants form a pair from
   the two candidates whose openings differ most (3 per prompt: 100 prompts = 300 pairs),
   imported into a fresh preference store. Sampling runs on a bfloat16 copy where the CPU
   multiplies bf16 natively; perplexity and KL use the float32 models. DPO trains on the user turn only (no
   contestant's system prompt), so the tuned model must produce the preferred style unprompted.
   --pairs-cache reuses the generated candidates across tuning trials (the JSON records which);
   --pairing shared (round l's option) pairs the two candidates whose openings are most alike instead.
3. Simulated labelers with a hidden preference (benchmarks/rlhf_judge.py: answer directly and
   politely; not length) and noise label every item once, through core.preferences.
4. From the store's export: a reward model (TRL RewardTrainer, MiniLM) and a DPO policy run
   (core/preferences/policy_train.py: TRL DPOTrainer + LoRA). Training is timed.
5. On the held-out prompts: tuned vs base, and best-of-4 (reward model picks among 4 base
   samples) vs base, judged by the hidden preference; sampled (T=0.7, the headline, declared
   before running) and greedy. 95 % Wilson intervals; ties count half.
6. Does it stay a language model: perplexity on ordinary text (the RAG corpus) before and
   after, and the KL of the tuned model to the base on its own answers.
--dev N: judge on N templated prompts that are neither trained on nor held out (tuning trials),
   so the held-out figure is taken once, with the settings chosen on the dev prompts.
--judge-on dev,dev-i,first,everyday: judge ONE trained model on several sets (dev-i: rounds d-i's
   60 dev prompts, never trained on, so trials of any round compare); the first named heads the JSON.
--set KEY=VALUE: any training setting of core/preferences/policy_train.DEFAULTS (JSON value, or a bare
   string: --set loss_type=apo_zero), for tuning trials.
--pair-filter kind-contrast (round 21, an ORACLE diagnostic, never a product option): train only on the strict
   pairs where exactly one answer has a kind phrase of the judge's lexicon; it reads the hidden preference.
--quick: 16 training prompts (48 pairs), 6 DPO steps, 24 held-out prompts, for routine checks.
--prompts N / --heldout N: a smaller room than the target's 300 pairs (a loaded machine).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TOPICS = ["a rainforest", "compound interest", "a solar eclipse", "the water cycle", "a healthy breakfast",
          "public speaking", "a black hole", "composting", "a credit score", "the immune system",
          "jet lag", "a sourdough starter", "a thesaurus", "the Roman Empire", "a hybrid car",
          "time management", "a coral reef", "the stock market", "a telescope", "meditation",
          "a glacier", "an electric guitar", "photosynthesis in algae", "a job reference", "a podcast",
          "the printing press", "a bird's nest", "a marathon", "a spreadsheet formula", "a thunderstorm",
          "a vegetable garden", "the metric system", "a library card", "a chess opening", "a cover letter",
          "wind turbines", "a fossil", "a budget travel plan", "sunscreen", "a wedding toast",
          "a search engine", "tide pools", "a sewing machine", "an encyclopedia", "a first aid kit",
          "a solar panel", "a city map", "a book club", "a fire drill", "a sleeping bag",
          "a weather forecast", "a lighthouse", "a recipe substitution", "a team meeting", "a microscope",
          "the alphabet", "a bank account", "a mountain bike", "a yoga mat", "an orchestra",
          "a password", "a volcano eruption", "a houseplant", "a coffee grinder", "a museum visit",
          "the Olympic Games", "an airport security check", "a thermostat", "a study schedule", "a pizza oven",
          "a hiking trail", "a hearing aid", "a crossword puzzle", "a paper airplane", "a snow day"]
# Hand-written held-out sets (assets/labeling/): "first", looked at once in round d;
# "everyday" (first-person everyday questions, another author), committed before round i's tuning.
# "modelwritten" (round 20): questions the base model wrote, by benchmarks/build_heldout_modelwritten.py,
# committed before round 20's tuning runs.
HELDOUT_SETS = {"first": "heldout_prompts.jsonl", "everyday": "heldout_prompts_everyday.jsonl",
                "modelwritten": "heldout_prompts_modelwritten.jsonl"}
# Question forms of the templated prompts. Rounds d-i used the first five ("round-i"): impersonal
# questions about a thing, where the base model's first sentence rarely speaks to the reader, so the
# pairs almost never differ in kindness. "wide" adds first-person how-to forms and "why/how do
# people" forms (none is a held-out prompt; the held-out sets were written by hand, elsewhere).
FORMS_ROUND_I = ["What is {t}?", "Can you explain {t} briefly?", "How does {t} work?", "Why does {t} matter?",
                 "What should a beginner know about {t}?"]
FORMS_WIDE = FORMS_ROUND_I + ["How do I get started with {t}?", "What tips do you have for {t}?",
                              "I want to learn about {t}. Where should I start?", "Why do people care about {t}?",
                              "How do people use {t}?", "What mistakes do people make with {t}?"]
# "reader": wide without the three forms whose pairs are (almost) never decisive ("What is {t}?" 0/12,
# "Can you explain {t} briefly?" and "How does {t} work?" 1/12 in the probe: tie pairs are dropped, so
# they only add careless clicks), plus one more first-person form.
FORMS_READER = [f for f in FORMS_WIDE if f not in FORMS_ROUND_I[:3]] + ["How can I explain {t} to a child?"]
# "advice" (round k): only forms that ask for help or advice in the first or second person, where a
# sampled answer often speaks to the reader ("You can learn more about X by ..."): reader's five forms
# whose candidates had a kind phrase in >= 6 of 24 (probe, round j) plus three more probed on training
# templates only (kind phrase in 12, 11 and 5 of 24 candidates; /work/notes/issue-16-s.md). None of them is
# an impersonal "what/why/how does" question: whether the kindness carries over to those is what dev-i checks.
FORMS_ADVICE = ["What should a beginner know about {t}?", "How do I get started with {t}?",
                "What tips do you have for {t}?", "I want to learn about {t}. Where should I start?",
                "How can I explain {t} to a child?", "How can I learn more about {t}?", "Any advice on {t}?",
                "Could you tell me about {t}?"]
FORM_SETS = {"round-i": FORMS_ROUND_I, "wide": FORMS_WIDE, "reader": FORMS_READER, "advice": FORMS_ADVICE}
FORMS = FORMS_ROUND_I  # kept for readers of earlier rounds


def training_prompts(n: int, heldout: set[str], seed: int, forms: list[str] = FORMS_ROUND_I) -> list[str]:
    rng = random.Random(seed)
    pool = [f.format(t=t) for t in TOPICS for f in forms]
    rng.shuffle(pool)
    return [p for p in pool if p not in heldout][:n]


def prompt_sets(n_train: int, n_dev: int, forms: str, seed: int) -> tuple[list[str], dict[str, list[str]]]:
    """The training prompts and every set a run can be judged on, pairwise disjoint:
    first / everyday  the hand-written held-out sets (assets/labeling/)
    dev-i             rounds d-i's templated dev prompts (round-i forms, the 60 after their 100
                      training prompts), kept out of every training set so trials stay comparable
    dev               the templated pool of the chosen forms after the training prompts (not dev-i)"""
    sets = {name: [json.loads(l)["prompt"] for l in (ROOT / "assets/labeling" / f).read_text().splitlines()]
            for name, f in HELDOUT_SETS.items()}
    excluded = {p for ps in sets.values() for p in ps}  # no held-out prompt of any set is trained on
    sets["dev-i"] = training_prompts(100 + 60, excluded, seed, FORMS_ROUND_I)[100:100 + n_dev]
    excluded |= set(training_prompts(160, excluded, seed, FORMS_ROUND_I)[100:160])
    pool = training_prompts(n_train + n_dev, excluded, seed, FORM_SETS[forms])
    sets["dev"] = pool[n_train:]
    return pool[:n_train], sets


def room_pairs(base, tok, prompts: list[str], cap: int, seed: int, cache: str | None,
               pairing: str = "different") -> tuple[list[dict], str]:
    """The room's items, made as the labeling app makes them: every contestant of
    assets/labeling/contestants.json writes its `samples` candidate answers to each prompt (its
    own system prompt, temperature and token cap, at most `cap`; an answer cut by the cap ends
    at its last whole sentence) and every two contestants form a pair: of their candidates, the
    two whose openings differ most (pairing "different": core.preferences.contestants.most_different,
    the app's picker) or, as an option, the two whose openings are most alike and whose rest
    differs most ("shared": shared_opening), or "mixed": shared for every other prompt, different for the
    rest (the coverage half and the kind half of a room's signal, each from half the prompts). With `cache`, every candidate answer is reused when
    the prompts, contestants, cap and seed are the same (tuning trials; any pairing picks from
    the same candidates); the source says which."""
    import hashlib
    from dataclasses import asdict
    from itertools import combinations

    from core.preferences.contestants import PICKERS, load_contestants, whole_sentences
    from core.preferences.policy_model import sample_answers

    contestants = load_contestants(ROOT / "assets" / "labeling" / "contestants.json")
    key = hashlib.sha256(json.dumps([prompts, [asdict(c) for c in contestants], cap, seed]).encode()).hexdigest()
    cached = Path(cache) if cache else None
    answers, source = {}, "generated"
    if cached and cached.exists():
        saved = json.loads(cached.read_text())
        if saved["key"] == key and "answers" in saved:
            answers, source = saved["answers"], f"cache {cached}"
    for c in [] if answers else contestants:  # a cache hit generates nothing
        c_cap = min(c.max_new_tokens, cap)
        out = sample_answers(base, tok, prompts, n=c.samples, temperature=c.temperature, top_p=c.top_p,
                             max_new_tokens=c_cap, seed=seed + (c.seed or 0), batch_size=32, system=c.system)
        answers[c.name] = [[whole_sentences(x) if len(tok(x, add_special_tokens=False)["input_ids"]) >= c_cap - 1 else x
                            for x in xs] for xs in out]
    rows = []
    for i, p in enumerate(prompts):
        for j, (x, y) in enumerate(combinations(contestants, 2)):
            pick = PICKERS["shared" if pairing == "shared" or (pairing == "mixed" and i % 2) else "different"]
            a, b = pick(answers[x.name][i], answers[y.name][i])
            rows.append({"id": f"t{i:03d}-{j}", "prompt": p, "response_a": a, "response_b": b,
                         "model_a": x.name, "model_b": y.name})
    if cached and source == "generated":
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"key": key, "answers": answers}))
    return rows, source


def kind_contrast(prefs: list[dict]) -> list[dict]:
    """Round 21's oracle filter: the strict pairs where exactly one of the two answers has a kind phrase of
    the simulated room's hidden preference (rlhf_judge.KIND); the room's label still says which is chosen.
    A real room does not expose its preference, so this is a diagnostic, not a product option."""
    from rlhf_judge import KIND

    def kind(text: str) -> bool:
        return any(k in text.lower() for k in KIND)

    return [r for r in prefs if kind(r["chosen"]) != kind(r["rejected"])]


def setting_value(text: str):
    """A --set value: JSON (numbers, null, true) or, when it is not JSON, the bare string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def label_room(rows: list[dict], labelers: int, seed: int) -> dict:
    from rlhf_judge import SimLabeler

    from core.preferences import assignment, identity, submit
    from core.preferences.importing import import_file

    path = Path(os.environ["GENAI_DATA_DIR"]) / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    imported = import_file(path)
    people = [(identity.join(f"sim{i}", "studio").token, SimLabeler(seed + i)) for i in range(labelers)]
    n, choices = 0, {}
    while True:
        progressed = False
        for token, person in people:
            served = assignment.next_item(token)
            if served.status != "item":
                continue
            c = person.choose(served.prompt, served.left, served.right)
            choices[c] = choices.get(c, 0) + 1
            submit.submit(token, served.assignment_id, c, None, "", f"sim-{n:06d}")
            n += 1
            progressed = True
        if not progressed:
            return {"items": imported.items_added, "flagged": imported.flagged, "labels": n, "choices": choices}


def fast_copy(model):
    """A bfloat16 copy for sampling where the CPU multiplies bf16 natively (several times faster
    here); the float32 originals measure perplexity and KL."""
    import copy

    import torch

    from core.models.fast_llama import native_bfloat16

    return copy.deepcopy(model).to(torch.bfloat16) if native_bfloat16() else model


def judged(prompts, tuned, base) -> list[float]:
    from rlhf_judge import compare

    return [compare(p, t, b) for p, t, b in zip(prompts, tuned, base)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--labelers", type=int, default=6)
    ap.add_argument("--max-new-tokens", type=int, default=48)
    ap.add_argument("--method", default="dpo", choices=("dpo", "sft-dpo"))
    ap.add_argument("--prompts", type=int, default=None, help="training prompts (3 pairs each; default 100 = 300 pairs)")
    ap.add_argument("--forms", default="wide", choices=sorted(FORM_SETS),
                    help="question forms of the templated training prompts (round-i: rounds d-i's five)")
    ap.add_argument("--pairing", default="different", choices=("different", "shared", "mixed"),
                    help="which two candidates of two contestants form a pair: openings that differ most (the "
                         "app's picker), openings most alike, differing later, or mixed: shared on every other prompt (round l's options)")
    ap.add_argument("--pairs-cache", default=None, help="JSON file: reuse the room's generated pairs (tuning trials)")
    ap.add_argument("--heldout", type=int, default=None, help="prompts judged per set (default 80)")
    ap.add_argument("--heldout-set", default="everyday", choices=sorted(HELDOUT_SETS),
                    help="which hand-written held-out set to judge on (default: everyday, written in round i)")
    ap.add_argument("--judge-on", default=None,
                    help="comma-separated sets to judge the SAME trained model on: dev, dev-i, first, everyday "
                         "(default: --heldout-set, or dev with --dev); the first named is the headline")
    ap.add_argument("--learning-rate", type=float, default=None, help="DPO learning rate (default: the product's)")
    ap.add_argument("--epochs", type=float, default=None, help="DPO passes over the pairs (default: the product's)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="any other training setting of core/preferences/policy_train.DEFAULTS (tuning trials)")
    ap.add_argument("--pair-filter", default=None, choices=("kind-contrast",),
                    help="ORACLE diagnostic (round 21): train only on pairs where exactly one answer is kind "
                         "under the hidden preference's lexicon")
    ap.add_argument("--dev", type=int, default=0,
                    help="judge on N templated DEV prompts (neither trained on nor held out) instead of the "
                         "held-out prompts: for tuning, so the held-out figure is taken once")
    ap.add_argument("--no-best-of-n", action="store_true",
                    help="skip the reward model and best-of-4 (a crowded machine: DPO and its judgement only)")
    ap.add_argument("--greedy", action="store_true", help="also compare greedy answers (2 more generations a prompt)")
    ap.add_argument("--out", default=None, help="JSON results (default benchmarks/results/rlhf_loop[-quick].json)")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-rlhf-"))
    os.environ.update({"GENAI_DATA_DIR": str(work), "GENAI_PREFS_QUOTA": "100000", "GENAI_PREFS_OVERLAP": "1",
                       "HF_HUB_OFFLINE": "1"})
    import torch

    from core.models.device import apply_thread_setting
    from core.preferences import policy_train
    from core.preferences.best_of_n import pick_best, reward_scores
    from core.preferences.export import trl_rows
    from core.preferences.policy_eval import kl_to_base, ordinary_text_windows, perplexity, win_rate
    from core.preferences.policy_model import base_model_path, load_policy_base, load_tuned, sample_answers
    from core.preferences.reward import train_reward

    apply_thread_setting()
    t_all, load_before = time.perf_counter(), os.getloadavg()
    n_train, n_held, max_steps = (16, 24, 6) if a.quick else (100, 80, -1)
    n_train, n_held = a.prompts or n_train, a.heldout or n_held
    prompts, sets = prompt_sets(n_train, a.dev or 60, a.forms, a.seed)
    judge_on = a.judge_on.split(",") if a.judge_on else ["dev" if a.dev else a.heldout_set]
    unknown = [j for j in judge_on if j not in sets]
    if unknown:
        ap.error(f"--judge-on: unknown set(s) {unknown}; known: {sorted(sets)}")
    overrides = {}
    for kv in a.set:
        k, _, v = kv.partition("=")
        overrides[k] = setting_value(v)
    path = base_model_path("bundled")
    base, tok = load_policy_base(path)
    def tok_len(s):
        return len(tok(s, add_special_tokens=False)["input_ids"])

    t = time.perf_counter()
    gen_base = fast_copy(base)
    rows, pairs_source = room_pairs(gen_base, tok, prompts, a.max_new_tokens, a.seed, a.pairs_cache, a.pairing)
    t_gen = time.perf_counter() - t
    room = label_room(rows, a.labelers, a.seed)
    prefs = trl_rows("standard", "drop", margin=True)
    strict_all = len(prefs)
    if a.pair_filter == "kind-contrast":
        prefs = kind_contrast(prefs)

    t = time.perf_counter()
    reward = None if a.no_best_of_n else train_reward(prefs, heldout=0.2, seed=a.seed)
    t_reward = time.perf_counter() - t
    run = policy_train.start_run(work, prefs, a.method, "bundled", max_steps=max_steps, seed=a.seed,
                                 learning_rate=a.learning_rate, epochs=a.epochs, **overrides)
    t, cpu = time.perf_counter(), time.process_time()
    run = policy_train.train_run(work, run["id"], path)
    t_train, cpu_train = time.perf_counter() - t, time.process_time() - cpu  # CPU: what a dedicated core would take
    if run["status"] != "done":
        print(f"policy run {run['status']}: {run.get('error')}")
        return 1
    print(f"trained: {len(prefs)} strict pairs in {t_train:.0f} s (reward model {t_reward:.0f} s, pair generation "
          f"{t_gen:.0f} s); load {os.getloadavg()[0]:.2f}; run folder {work / 'policy_runs' / run['id']}", flush=True)
    tuned, _ = load_tuned(path, work / "policy_runs" / run["id"] / "adapter")
    gen_tuned = fast_copy(tuned)
    from rlhf_judge import score

    def mean(xs):
        return sum(xs) / len(xs)

    def judge_set(name: str) -> dict:
        """Tuned vs base (and best-of-4 vs base) on one prompt set: the same calls and seeds as
        rounds d-i's single-set runs, so a set's base answers match theirs."""
        heldout = sets[name][:n_held]
        base_s = sample_answers(gen_base, tok, heldout, n=1 if a.no_best_of_n else 5, temperature=0.7,
                                max_new_tokens=a.max_new_tokens, seed=a.seed + 1, batch_size=40)
        tuned_s = [x[0] for x in sample_answers(gen_tuned, tok, heldout, n=1, temperature=0.7,
                                                max_new_tokens=a.max_new_tokens, seed=a.seed + 2, batch_size=40)]
        base_one = [x[0] for x in base_s]
        bo4 = pick_best(heldout, [x[1:5] for x in base_s], reward.path)[0] if reward else None
        greedy = None
        if a.greedy:
            base_g = [x[0] for x in sample_answers(gen_base, tok, heldout, max_new_tokens=a.max_new_tokens, batch_size=40)]
            tuned_g = [x[0] for x in sample_answers(gen_tuned, tok, heldout, max_new_tokens=a.max_new_tokens, batch_size=40)]
            greedy = win_rate(judged(heldout, tuned_g, base_g))
        rew = {k: mean(v) for k, v in (("base", reward_scores(heldout, base_one, reward.path)),
                                       ("tuned", reward_scores(heldout, tuned_s, reward.path)))} if reward else None
        return {
            "judged_on": name if name.startswith("dev") else f"heldout:{name}", "heldout_prompts": len(heldout),
            "win_rate_sampled": win_rate(judged(heldout, tuned_s, base_one)),
            "win_rate_greedy": greedy,
            "best_of_4_vs_base_sampled": win_rate(judged(heldout, bo4, base_one)) if bo4 else None,
            "hidden_score": {"base": mean([score(p, x) for p, x in zip(heldout, base_one)]),
                             "tuned": mean([score(p, x) for p, x in zip(heldout, tuned_s)]),
                             "best_of_4": mean([score(p, x) for p, x in zip(heldout, bo4)]) if bo4 else None},
            "answer_tokens": {"base": mean([tok_len(x) for x in base_one]), "tuned": mean([tok_len(x) for x in tuned_s]),
                              "best_of_4": mean([tok_len(x) for x in bo4]) if bo4 else None},
            "reward_model_score": rew | {"shift": rew["tuned"] - rew["base"]} if rew else None,
            "kl_to_base": kl_to_base(tuned, base, tok, heldout, tuned_s),
            "answers": [{"prompt": p, "base": b, "tuned": x} for p, b, x in zip(heldout, base_one, tuned_s)],
        }

    t = time.perf_counter()
    by_set = {name: judge_set(name) for name in judge_on}
    t_eval = time.perf_counter() - t
    texts = ordinary_text_windows(12)
    ppl_base, ppl_tuned = perplexity(base, tok, texts), perplexity(tuned, tok, texts)
    head = by_set[judge_on[0]]
    results = {
        "quick": a.quick, "method": a.method, "seed": a.seed, "threads": torch.get_num_threads(),
        "affinity": sorted(os.sched_getaffinity(0)), "load_before": load_before, "machine": platform.processor(),
        "generation_dtype": str(gen_base.dtype), "forms": a.forms, "pairing": a.pairing,
        "train_prompts": len(prompts), "pairs_source": pairs_source, "max_new_tokens": a.max_new_tokens, "room": room, "strict_pairs": len(prefs),
        "pair_filter": a.pair_filter, "strict_pairs_before_filter": strict_all,
        "reward_model": reward.to_dict() if reward else None,
        "policy_run": {k: run[k] for k in ("id", "settings", "metrics", "data_hash")},
        "seconds": {"generate_pairs": round(t_gen, 1), "reward_train": round(t_reward, 1),
                    "policy_train": round(t_train, 1), "policy_train_cpu": round(cpu_train, 1), "eval_generation": round(t_eval, 1),
                    "total": round(time.perf_counter() - t_all, 1)},
        # the headline set's figures at the top level, as in earlier rounds' JSON
        **{k: v for k, v in head.items() if k != "answers"},
        "perplexity": {"base": ppl_base, "tuned": ppl_tuned, "rise": ppl_tuned / ppl_base - 1,
                       "windows": len(texts)},
        "load_after": os.getloadavg(),
        "samples": head["answers"][:6],
        "sets": by_set,
    }
    out = Path(a.out or ROOT / "benchmarks" / "results" / f"rlhf_loop{'-quick' if a.quick else ''}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print_table(results)
    return 0


def print_table(r: dict) -> None:
    def f(w):
        return f"{w['win_rate']:.3f} [{w['low']:.3f}, {w['high']:.3f}]  n={w['n']} (W{w['wins']}/T{w['ties']}/L{w['losses']})"
    print(f"room: {r['room']['items']} pairs labelled by simulated labelers -> {r['strict_pairs']} strict preferences "
          f"{r['room']['choices']} (training forms: {r.get('forms', 'round-i')})")
    if r.get("pair_filter"):
        print(f"pair filter {r['pair_filter']} (oracle): {r['strict_pairs']} of {r['strict_pairs_before_filter']} "
              f"strict pairs kept")
    st = r["policy_run"]["settings"]
    print(f"DPO loss_type {st.get('loss_type', 'sigmoid')}, beta {st['beta']}, epochs {st['epochs']}, "
          f"learning rate {st['learning_rate']}")
    if r["reward_model"]:
        print(f"reward model held-out pairwise accuracy {r['reward_model']['heldout_accuracy']:.3f} on "
              f"{r['reward_model']['heldout_pairs']} pairs (longer-answer baseline "
              f"{r['reward_model']['length_baseline_accuracy']:.3f})")
    for s in (r.get("sets") or {"": r}).values():
        where = "DEV (templated)" if s.get("judged_on") == "dev" else s.get("judged_on", "held-out")
        print(f"{'on ' + str(s['heldout_prompts']) + ' ' + where + ' prompts, hidden preference':<48}{'win rate vs base [95 % CI]':>40}")
        print(f"{'DPO-tuned (LoRA), sampled T=0.7':<48}{f(s['win_rate_sampled']):>40}")
        if s["win_rate_greedy"]:
            print(f"{'DPO-tuned (LoRA), greedy':<48}{f(s['win_rate_greedy']):>40}")
        if s["best_of_4_vs_base_sampled"]:
            print(f"{'peer: best-of-4 by the reward model, T=0.7':<48}{f(s['best_of_4_vs_base_sampled']):>40}")
        hs, at, kl = s["hidden_score"], s["answer_tokens"], s["kl_to_base"]
        print(f"  hidden score base {hs['base']:.3f} tuned {hs['tuned']:.3f} best-of-4 {hs['best_of_4']}; "
              f"answer tokens base {at['base']:.1f} tuned {at['tuned']:.1f} best-of-4 {at['best_of_4']}; "
              f"KL(tuned||base) {kl['kl_per_token']:.4f} nats/token, {kl['kl_per_answer']:.3f} per answer")
        rm = s["reward_model_score"]
        if rm:
            print(f"  reward-model score base {rm['base']:.3f} tuned {rm['tuned']:.3f} (shift {rm['shift']:+.3f})")
    pp = r["perplexity"]
    print(f"perplexity on ordinary text: base {pp['base']:.2f} tuned {pp['tuned']:.2f} (rise {100 * pp['rise']:+.1f} %)")
    s = r["seconds"]
    print(f"seconds: pair generation {s['generate_pairs']}, reward model {s['reward_train']}, "
          f"DPO on {r['strict_pairs']} pairs {s['policy_train']} (CPU {s['policy_train_cpu']}), evaluation {s['eval_generation']}, total {s['total']} "
          f"({r['threads']} torch threads, CPUs {r['affinity']}, load {r['load_before'][0]:.2f} -> {r['load_after'][0]:.2f})")


if __name__ == "__main__":
    sys.exit(main())
