"""Blind base-vs-tuned comparison: pairs served first and blind, order randomised, statistics
(win rate with interval, Bradley-Terry, position bias), and never trained on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_helpers import preference_rows, tiny_llama
from prefs_helpers import load_pairs


@pytest.fixture
def tiny() -> Path:
    return tiny_llama()


def _run(data_dir, tiny, n=8):
    from core.preferences.policy_train import start_run, train_run

    run = start_run(data_dir, preference_rows(n), "dpo", str(tiny), max_steps=1, batch_size=8)
    return train_run(data_dir, run["id"], str(tiny))


@pytest.mark.slow  # generation, KL and perplexity on the tiny model: minutes on a loaded CPU
def test_build_comparison_measures_and_publishes(tiny, data_dir, tmp_path):
    from core.preferences.compare import blind_results, build_comparison, load_report

    run = _run(data_dir, tiny)
    prompts = tmp_path / "p.jsonl"
    trained_on = preference_rows(1)[0]["prompt"]
    prompts.write_text("".join(json.dumps({"prompt": p}) + "\n" for p in [trained_on, "Why is the sea salty?",
                                                                          "What is a comet?", "How do I fold a shirt?"]))
    report = build_comparison(data_dir, run["id"], str(tiny), prompts, max_new_tokens=8)
    assert report["prompts"] == 3  # the prompt the run trained on is left out
    assert report["published"] == 3 and len(report["samples"]) == 3
    assert report["kl_to_base"]["kl_per_token"] >= 0
    assert report["perplexity"]["base"] > 1 and report["perplexity"]["tuned"] > 1
    assert report["reward_model"]["available"] is False and "reward model" in report["reward_model"]["reason"]
    assert load_report(data_dir, run["id"]) == report
    again = build_comparison(data_dir, run["id"], str(tiny), prompts, max_new_tokens=8)
    assert again["published"] == 0  # the same prompts are not served twice
    assert blind_results(run["id"])["published"] is True


def test_blind_pairs_are_served_first_blind_and_counted(tiny, data_dir, tmp_path):
    from core.preferences import assignment, identity, submit
    from core.preferences.compare import BASE, blind_results, publish_pairs, tuned_name
    from core.preferences.export import trl_rows

    run = _run(data_dir, tiny)
    load_pairs(tmp_path, 6)  # ordinary items already waiting
    prompts = [f"Held-out question {i}?" for i in range(20)]
    publish_pairs(run["id"], prompts, [f"base answer {i}" for i in range(20)], [f"TUNED answer {i}" for i in range(20)])
    token = identity.join("ann", "studio").token
    lefts, outcomes = [], []
    for i in range(20):
        served = assignment.next_item(token)
        assert served.prompt.startswith("Held-out question")  # blind pairs come before ordinary items
        assert "tuned" not in json.dumps(served.to_dict()).replace("TUNED", "")  # no model names are shown
        tuned_left = served.left.startswith("TUNED")
        lefts.append(tuned_left)
        # ann prefers the tuned answer on 15 of 20 items, ties 2, prefers base on 3
        want = "tuned" if i < 15 else ("tie" if i < 17 else "base")
        choice = "tie" if want == "tie" else ("left" if (want == "tuned") == tuned_left else "right")
        submit.submit(token, served.assignment_id, choice, None, "", f"cid-compare-{i:04d}")
        outcomes.append({"tuned": 1.0, "tie": 0.5, "base": 0.0}[want])
    assert 0 < sum(lefts) < 20  # the order was randomised per item
    res = blind_results(run["id"])
    w = res["tuned_win_rate"]
    assert (w["n"], w["wins"], w["ties"], w["losses"]) == (20, 15, 2, 3)
    assert w["win_rate"] == pytest.approx(16 / 20)
    assert 0.5 < w["low"] < 0.8 < w["high"] < 1.0
    left_wins = sum(1 for i, tl in enumerate(lefts) if (i < 15 and tl) or (i >= 17 and not tl))
    assert res["position_bias"]["strict_labels"] == 18 and res["position_bias"]["left_wins"] == left_wins
    names = {r["contestant"] for r in res["ratings"]}
    assert names == {BASE, tuned_name(run["id"])}
    assert res["ratings"][0]["contestant"] == tuned_name(run["id"])  # the winner is rated first
    # the blind pairs never become training data; ordinary labels still do
    assert all(not r["prompt"].startswith("Held-out") for r in trl_rows(include_compare=False))
    assert any(r["prompt"].startswith("Held-out") for r in trl_rows(include_compare=True))
