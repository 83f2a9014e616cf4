"""Export formats (on SQLite and PostgreSQL), and the exported file straight into TRL's RewardTrainer."""
import json

import pytest
from prefs_helpers import load_pairs, sqlite_only

from core.preferences import assignment, identity, submit
from core.preferences.export import export

pytestmark = pytest.mark.usefixtures("prefs_db")


def _label(tmp_path, choices):
    """One labeler labels len(choices) items with the given (shown choice, strength)."""
    load_pairs(tmp_path, len(choices))
    tok = identity.join("ann", "studio").token
    for i, (choice, strength) in enumerate(choices):
        served = assignment.next_item(tok)
        submit.submit(tok, served.assignment_id, choice, strength, f"why {i}", f"cid-export-{i}")


def _read(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_trl_standard_margins_and_tie_policy(tmp_path):
    _label(tmp_path, [("left", "slightly"), ("right", "much"), ("left", None), ("tie", None), ("both_bad", None)])
    n = export(tmp_path / "t.jsonl", "trl")
    rows = _read(tmp_path / "t.jsonl")
    assert n == len(rows) == 3  # the tie and both-bad labels are dropped
    assert sorted(r["margin"] for r in rows) == [0.5, 1.0, 2.0]
    for r in rows:
        assert set(r) == {"prompt", "chosen", "rejected", "margin"} and r["chosen"] != r["rejected"]
    export(tmp_path / "nm.jsonl", "trl", margin=False)
    assert all("margin" not in r for r in _read(tmp_path / "nm.jsonl"))


def test_chosen_follows_what_the_labeler_saw(tmp_path):
    load_pairs(tmp_path, 1)
    tok = identity.join("ann", "studio").token
    served = assignment.next_item(tok)
    submit.submit(tok, served.assignment_id, "right", None, "", "cid-right-01")
    export(tmp_path / "t.jsonl", "trl")
    (row,) = _read(tmp_path / "t.jsonl")
    assert row["chosen"] == served.right and row["rejected"] == served.left


def test_conversational_and_kto(tmp_path):
    _label(tmp_path, [("left", None), ("tie", None), ("both_bad", None)])
    export(tmp_path / "c.jsonl", "trl", style="conversational")
    (row,) = _read(tmp_path / "c.jsonl")
    assert row["prompt"][0]["role"] == "user" and row["chosen"][0]["role"] == "assistant"
    assert isinstance(row["rejected"][0]["content"], str)
    export(tmp_path / "k.jsonl", "trl", policy="kto")
    kto = _read(tmp_path / "k.jsonl")
    assert len(kto) == 6 and all(set(r) == {"prompt", "completion", "label"} for r in kto)
    assert sorted(r["label"] for r in kto) == [False, False, False, True, True, True]


def test_raw_export_has_every_label(tmp_path):
    _label(tmp_path, [("left", "clearly"), ("tie", None)])
    export(tmp_path / "r.jsonl", "raw")
    rows = _read(tmp_path / "r.jsonl")
    assert len(rows) == 2 and {r["labeler"] for r in rows} == {"ann"}
    assert {r["choice"] for r in rows} <= {"A", "B", "tie", "both_bad"}
    assert all(r["left_shown"] in ("A", "B") and r["rationale"].startswith("why") for r in rows)


@sqlite_only
def test_bad_export_arguments(tmp_path):
    with pytest.raises(ValueError, match="format"):
        export(tmp_path / "x.jsonl", "csv")
    with pytest.raises(ValueError, match="policy"):
        export(tmp_path / "x.jsonl", "trl", policy="keep")


@sqlite_only
def test_exported_file_trains_one_step_in_reward_trainer(tmp_path):
    from datasets import load_dataset
    from trl import RewardTrainer

    from core.preferences.reward import load_base, reward_config

    _label(tmp_path, [("left", "much"), ("right", None), ("left", "slightly"), ("right", "clearly")])
    export(tmp_path / "prefs.jsonl", "trl")
    ds = load_dataset("json", data_files=str(tmp_path / "prefs.jsonl"), split="train")
    model, tokenizer = load_base()
    before = [p.detach().clone() for p in model.classifier.parameters()]
    trainer = RewardTrainer(model=model, args=reward_config(str(tmp_path / "out"), max_steps=1,
                                                            per_device_train_batch_size=4),
                            train_dataset=ds, processing_class=tokenizer)
    out = trainer.train()
    assert out.global_step == 1 and out.training_loss > 0
    assert any(not (a == b).all() for a, b in zip(before, model.classifier.parameters()))


@sqlite_only
@pytest.mark.slow
def test_train_reward_learns_and_scores(tmp_path, data_dir):
    """A learnable signal (polite answer always chosen) -> held-out accuracy above chance."""
    from core.preferences.reward import score, train_reward

    rows = []
    for i in range(40):
        rows.append({"prompt": f"Question {i}: how do I do task {i}? ",
                     "chosen": f"Sure, here is a clear answer for task {i}, step by step.",
                     "rejected": f"Go away, figure task {i} out yourself.", "margin": 1.0})
    result = train_reward(rows, num_train_epochs=2, learning_rate=2e-4)  # 8 steps: the signal is plain
    assert result.heldout_pairs == 8 and result.heldout_accuracy >= 0.75
    assert (data_dir / "reward_model" / "config.json").exists()
    good = score("How do I bake bread? ", "Sure, here is a clear answer, step by step.")
    bad = score("How do I bake bread? ", "Go away, figure it out yourself.")
    assert good > bad


@sqlite_only
def test_cli_export_and_stats(tmp_path, data_dir):
    import subprocess
    import sys

    _label(tmp_path, [("left", "much"), ("tie", None)])
    out = tmp_path / "cli.jsonl"
    r = subprocess.run([sys.executable, "-m", "core", "prefs", "export", "--format", "trl", "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout)["rows"] == 1 and len(_read(out)) == 1
    r = subprocess.run([sys.executable, "-m", "core", "prefs", "stats", "--json"], capture_output=True, text=True)
    stats = json.loads(r.stdout)
    assert stats["counts"]["labels"] == 2 and stats["per_labeler"] == {"ann": 2}
    r = subprocess.run([sys.executable, "-m", "core", "prefs", "export", "--format", "csv", "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "invalid choice" in r.stderr
