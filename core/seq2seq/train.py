"""Train the shipped encoder-decoder: a small T5 from a config, dates -> ISO 8601.

The model is transformers' T5ForConditionalGeneration built from `T5Config` (no pretrained
weights), over the character tokenizer in core/seq2seq/char_tokenizer.py, on an endless
stream of generated dates (core/seq2seq/dates.py) that never contains the evaluation dates.
The folder written loads with AutoTokenizer / AutoModelForSeq2SeqLM.from_pretrained.

`python -m core train-seq2seq` runs this from a seed with a tqdm progress bar.
"""
from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from core.seq2seq import dates
from core.seq2seq.char_tokenizer import build_tokenizer

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    seed: int = 0
    steps: int = 1500
    batch_size: int = 64
    lr: float = 2e-3
    warmup_steps: int = 150
    min_lr_ratio: float = 0.05    # cosine decay to lr * this
    weight_decay: float = 0.01
    d_model: int = 128
    d_kv: int = 32                # per head: 4 heads x 32 = d_model
    d_ff: int = 256
    encoder_layers: int = 3
    decoder_layers: int = 2
    heads: int = 4
    dropout: float = 0.0          # endless fresh data: nothing to overfit
    eval_every: int = 250
    checkpoint_every: int = 250   # the folder is rewritten (atomically) this often: a killed run leaves a model
    eval_examples: int = 256      # a quick greedy check for the log (the benchmark measures properly)
    stop_after: int = 0           # >0: stop (and save) after this many steps of the `steps`-long schedule
    threads: int = 0              # torch threads; 0 = torch's default (all cores)


def build_model(cfg: TrainConfig, tokenizer):
    from transformers import GenerationConfig, T5Config, T5ForConditionalGeneration

    config = T5Config(
        vocab_size=len(tokenizer), d_model=cfg.d_model, d_kv=cfg.d_kv, d_ff=cfg.d_ff,
        num_layers=cfg.encoder_layers, num_decoder_layers=cfg.decoder_layers, num_heads=cfg.heads,
        relative_attention_num_buckets=16, relative_attention_max_distance=64,
        dropout_rate=cfg.dropout, feed_forward_proj="relu",
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id)
    model = T5ForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        decoder_start_token_id=tokenizer.pad_token_id, pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id, max_new_tokens=16, do_sample=False)
    return model


def batch(tokenizer, pairs: list[tuple[str, str]]) -> dict:
    enc = tokenizer([p[0] for p in pairs], padding=True, return_tensors="pt")
    labels = tokenizer([p[1] for p in pairs], padding=True, return_tensors="pt")["input_ids"]
    labels[labels == tokenizer.pad_token_id] = -100  # padding is not a target
    return {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"], "labels": labels}


@torch.inference_mode()
def predict(model, tokenizer, texts: list[str], batch_size: int = 256) -> list[str]:
    """Greedy decoding, batched; the text of each output."""
    model.eval()
    out = []
    for start in range(0, len(texts), batch_size):
        enc = tokenizer(texts[start:start + batch_size], padding=True, return_tensors="pt").to(model.device)
        ids = model.generate(**enc, max_new_tokens=16, do_sample=False, num_beams=1)
        out += tokenizer.batch_decode(ids, skip_special_tokens=True)
    return out


def accuracy(model, tokenizer, examples: list[tuple[str, str, str]]) -> float:
    preds = predict(model, tokenizer, [e[1] for e in examples])
    return sum(p == e[2] for p, e in zip(preds, examples)) / max(1, len(examples))


def length_bucketed(stream, batch_size: int, pool_batches: int = 16, seed: int = 0):
    """Batches of similar input length: padding to the longest of a random batch would about
    double the work (mean input 17 characters, longest 38)."""
    rng = random.Random(seed)
    while True:
        pool = sorted((next(stream) for _ in range(batch_size * pool_batches)), key=lambda p: len(p[0]))
        batches = [pool[i:i + batch_size] for i in range(0, len(pool), batch_size)]
        rng.shuffle(batches)
        yield from batches


def _lr_at(step: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    t = (step - cfg.warmup_steps) / max(1, cfg.steps - cfg.warmup_steps)
    return cfg.lr * (cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def train(cfg: TrainConfig, out: Path, progress=None) -> Path:
    """Train from scratch and write a from_pretrained folder to `out` (replaced atomically)."""
    if cfg.steps <= 0 or cfg.batch_size <= 0:
        raise ValueError(f"steps and batch_size must be > 0 (got {cfg.steps}, {cfg.batch_size})")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    tokenizer = build_tokenizer()
    model = build_model(cfg, tokenizer)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    stream = dates.training_examples(cfg.seed, exclude=set(dates.heldout_dates()))
    # A quick look at learning on fresh stream examples (the benchmark owns the held-out dates).
    val = [("val", *next(stream)) for _ in range(cfg.eval_examples)]
    batches = length_bucketed(stream, cfg.batch_size, seed=cfg.seed)
    last = cfg.stop_after or cfg.steps
    bar = progress(last) if progress else None
    history, losses, t0 = [], [], time.perf_counter()
    model.train()
    for step in range(last):
        for group in opt.param_groups:
            group["lr"] = _lr_at(step, cfg)
        loss = model(**batch(tokenizer, next(batches))).loss
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())
        if bar is not None:
            bar.update(1)
            bar.set_postfix(loss=f"{sum(losses[-50:]) / len(losses[-50:]):.4f}", refresh=False)
        if (step + 1) % cfg.eval_every == 0 or step + 1 == last:
            acc = accuracy(model, tokenizer, val)
            model.train()
            history.append({"step": step + 1, "loss": round(sum(losses[-50:]) / len(losses[-50:]), 5),
                            "val_accuracy": round(acc, 4), "seconds": round(time.perf_counter() - t0, 1)})
            log.info("step %d: %s", step + 1, history[-1])
        if cfg.checkpoint_every and (step + 1) % cfg.checkpoint_every == 0 and step + 1 < last:
            _save(model, tokenizer, _summary(cfg, model, step + 1, time.perf_counter() - t0, history), Path(out))
            model.train()
    if bar is not None:
        bar.close()
    return _save(model, tokenizer, _summary(cfg, model, last, time.perf_counter() - t0, history), Path(out))


def _summary(cfg: TrainConfig, model, steps_done: int, seconds: float, history: list) -> dict:
    return {"config": asdict(cfg), "steps_done": steps_done, "seconds": round(seconds, 1),
            "torch_threads": torch.get_num_threads(), "history": history,
            "parameters": sum(p.numel() for p in model.parameters()),
            "heldout_forms": list(dates.HELDOUT_FORMS), "trained_forms": list(dates.TRAINED_FORMS)}


def _save(model, tokenizer, summary: dict, out: Path) -> Path:
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.eval()
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    (tmp / "training.json").write_text(json.dumps(summary, indent=2) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out
