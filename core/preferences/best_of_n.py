"""Best-of-n: the no-training baseline for preference tuning.

Sample n answers from the base model and keep the one the trained reward model
(core/preferences/reward.py) scores highest. It costs n generations per question at answer
time instead of a training run, and shows how much of the room's preference the reward
model alone captures.
"""
from __future__ import annotations

from pathlib import Path

from core.preferences.policy_model import sample_answers


def pick_best(prompts: list[str], candidates: list[list[str]], reward_path: str | Path) -> tuple[list[str], list[float]]:
    """The highest-reward candidate per prompt, and its reward."""
    from core.preferences.reward import _load_trained, _scores

    model, tokenizer = _load_trained(Path(reward_path))
    flat_p = [p for p, cs in zip(prompts, candidates) for _ in cs]
    flat_c = [c for cs in candidates for c in cs]
    scores = _scores(model, tokenizer, flat_p, flat_c)
    best, best_scores, i = [], [], 0
    for cs in candidates:
        chunk = scores[i:i + len(cs)]
        j = max(range(len(cs)), key=chunk.__getitem__)
        best.append(cs[j])
        best_scores.append(chunk[j])
        i += len(cs)
    return best, best_scores


def best_of_n(model, tokenizer, prompts: list[str], reward_path: str | Path, n: int = 4,
              temperature: float = 0.7, max_new_tokens: int = 64, seed: int = 0) -> list[str]:
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n!r}")
    candidates = sample_answers(model, tokenizer, prompts, n=n, temperature=temperature,
                                max_new_tokens=max_new_tokens, seed=seed)
    return pick_best(prompts, candidates, reward_path)[0]


def reward_scores(prompts: list[str], answers: list[str], reward_path: str | Path) -> list[float]:
    from core.preferences.reward import _load_trained, _scores

    model, tokenizer = _load_trained(Path(reward_path))
    return _scores(model, tokenizer, prompts, answers)
