"""Train a reward model from the collected labels with TRL's RewardTrainer, on CPU.

    result = train_reward()                  # labels -> data_dir/reward_model, held-out accuracy
    score("prompt", "response")              # a scalar: higher = preferred

Base: the bundled all-MiniLM-L6-v2 encoder (a BERT) as AutoModelForSequenceClassification
with one output. BERT has no eos token; TRL appends `eos_token` to every text, so we use
[SEP]. Text scored = prompt + response + [SEP], exactly how RewardTrainer tokenizes the
standard preference format, so `score` matches training.
Held-out split is by item (an item's labels never sit on both sides), and accuracy is the
share of held-out pairs where the chosen response scores higher; the "longer answer wins"
baseline is printed next to it so the figure means something.
"""
from __future__ import annotations

import json
import logging
import random
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from core.caches import register_cache
from core.config import get_settings

log = logging.getLogger(__name__)

EOS = "[SEP]"
MAX_LENGTH = 256
MIN_PAIRS = 4
# Below this many held-out pairs an accuracy says little (3 pairs: 0.667 has a 95 % interval of
# 0.21-0.94): the model is saved, but not reported as trained.
MIN_HELDOUT = 20


@dataclass
class RewardResult:
    path: str
    train_pairs: int
    heldout_pairs: int
    heldout_accuracy: float | None
    length_baseline_accuracy: float | None
    train_loss: float | None
    steps: int
    seconds: float
    heldout_low: float | None = None  # 95 % Wilson interval of the held-out accuracy
    heldout_high: float | None = None
    trusted: bool = False  # enough held-out pairs (MIN_HELDOUT) to call the model trained
    warning: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def model_dir() -> Path:
    return get_settings().data_dir / "reward_model"


def base_path() -> str:
    base = get_settings().prefs.reward_base
    if base == "bundled":
        from core.models.bundled import minilm_dir

        return str(minilm_dir())
    if not Path(base).is_dir():
        raise ValueError(f"GENAI_PREFS_REWARD_BASE={base!r}: use 'bundled' or a local model folder (no hub access)")
    return base


def load_base():
    """(model, tokenizer) ready for RewardTrainer: one scalar output, eos and pad tokens set."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = base_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.eos_token is None:
        tokenizer.eos_token = EOS if EOS in tokenizer.get_vocab() else tokenizer.sep_token
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)
    model.config.pad_token_id = tokenizer.pad_token_id
    model.config.eos_token_id = tokenizer.eos_token_id
    return model, tokenizer


def reward_config(output_dir: str, **overrides):
    from trl import RewardConfig

    kwargs = dict(output_dir=output_dir, per_device_train_batch_size=8, learning_rate=5e-5,
                  num_train_epochs=get_settings().prefs.reward_epochs, max_length=MAX_LENGTH,
                  logging_steps=10, save_strategy="no", report_to=[], use_cpu=True, seed=0,
                  dataloader_num_workers=0, disable_tqdm=True,
                  # TRL turns both on by default; for a 22M-parameter model on a CPU they only cost time
                  # (recomputed forwards; bf16 autocast is several times slower than float32 without AVX-512)
                  gradient_checkpointing=False, bf16=False)
    kwargs.update(overrides)
    return RewardConfig(**kwargs)


def _split(rows: list[dict], heldout: float, seed: int) -> tuple[list[dict], list[dict]]:
    prompts = sorted({r["prompt"] for r in rows})
    random.Random(seed).shuffle(prompts)
    n_test = max(1, round(len(prompts) * heldout)) if len(prompts) > 1 else 0
    test_prompts = set(prompts[:n_test])
    return [r for r in rows if r["prompt"] not in test_prompts], [r for r in rows if r["prompt"] in test_prompts]


def _scores(model, tokenizer, prompts: list[str], responses: list[str], batch: int = 32) -> list[float]:
    import torch

    out: list[float] = []
    model.eval()
    with torch.inference_mode():
        for i in range(0, len(prompts), batch):
            texts = [p + r + tokenizer.eos_token for p, r in zip(prompts[i:i + batch], responses[i:i + batch])]
            enc = tokenizer(texts, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
            out += model(**enc).logits[:, 0].float().tolist()
    return out


def pairwise_accuracy(model, tokenizer, rows: list[dict]) -> float | None:
    if not rows:
        return None
    prompts = [r["prompt"] for r in rows]
    chosen = _scores(model, tokenizer, prompts, [r["chosen"] for r in rows])
    rejected = _scores(model, tokenizer, prompts, [r["rejected"] for r in rows])
    return sum(c > r for c, r in zip(chosen, rejected)) / len(rows)


def train_reward(rows: list[dict] | None = None, heldout: float = 0.2, seed: int = 0,
                 out: Path | None = None, **config_overrides) -> RewardResult:
    """Train on `rows` (TRL standard rows; default: every strict preference in the store)."""
    from datasets import Dataset
    from trl import RewardTrainer

    from core.preferences.export import trl_rows

    start = time.perf_counter()
    rows = trl_rows("standard", "drop", margin=True, include_compare=False) if rows is None else rows
    if len(rows) < MIN_PAIRS:
        raise ValueError(f"need at least {MIN_PAIRS} preference labels (A or B better) to train; have {len(rows)}")
    train, test = _split(rows, heldout, seed)
    out = Path(out or model_dir())
    model, tokenizer = load_base()
    trainer = RewardTrainer(model=model, args=reward_config(str(out / "_trainer"), seed=seed, **config_overrides),
                            train_dataset=Dataset.from_list(train), processing_class=tokenizer)
    state = trainer.train()
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    acc = pairwise_accuracy(model, tokenizer, test)
    longer = (sum((len(r["chosen"]) > len(r["rejected"])) for r in test) / len(test)) if test else None
    from core.preferences.policy_eval import wilson

    low, high = wilson(acc * len(test), len(test)) if test else (None, None)
    trusted = len(test) >= MIN_HELDOUT
    warning = "" if trusted else (f"only {len(test)} held-out pairs (need {MIN_HELDOUT}): the accuracy is too "
                                  "uncertain to call this reward model trained; collect more labels")
    result = RewardResult(str(out), len(train), len(test), acc, longer, float(state.training_loss),
                          int(state.global_step), time.perf_counter() - start, low, high, trusted, warning)
    (out / "reward_result.json").write_text(json.dumps(result.to_dict(), indent=2))
    _cache.clear()
    log.info("reward model: %s", result)
    return result


_cache: dict[str, tuple] = {}
register_cache("reward models", _cache.clear)
_cache_lock = threading.Lock()


def _load_trained(path: Path):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    key = str(path)
    with _cache_lock:
        if key not in _cache:
            if not (path / "config.json").exists():
                raise ValueError(f"no reward model at {path}: train one first (python -m core prefs train-reward)")
            _cache[key] = (AutoModelForSequenceClassification.from_pretrained(path), AutoTokenizer.from_pretrained(path))
        return _cache[key]


def score(prompt: str, response: str, path: Path | None = None) -> float:
    """Reward of one (prompt, response) under the trained model."""
    model, tokenizer = _load_trained(Path(path or model_dir()))
    return _scores(model, tokenizer, [prompt], [response])[0]


class TrainingJob:
    """Reward training in one background thread, so the host page stays responsive."""

    def __init__(self):
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.state: dict = {"running": False, "result": None, "error": None}

    def start(self) -> dict:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return self.state
            self.state = {"running": True, "result": None, "error": None}
            self._thread = threading.Thread(target=self._run, name="prefs-reward", daemon=True)
            self._thread.start()
            return self.state

    def _run(self) -> None:
        try:
            self.state["result"] = train_reward().to_dict()
        except Exception as e:  # reported on the host page
            log.exception("reward training failed")
            self.state["error"] = str(e)
        self.state["running"] = False


training_job = TrainingJob()
