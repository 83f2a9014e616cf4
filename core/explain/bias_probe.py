"""A minimal-pair bias probe: same prefix, different continuations, compare the decoder's odds.

"The doctor said that | he | she" asks how much probability the model puts on " he" vs
" she" right after the prefix. It is a probe of one small model on a few hand-written
sentences, not a measure of bias in general (see LIMITS, shown on the page).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch

from core.explain.models import ExplainModel
from core.explain.next_token import check_decoder

ASSET = Path(__file__).resolve().parents[2] / "assets" / "explorer" / "bias_probes.txt"
MAX_PROBES = 40
MAX_OPTIONS = 6
MAX_OPTION_TOKENS = 8
MAX_PREFIX_TOKENS = 128

LIMITS = (
    "This is a probe, not a verdict. It reads one small model's next-token probabilities on a "
    "handful of hand-written templates: results change with wording, punctuation and the "
    "model, and say nothing about how a deployed system behaves. Two-option pronoun pairs "
    "(he/she) simplify gender; a template set this small cannot show a bias is absent. "
    "Probabilities compare continuations of the same prefix only (shares are renormalised "
    "over the listed options); multi-token continuations multiply per-token probabilities, "
    "which favours short continuations."
)


@dataclass(frozen=True)
class Probe:
    prefix: str
    options: list[str]


@dataclass(frozen=True)
class ProbeResult:
    prefix: str
    options: list[str]
    log_probs: list[float]  # natural log P(continuation | prefix)
    tokens: list[int]  # token count of each continuation

    @property
    def probs(self) -> list[float]:
        return [math.exp(lp) for lp in self.log_probs]

    @property
    def shares(self) -> list[float]:
        """Each continuation's share of the probability of all listed continuations."""
        m = max(self.log_probs)
        w = [math.exp(lp - m) for lp in self.log_probs]
        return [x / sum(w) for x in w]


def shipped_templates() -> str:
    return ASSET.read_text(encoding="utf-8")


def parse_probes(text: str) -> list[Probe]:
    """`prefix | option | option ...` per line; # comments and blank lines ignored."""
    probes = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3 or not all(parts):
            raise ValueError(f"line {n}: write 'prefix | continuation | continuation', got {raw!r}")
        if len(parts) - 1 > MAX_OPTIONS:
            raise ValueError(f"line {n}: at most {MAX_OPTIONS} continuations, got {len(parts) - 1}")
        probes.append(Probe(parts[0], parts[1:]))
    if not probes:
        raise ValueError("no probes: write at least one line 'prefix | continuation | continuation'")
    if len(probes) > MAX_PROBES:
        raise ValueError(f"{len(probes)} probes; at most {MAX_PROBES}")
    return probes


def run_probe(em: ExplainModel, probe: Probe) -> ProbeResult:
    return run_probes(em, [probe])[0]


@torch.inference_mode()
def run_probes(em: ExplainModel, probes: list[Probe]) -> list[ProbeResult]:
    """Score each continuation as a word after its prefix (a space goes between them).

    Every (prefix, continuation) pair is one row of a single right-padded batch: with
    causal attention the padding after a row's last token cannot change its scores.
    """
    check_decoder(em)
    tok = em.tokenizer
    rows, spans = [], []  # spans: (probe index, prefix length, continuation ids)
    for n, probe in enumerate(probes):
        prefix_ids = tok(probe.prefix, add_special_tokens=False)["input_ids"]
        if len(prefix_ids) > MAX_PREFIX_TOKENS:
            raise ValueError(f"prefix {probe.prefix[:40]!r}… is {len(prefix_ids)} tokens; at most {MAX_PREFIX_TOKENS}")
        for option in probe.options:
            ids = tok(" " + option, add_special_tokens=False)["input_ids"]
            if len(ids) > MAX_OPTION_TOKENS:
                raise ValueError(f"continuation {option!r} is {len(ids)} tokens; at most {MAX_OPTION_TOKENS}")
            rows.append(prefix_ids + ids)
            spans.append((n, len(prefix_ids), ids))
    width = max(len(r) for r in rows)
    pad = tok.pad_token_id if tok.pad_token_id is not None else 0
    batch = torch.full((len(rows), width), pad, dtype=torch.long)
    mask = torch.zeros_like(batch)
    for r, seq in enumerate(rows):
        batch[r, :len(seq)] = torch.tensor(seq)
        mask[r, :len(seq)] = 1
    logits = em.model(input_ids=batch.to(em.device), attention_mask=mask.to(em.device)).logits
    logp = torch.log_softmax(logits.float(), -1).cpu()
    scores: list[list[float]] = [[] for _ in probes]
    counts: list[list[int]] = [[] for _ in probes]
    for r, (n, start, ids) in enumerate(spans):
        scores[n].append(float(sum(logp[r, start - 1 + j, t] for j, t in enumerate(ids))))
        counts[n].append(len(ids))
    return [ProbeResult(p.prefix, p.options, scores[n], counts[n]) for n, p in enumerate(probes)]
