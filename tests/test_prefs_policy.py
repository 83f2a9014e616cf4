"""Policy training from labels (DPO + LoRA via TRL) on a tiny random Llama: runs are versioned,
cancellable, never touch the base model, and the tuned model is what `core chat` then uses."""
from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from policy_helpers import preference_rows, tiny_llama

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tiny() -> Path:
    return tiny_llama()


def _digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file())).hexdigest()


def test_dpo_run_trains_an_adapter_and_leaves_the_base_alone(tiny, data_dir):
    import torch

    from core.preferences import policy_runs
    from core.preferences.policy_model import load_policy_base, load_tuned
    from core.preferences.policy_train import start_run, train_run

    before = _digest(tiny)
    rows = preference_rows(16)
    run = start_run(data_dir, rows, "dpo", str(tiny), max_steps=3, batch_size=4, learning_rate=5e-3)
    assert run["status"] == "queued" and run["pairs"] == 16
    done = train_run(data_dir, run["id"], str(tiny))
    assert done["status"] == "done", done
    assert done["metrics"]["steps"] == 3 and done["progress"]["step"] == 3
    # data hash = sha256 of the stored rows; the rows on disk are exactly what was trained on
    assert done["data_hash"] == policy_runs.data_hash(policy_runs.read_rows(data_dir, run["id"]))
    assert policy_runs.read_rows(data_dir, run["id"]) == rows
    adapter = policy_runs.adapter_dir(data_dir, run["id"])
    assert (adapter / "adapter_config.json").exists() and not (adapter / "ref").exists()
    assert _digest(tiny) == before  # the base model's files are untouched
    base, tok = load_policy_base(str(tiny))
    tuned, _ = load_tuned(str(tiny), adapter)
    ids = tok("Question 1: how do I water plant 1?", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        assert not torch.allclose(base(input_ids=ids).logits, tuned(input_ids=ids).logits)
    # DPO moved the policy towards the chosen answers, relative to the reference
    assert done["metrics"]["final_reward_margin"] > 0


def test_bf16_autocast_follows_the_cpu_unless_set(tiny, data_dir):
    from core.models.fast_llama import native_bfloat16
    from core.preferences.policy_train import _common_args, start_run, train_run

    auto = start_run(data_dir, preference_rows(8, "auto"), "dpo", str(tiny), max_steps=1, batch_size=8)
    assert auto["settings"]["bf16"] is native_bfloat16()  # recorded resolved, not as "auto"
    off = start_run(data_dir, preference_rows(8, "off"), "dpo", str(tiny), max_steps=1, batch_size=8, bf16=False)
    assert off["settings"]["bf16"] is False and _common_args("x", off["settings"], 1)["bf16"] is False
    on = start_run(data_dir, preference_rows(16, "on"), "dpo", str(tiny), max_steps=3, batch_size=4,
                   learning_rate=5e-3, bf16=True)
    assert _common_args("x", on["settings"], 1)["bf16"] is True
    done = train_run(data_dir, on["id"], str(tiny))  # autocast training runs and still learns the pairs
    assert done["status"] == "done", done
    assert done["metrics"]["final_reward_margin"] > 0


def test_sft_then_dpo_runs_both_stages(tiny, data_dir):
    from core.preferences.policy_train import start_run, train_run

    run = start_run(data_dir, preference_rows(8), "sft-dpo", str(tiny), max_steps=2, batch_size=4)
    done = train_run(data_dir, run["id"], str(tiny))
    assert done["status"] == "done", done
    assert done["metrics"]["sft_loss"] > 0 and done["metrics"]["steps"] == 4  # 2 SFT + 2 DPO


def test_sft_warm_up_has_its_own_learning_rate(tiny, data_dir):
    from core.preferences.policy_train import start_run, train_run

    run = start_run(data_dir, preference_rows(8), "sft-dpo", str(tiny), max_steps=2, batch_size=4,
                    learning_rate=5e-3, sft_learning_rate=1e-4)
    assert run["settings"]["sft_learning_rate"] == 1e-4
    m = train_run(data_dir, run["id"], str(tiny))["metrics"]
    # the rates each optimizer actually used (same 2 steps and warm-up in both stages), not just the settings
    assert m["sft_peak_lr"] / m["dpo_peak_lr"] == pytest.approx(1e-4 / 5e-3)
    with pytest.raises(ValueError, match="sft_learning_rate"):
        start_run(data_dir, preference_rows(8, "bad"), "sft-dpo", str(tiny), sft_learning_rate=-1.0)


@pytest.mark.parametrize("loss_type, beta, first_loss", [
    ("sigmoid", 0.1, math.log(2)),           # -log sigmoid(0): the DPO paper's loss, today's default
    ("apo_zero", 0.1, 1.0),                  # (1 - sigmoid(0)) + sigmoid(0)
    ("sppo_hard", 0.5, 2.0),                 # (0 - 0.5/beta)^2 + (0 + 0.5/beta)^2
])
def test_the_dpo_loss_is_the_one_asked_for(tiny, data_dir, loss_type, beta, first_loss):
    """One optimizer step: the loss is taken before the update, where the LoRA adapter is still zero, so the
    policy equals the reference and every log-ratio is 0; each loss has its own value there."""
    from core.preferences.policy_train import start_run, train_run

    run = start_run(data_dir, preference_rows(8, loss_type), "dpo", str(tiny), max_steps=1, batch_size=8,
                    beta=beta, loss_type=loss_type, bf16=False)
    assert run["settings"]["loss_type"] == loss_type
    done = train_run(data_dir, run["id"], str(tiny))
    assert done["status"] == "done", done
    assert done["metrics"]["dpo_loss"] == pytest.approx(first_loss, rel=1e-4)


def test_the_default_loss_is_sigmoid_and_unknown_losses_are_refused(tiny, data_dir):
    from core.preferences.policy_train import DEFAULTS, LOSS_TYPES, start_run

    assert DEFAULTS["loss_type"] == "sigmoid" and "sigmoid" in LOSS_TYPES
    assert start_run(data_dir, preference_rows(8), "dpo", str(tiny))["settings"]["loss_type"] == "sigmoid"
    with pytest.raises(ValueError, match="loss_type must be one of .* got 'simpo'"):
        start_run(data_dir, preference_rows(8, "x"), "dpo", str(tiny), loss_type="simpo")


def test_runs_are_versioned_and_resolvable(tiny, data_dir):
    from core.preferences import policy_runs
    from core.preferences.policy_train import start_run, train_run

    a = start_run(data_dir, preference_rows(8, "a"), "dpo", str(tiny), max_steps=1, batch_size=8)
    b = start_run(data_dir, preference_rows(8, "b"), "dpo", str(tiny), max_steps=1, batch_size=8)
    assert a["id"] != b["id"] and a["data_hash"] != b["data_hash"]
    with pytest.raises(ValueError, match="no finished policy run"):
        policy_runs.resolve_adapter(data_dir, "latest")
    train_run(data_dir, a["id"], str(tiny))
    assert policy_runs.resolve_adapter(data_dir, "latest") == policy_runs.adapter_dir(data_dir, a["id"])
    with pytest.raises(ValueError, match="no adapter"):
        policy_runs.resolve_adapter(data_dir, b["id"])  # still queued
    with pytest.raises(ValueError, match="not a run id"):
        policy_runs.resolve_adapter(data_dir, "../../etc")
    with pytest.raises(ValueError, match="not queued"):
        train_run(data_dir, a["id"], str(tiny))  # a finished run is never trained (or overwritten) again
    listed = [r["id"] for r in policy_runs.list_runs(data_dir)]
    assert set(listed) == {a["id"], b["id"]}


def test_bad_requests_are_refused(tiny, data_dir):
    from core.preferences.policy_train import start_run

    with pytest.raises(ValueError, match="at least 8"):
        start_run(data_dir, preference_rows(3), "dpo", str(tiny))
    with pytest.raises(ValueError, match="method"):
        start_run(data_dir, preference_rows(8), "ppo", str(tiny))
    with pytest.raises(ValueError, match="max_steps"):
        start_run(data_dir, preference_rows(8), "dpo", str(tiny), max_steps=0)
    with pytest.raises(ValueError, match="non-empty"):
        start_run(data_dir, [{"prompt": "q", "chosen": "", "rejected": "x"}] * 8, "dpo", str(tiny))
    assert not (data_dir / "policy_runs").exists() or not any((data_dir / "policy_runs").iterdir())


@pytest.mark.slow  # a child process imports torch + TRL
def test_cancel_stops_a_training_process(tiny, data_dir, monkeypatch, request):
    from core.config import reset_settings
    from core.preferences import policy_runs
    from core.preferences.policy_job import PolicyJob

    monkeypatch.setenv("GENAI_LLM_MODEL", str(tiny))
    reset_settings()
    job = PolicyJob(data_dir, threads=1, nice=0, grace=60)
    request.addfinalizer(job.stop)
    run = job.start_training(preference_rows(16), "dpo", str(tiny), max_steps=5000, epochs=1000, batch_size=2)
    with pytest.raises(ValueError, match="running"):
        job.start_training(preference_rows(16), "dpo", str(tiny))  # one job at a time
    deadline = time.time() + 600  # the child imports torch + TRL first: minutes on a loaded CPU
    while policy_runs.load_run(data_dir, run["id"])["progress"]["step"] < 2:
        assert job.busy() and time.time() < deadline, policy_runs.load_run(data_dir, run["id"])
        time.sleep(0.5)
    job.cancel()
    assert job.wait(120) == 3  # the CLI's exit code for a run that did not finish
    final = policy_runs.load_run(data_dir, run["id"])
    assert final["status"] == "cancelled"
    assert 2 <= final["progress"]["step"] < 5000
    assert not (policy_runs.adapter_dir(data_dir, run["id"]) / "adapter_config.json").exists()


@pytest.mark.slow  # one `core chat` process; the other three calls run in this process
def test_core_chat_uses_the_tuned_model(tiny, data_dir, monkeypatch):
    from cli_helpers import core_here

    from core.caches import reset_all
    from core.preferences.policy_train import start_run, train_run

    run = start_run(data_dir, preference_rows(8), "dpo", str(tiny), max_steps=2, batch_size=4, learning_rate=5e-2)
    train_run(data_dir, run["id"], str(tiny))
    env = dict(GENAI_LLM_MODEL=str(tiny), GENAI_DATA_DIR=str(data_dir), GENAI_LLM_DTYPE="float32")
    args = ["chat", "--json", "--max-new-tokens", "12", "how do I water plant 3?"]

    def chat_here(adapter: str):
        return core_here(monkeypatch, *args, env=dict(env, GENAI_LLM_ADAPTER=adapter), fresh_models=True)

    try:
        process = subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                                 env=dict(os.environ, PYTHONPATH=str(ROOT), GENAI_LLM_ADAPTER=run["id"], **env),
                                 timeout=300)
        assert process.returncode == 0, process.stderr[-2000:]
        tuned = json.loads(process.stdout)
        base, latest = (json.loads(chat_here(a).stdout) for a in ("", "latest"))
        assert tuned["model"].endswith("+" + run["id"]) and latest["model"] == tuned["model"]
        assert latest["text"] == tuned["text"]  # the same run, loaded in this process
        assert base["model"] == str(tiny)
        assert tuned["text"] != base["text"]  # a large step on a tiny model changes its greedy answer
        bad = chat_here("no-such-run")
        assert bad.returncode == 2 and "GENAI_LLM_ADAPTER='no-such-run'" in bad.stderr
    finally:
        reset_all()  # later tests must not get the tiny model as the process's chat model


def test_a_contestants_system_prompt_replaces_the_default_one(tiny):
    from core.preferences.policy_model import _encode, load_policy_base, sample_answers

    model, tok = load_policy_base(str(tiny))
    default = tok.decode(_encode(tok, ["How do I water plant 3?"])["input_ids"][0])
    own = tok.decode(_encode(tok, ["How do I water plant 3?"], "Answer in one short sentence.")["input_ids"][0])
    assert "SmolLM" in default and "Answer in one short sentence." not in default  # the template's default
    assert "Answer in one short sentence." in own and "SmolLM" not in own
    assert len(sample_answers(model, tok, ["hi", "bye"], max_new_tokens=4, system="Be brief.")) == 2
