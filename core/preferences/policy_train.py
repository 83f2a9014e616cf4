"""Tune the chat model on the room's preference labels: DPO (optionally after SFT), with LoRA.

    run = start_run(data_dir, rows, method="dpo", base_model="bundled", base_path=..., max_steps=-1)
    run = train_run(data_dir, run["id"])      # blocking; the host page runs it in a subprocess

Methods
    dpo       TRL's DPOTrainer on the pairs (chosen vs rejected); the reference model is the
              base with the LoRA adapter switched off, so no second copy sits in memory.
    sft-dpo   first SFT (TRL's SFTTrainer) on the chosen answers, then DPO continuing the same
              adapter, with the SFT model as the reference: the three stages of the textbook
              picture (pre-trained -> SFT -> preference tuning), in order.
The DPO loss is TRL's `loss_type` (setting `loss_type`, default sigmoid: the DPO paper's).

Only a LoRA adapter is trained and saved (in the run folder); the base weights are loaded
as a private float32 copy and never written. Cancel: the run folder's `cancel` file is
checked after every optimizer step.
"""
from __future__ import annotations

import logging
import math
import time

from core.preferences import policy_runs

log = logging.getLogger(__name__)

METHODS = ("dpo", "sft-dpo")
# DPO losses of TRL 1.x (trl/trainer/dpo_trainer.py) that need no setting beyond beta and work with the
# precomputed reference log-probs: sigmoid (the DPO paper), sigmoid_norm (length-normalised: per-token mean
# log-ratios; beta scales with answer length), ipo (per-token, squared), hinge, apo_zero / apo_down (anchored:
# chosen and rejected log-ratios pushed each on its own), sppo_hard, nca_pair, bco_pair, discopop.
LOSS_TYPES = ("sigmoid", "sigmoid_norm", "ipo", "hinge", "apo_zero", "apo_down", "sppo_hard", "nca_pair",
              "bco_pair", "discopop")
MIN_PAIRS = 8
# Defaults chosen on the simulated room's training prompts (benchmarks/rlhf_loop.py), never on
# its held-out prompts.
DEFAULTS = {
    "epochs": 1.0,           # passes over the pairs
    "max_steps": -1,         # > 0 stops earlier (a quick demo)
    "batch_size": 8,         # pairs per optimizer step
    "learning_rate": 5e-4,   # LoRA adapters, few steps: a far larger rate than full fine-tuning
    "beta": 0.1,             # DPO's pull towards the reference model
    "loss_type": "sigmoid",  # TRL DPOConfig.loss_type, one of LOSS_TYPES (round 21 measured apo_zero and
                             # sigmoid_norm on the simulated room: benchmarks/results/rlhf_issue16_round21.md)
    "lora_r": 8,
    "lora_alpha": 16,
    "lora_layers": 0.5,      # LoRA on the top half of the layers: backward stops there (~2x faster)
    "max_length": 192,       # prompt + answer tokens
    "sft_epochs": 1.0,       # sft-dpo only
    "sft_learning_rate": None,  # sft-dpo only; None: learning_rate (lower: the warm-up keeps perplexity)
    "precompute_ref": True,  # reference log-probs once before training, not a reference forward every step
    "bf16": None,            # bfloat16 autocast; None: on when the CPU multiplies bf16 natively (AVX512-BF16/AMX:
                             # several times faster there), off elsewhere (emulated bf16 is slower than float32)
    "seed": 0,
}


class Cancelled(RuntimeError):
    pass


def to_dpo_rows(rows: list[dict]) -> list[dict]:
    """Standard export rows -> TRL conversational rows (the chat template is applied by TRL)."""
    out = []
    for r in rows:
        if not all(isinstance(r.get(k), str) and r[k].strip() for k in ("prompt", "chosen", "rejected")):
            raise ValueError(f"each row needs non-empty prompt, chosen and rejected strings; got {r!r}")
        out.append({"prompt": [{"role": "user", "content": r["prompt"]}],
                    "chosen": [{"role": "assistant", "content": r["chosen"]}],
                    "rejected": [{"role": "assistant", "content": r["rejected"]}]})
    return out


def _settings(method: str, overrides: dict) -> dict:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown training settings {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    s = {**DEFAULTS, **{k: v for k, v in overrides.items() if v is not None}}
    if s["bf16"] is None:
        from core.models.fast_llama import native_bfloat16

        s["bf16"] = native_bfloat16()
    s["bf16"] = bool(s["bf16"])
    if not (s["max_steps"] == -1 or s["max_steps"] >= 1):
        raise ValueError(f"max_steps must be -1 (full epochs) or >= 1, got {s['max_steps']!r}")
    if not 0 < s["lora_layers"] <= 1:
        raise ValueError(f"lora_layers is the share of layers with LoRA, in (0, 1]; got {s['lora_layers']!r}")
    for key in ("epochs", "batch_size", "learning_rate", "beta", "lora_r", "max_length"):
        if not s[key] > 0:
            raise ValueError(f"{key} must be > 0, got {s[key]!r}")
    if s["loss_type"] not in LOSS_TYPES:
        raise ValueError(f"loss_type must be one of {LOSS_TYPES}, got {s['loss_type']!r}")
    if s["sft_learning_rate"] is not None and not s["sft_learning_rate"] > 0:
        raise ValueError(f"sft_learning_rate must be > 0 or None, got {s['sft_learning_rate']!r}")
    return s


def start_run(data_dir, rows: list[dict], method: str = "dpo", base_model: str = "bundled",
              **overrides) -> dict:
    """Validate and record a run (status queued). Training itself is `train_run`."""
    settings = _settings(method, overrides)
    clean = [{"prompt": r["prompt"], "chosen": r["chosen"], "rejected": r["rejected"]} for r in rows]
    to_dpo_rows(clean)  # validates
    if len(clean) < MIN_PAIRS:
        raise ValueError(f"need at least {MIN_PAIRS} strict preferences (A or B better) to tune the model; "
                         f"have {len(clean)}. Ties and 'both bad' carry no direction.")
    return policy_runs.create_run(data_dir, method, clean, settings, base_model)


def _lora_config(model, s: dict):
    from peft import LoraConfig

    n_layers = model.config.num_hidden_layers
    first = n_layers - max(1, round(n_layers * s["lora_layers"]))
    return LoraConfig(r=int(s["lora_r"]), lora_alpha=int(s["lora_alpha"]), lora_dropout=0.0, bias="none",
                      task_type="CAUSAL_LM", layers_to_transform=list(range(first, n_layers)),
                      target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"])


def _common_args(out: str, s: dict, max_steps: int) -> dict:
    return dict(output_dir=out, per_device_train_batch_size=int(s["batch_size"]), learning_rate=float(s["learning_rate"]),
                max_steps=max_steps, lr_scheduler_type="constant_with_warmup", warmup_steps=2,
                logging_steps=1, save_strategy="no", report_to=[], use_cpu=True, seed=int(s["seed"]),
                dataloader_num_workers=0, disable_tqdm=True, gradient_checkpointing=False, bf16=bool(s.get("bf16")),
                max_length=int(s["max_length"]), dataset_num_proc=None)


def _progress_callback(data_dir, run_id: str, stage: str, offset: int, total: int):
    from transformers import TrainerCallback

    class Progress(TrainerCallback):
        """Writes step/loss into run.json and stops when the run folder says cancel."""

        def __init__(self):
            self.last_loss = None
            self.cancelled = False

        def on_log(self, args, state, control, logs=None, **kw):
            if logs and "loss" in logs:
                self.last_loss = float(logs["loss"])

        def on_step_end(self, args, state, control, **kw):
            policy_runs.update_run(data_dir, run_id, progress={
                "stage": stage, "step": offset + state.global_step, "max_steps": total, "loss": self.last_loss})
            if policy_runs.cancel_requested(data_dir, run_id):
                self.cancelled = True
                control.should_training_stop = True
            return control

    return Progress()


def _steps(n_rows: int, s: dict, epochs: float) -> int:
    full = max(1, math.ceil(math.ceil(n_rows / s["batch_size"]) * epochs))
    return min(full, s["max_steps"]) if s["max_steps"] > 0 else full


def train_run(data_dir, run_id: str, base_path: str) -> dict:
    """Train a queued run to the end (or to a cancel). Returns the final run.json content."""
    from datasets import Dataset
    from trl import DPOConfig, DPOTrainer, SFTConfig, SFTTrainer

    from core.preferences.policy_model import load_policy_base

    run = policy_runs.load_run(data_dir, run_id)
    if run["status"] != "queued":
        raise ValueError(f"policy run {run_id} is {run['status']}, not queued")
    s, method = run["settings"], run["method"]
    rows = policy_runs.read_rows(data_dir, run_id)
    folder = policy_runs.run_folder(data_dir, run_id)
    start = time.perf_counter()
    policy_runs.update_run(data_dir, run_id, status="running", started_at=time.time(),
                           progress={"stage": "loading"})
    try:
        model, tokenizer = load_policy_base(base_path)
        model.train()
        dpo_steps = _steps(len(rows), s, s["epochs"])
        sft_steps = _steps(len(rows), s, s["sft_epochs"]) if method == "sft-dpo" else 0
        total = dpo_steps + sft_steps
        metrics: dict = {"pairs": len(rows)}
        peft_config = _lora_config(model, s)
        if method == "sft-dpo":
            from peft import get_peft_model

            model = get_peft_model(model, peft_config)
            peft_config = None  # DPO below continues this adapter, with the SFT model as reference
            sft_rows = [{"prompt": [{"role": "user", "content": r["prompt"]}],
                         "completion": [{"role": "assistant", "content": r["chosen"]}]} for r in rows]
            cb = _progress_callback(data_dir, run_id, "sft", 0, total)
            sft_args = _common_args(str(folder / "_sft"), s, sft_steps)
            sft_args["learning_rate"] = float(s["sft_learning_rate"] or s["learning_rate"])
            sft = SFTTrainer(model=model, args=SFTConfig(**sft_args),
                             train_dataset=Dataset.from_list(sft_rows), processing_class=tokenizer, callbacks=[cb])
            state = sft.train()
            metrics["sft_loss"] = float(state.training_loss)
            metrics["sft_peak_lr"] = _peak(sft.state.log_history, "learning_rate")  # the rate the optimizer used
            if cb.cancelled:
                raise Cancelled()
        cb = _progress_callback(data_dir, run_id, "dpo", sft_steps, total)
        args = DPOConfig(**_common_args(str(folder / "_dpo"), s, dpo_steps), beta=float(s["beta"]),
                         loss_type=[s.get("loss_type", "sigmoid")],  # runs recorded before round 21: sigmoid
                         precompute_ref_log_probs=bool(s.get("precompute_ref", False)),
                         precompute_ref_batch_size=2 * int(s["batch_size"]))
        trainer = DPOTrainer(model=model, args=args, train_dataset=Dataset.from_list(to_dpo_rows(rows)),
                             processing_class=tokenizer, peft_config=peft_config, callbacks=[cb])
        state = trainer.train()
        if cb.cancelled:
            raise Cancelled()
        history = [h for h in trainer.state.log_history if "loss" in h]
        metrics.update({
            "dpo_loss": float(state.training_loss), "steps": int(state.global_step) + sft_steps,
            "final_reward_accuracy": _last(history, "rewards/accuracies"),
            "final_reward_margin": _last(history, "rewards/margins"),
            "dpo_peak_lr": _peak(history, "learning_rate"),
            "train_seconds": round(time.perf_counter() - start, 1),
        })
        trainer.model.save_pretrained(str(folder / "adapter"), selected_adapters=["default"])
        return policy_runs.update_run(data_dir, run_id, status="done", finished_at=time.time(), metrics=metrics,
                                      progress={"stage": "done", "step": total})
    except Cancelled:
        return policy_runs.update_run(data_dir, run_id, status="cancelled", finished_at=time.time(),
                                      progress={"stage": "cancelled"})
    except Exception as e:
        log.exception("policy run %s failed", run_id)
        policy_runs.update_run(data_dir, run_id, status="failed", finished_at=time.time(), error=str(e))
        raise


def _peak(history: list[dict], key: str):
    vals = [h[key] for h in history if key in h]
    return float(max(vals)) if vals else None


def _last(history: list[dict], key: str):
    vals = [h[key] for h in history if key in h]
    return float(vals[-1]) if vals else None
