"""How far a tuned model moved from its base: KL on its own answers, perplexity on plain text,
and win rates with honest intervals.

    kl_to_base(tuned, base, tok, prompts, answers)  mean per-token KL(tuned || base) on the tuned answers
    perplexity(model, tok, texts)                   token-weighted perplexity of ordinary text
    ordinary_text_windows()                         held-out plain text: the shipped RAG corpus
    win_rate(outcomes)                              wins (1), ties (0.5), losses (0) -> rate + Wilson 95 %
"""
from __future__ import annotations

import math
from pathlib import Path

import torch

from core.preferences.policy_model import _encode

CORPUS = Path(__file__).resolve().parents[2] / "assets" / "rag_corpus"


@torch.inference_mode()
def _answer_logprobs(model, tokenizer, prompts: list[str], answers: list[str]):
    """Log-softmax over the vocabulary at every answer position: list of (T_i, V) tensors."""
    out = []
    for p, a in zip(prompts, answers):
        enc = _encode(tokenizer, [p])
        ans = tokenizer(a, add_special_tokens=False, return_tensors="pt")["input_ids"]
        if ans.shape[1] == 0:
            out.append(None)
            continue
        ids = torch.cat([enc["input_ids"], ans], dim=1)
        logits = model(input_ids=ids).logits[0, enc["input_ids"].shape[1] - 1:-1].float()
        out.append(torch.log_softmax(logits, dim=-1))
    return out


def kl_to_base(tuned, base, tokenizer, prompts: list[str], answers: list[str]) -> dict:
    """KL(tuned || base) per answer token, on the tuned model's own answers (what it says)."""
    lt = _answer_logprobs(tuned, tokenizer, prompts, answers)
    lb = _answer_logprobs(base, tokenizer, prompts, answers)
    per_token, per_answer = [], []
    for a, b in zip(lt, lb):
        if a is None:
            continue
        kl = (a.exp() * (a - b)).sum(-1)  # (T,)
        per_token.extend(kl.tolist())
        per_answer.append(float(kl.sum()))
    return {"kl_per_token": sum(per_token) / len(per_token) if per_token else None,
            "kl_per_answer": sum(per_answer) / len(per_answer) if per_answer else None,
            "answers": len(per_answer)}


def ordinary_text_windows(max_windows: int = 24, chars: int = 600) -> list[str]:
    """Plain prose the policy never trains on: windows of the shipped RAG corpus (licenses,
    the US constitution, the Zen of Python, the suite's guide)."""
    windows = []
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        text = " ".join(path.read_text(encoding="utf-8").split())
        windows += [text[i:i + chars] for i in range(0, max(1, len(text) - chars), chars * 3)][:6]
    return windows[:max_windows]


@torch.inference_mode()
def perplexity(model, tokenizer, texts: list[str], max_tokens: int = 128) -> float:
    nll, count = 0.0, 0
    for text in texts:
        ids = tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"][:, :max_tokens]
        if ids.shape[1] < 2:
            continue
        out = model(input_ids=ids, labels=ids)
        n = ids.shape[1] - 1
        nll += float(out.loss) * n
        count += n
    if not count:
        raise ValueError("no text long enough to measure perplexity")
    return math.exp(nll / count)


def wilson(successes: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion (ties count half: `successes` may be fractional)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def win_rate(outcomes: list[float]) -> dict:
    """outcomes: 1 win, 0.5 tie, 0 loss (from the tuned model's side)."""
    n = len(outcomes)
    wins = sum(outcomes)
    low, high = wilson(wins, n)
    return {"n": n, "wins": sum(1 for o in outcomes if o == 1), "ties": sum(1 for o in outcomes if o == 0.5),
            "losses": sum(1 for o in outcomes if o == 0), "win_rate": (wins / n) if n else None,
            "low": low if n else None, "high": high if n else None}
