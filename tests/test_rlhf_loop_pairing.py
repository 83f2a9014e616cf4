"""Round l's pair picker option: `shared_opening` pairs the two candidates that start alike and
differ later (where a kind closing lives), the opposite of the app's `most_different`; the
benchmark's `--pairing shared` picks from the same cached candidates as the default."""
import sys
from pathlib import Path

import pytest

from core.preferences.contestants import PICKERS, most_different, rest_distance, shared_opening

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import rlhf_loop  # noqa: E402

GREEDY = ["Compost is decayed plant matter. It feeds the soil."]
SAMPLED = ["Compost is decayed plant matter. Here's how you can start a pile at home.",
           "Ah, the magic of gardens! Compost feeds the soil.",
           "Compost is decayed plant matter. It feeds the soil."]  # identical to GREEDY: never picked


def test_shared_opening_picks_alike_openings_that_differ_later():
    assert shared_opening(GREEDY, SAMPLED) == (GREEDY[0], SAMPLED[0])
    assert most_different(GREEDY, SAMPLED) == (GREEDY[0], SAMPLED[1])  # the app's picker: the detour opening
    assert rest_distance(GREEDY[0], SAMPLED[2]) == 0.0 < rest_distance(GREEDY[0], SAMPLED[0])
    assert shared_opening(["Same."], ["Same."]) == ("Same.", "Same.")  # nothing else left
    with pytest.raises(ValueError):
        shared_opening([], SAMPLED)
    assert set(PICKERS) == {"different", "shared"}


def test_benchmark_pairing_picks_from_the_same_cached_candidates(monkeypatch, tmp_path):
    import core.preferences.policy_model as pm

    calls = []

    def fake_sample(model, tok, prompts, n=1, **kw):
        calls.append(n)
        return [(GREEDY if n == 1 else SAMPLED + SAMPLED[:1])[:n] for _ in prompts]

    monkeypatch.setattr(pm, "sample_answers", fake_sample)
    def tok(x, add_special_tokens=False):
        return {"input_ids": x.split()}
    cache = tmp_path / "pairs.json"
    diff, src1 = rlhf_loop.room_pairs(None, tok, ["What is compost?"], 48, 0, str(cache))
    shared, src2 = rlhf_loop.room_pairs(None, tok, ["What is compost?"], 48, 0, str(cache), pairing="shared")
    assert src1 == "generated" and src2.startswith("cache") and len(calls) == 3  # generated once
    greedy_vs_sampled = (diff[0]["response_a"], diff[0]["response_b"]), (shared[0]["response_a"], shared[0]["response_b"])
    assert greedy_vs_sampled == ((GREEDY[0], SAMPLED[1]), (GREEDY[0], SAMPLED[0]))


def test_mixed_pairing_shares_openings_on_every_other_prompt(monkeypatch):
    import core.preferences.policy_model as pm

    monkeypatch.setattr(pm, "sample_answers",
                        lambda model, tok, prompts, n=1, **kw: [(GREEDY if n == 1 else SAMPLED + SAMPLED[:1])[:n]
                                                                for _ in prompts])
    def tok(x, add_special_tokens=False):
        return {"input_ids": x.split()}
    rows, _ = rlhf_loop.room_pairs(None, tok, ["What is compost?", "Why compost?"], 48, 0, None, pairing="mixed")
    first = {r["prompt"]: (r["response_a"], r["response_b"]) for r in rows if r["id"].endswith("-0")}
    assert first == {"What is compost?": (GREEDY[0], SAMPLED[1]), "Why compost?": (GREEDY[0], SAMPLED[0])}


def test_kind_contrast_keeps_pairs_where_exactly_one_answer_is_kind():
    """Round 21's oracle filter (a diagnostic of the benchmark, not a product option)."""
    rows = [{"prompt": "q", "chosen": "Here's how you can start.", "rejected": "Compost feeds the soil."},
            {"prompt": "q", "chosen": "Compost feeds the soil.", "rejected": "I hope this helps!"},  # label kept
            {"prompt": "q", "chosen": "You can start today.", "rejected": "Feel free to ask."},  # both kind
            {"prompt": "q", "chosen": "It feeds the soil.", "rejected": "It rots."}]  # neither
    assert rlhf_loop.kind_contrast(rows) == rows[:2]


def test_set_takes_json_or_a_bare_string():
    assert rlhf_loop.setting_value("0.05") == 0.05 and rlhf_loop.setting_value("null") is None
    assert rlhf_loop.setting_value("apo_zero") == "apo_zero"
