"""benchmarks/rlhf_loop.py: the templated training prompts of every form set are drawn apart from
every prompt set a run is judged on (the hand-written held-out sets, round 20's model-written one,
dev-i and the form set's dev)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import rlhf_loop  # noqa: E402


@pytest.mark.parametrize("forms", sorted(rlhf_loop.FORM_SETS))
def test_training_prompts_never_include_a_judged_prompt(forms):
    train, sets = rlhf_loop.prompt_sets(100, 60, forms, seed=0)
    assert len(train) == len(set(train)) == 100
    assert {name: len(ps) for name, ps in sets.items()} == {"first": 80, "everyday": 80, "modelwritten": 80,
                                                             "dev-i": 60, "dev": 60}
    for name, ps in sets.items():
        assert not set(train) & set(ps), f"{forms}: training prompts include {name} prompts"
    # dev-i is the same 60 prompts whatever the form set, so dev trials of every round compare
    assert sets["dev-i"] == rlhf_loop.prompt_sets(100, 60, "round-i", seed=0)[1]["dev-i"]


def test_advice_forms_ask_for_help_and_are_all_used():
    """Round k's `advice` set: requests for help or advice only (none of the impersonal
    "What is X?" / "How does X work?" forms), and a 100-prompt room draws on every one of them."""
    forms = rlhf_loop.FORM_SETS["advice"]
    assert not set(forms) & set(rlhf_loop.FORMS_ROUND_I[:4])
    train, _ = rlhf_loop.prompt_sets(100, 60, "advice", seed=0)
    used = {f for f in forms for p in train
            if p.startswith(f.split("{t}")[0]) and p.endswith(f.split("{t}")[1])}
    assert used == set(forms)


def test_the_model_written_set_is_apart_from_every_templated_pool(monkeypatch):
    """Round 20's held-out set (benchmarks/build_heldout_modelwritten.py) shares no prompt with any
    template of any form set, so adding it changed no earlier round's training or dev prompts."""
    written = [p for p in rlhf_loop.prompt_sets(100, 60, "wide", seed=0)[1]["modelwritten"]]
    assert len(set(written)) == 80
    pool = {f.format(t=t).lower() for forms in rlhf_loop.FORM_SETS.values() for f in forms for t in rlhf_loop.TOPICS}
    assert not {p.lower() for p in written} & pool
    with_it = {forms: rlhf_loop.prompt_sets(100, 60, forms, seed=0) for forms in rlhf_loop.FORM_SETS}
    monkeypatch.delitem(rlhf_loop.HELDOUT_SETS, "modelwritten")
    for forms, (train, sets) in with_it.items():
        before_train, before_sets = rlhf_loop.prompt_sets(100, 60, forms, seed=0)
        assert train == before_train and sets["dev-i"] == before_sets["dev-i"] and sets["dev"] == before_sets["dev"]


def test_the_builder_keeps_only_plain_questions():
    import build_heldout_modelwritten as b

    assert b.extract('A curious person might ask, "What makes the sun shine?"') == "What makes the sun shine?"
    assert b.extract("Question: Why is the sea salty?\n\nBecause...") == "Why is the sea salty?"
    assert b.keep("What makes the sun shine?")
    for bad in ("What is a curious question?", "Why?", "What is 2 plus 2?", "It rains. Why does it rain?",
                "what makes the sun shine?", "What makes the sun shine"):
        assert not b.keep(bad), bad
