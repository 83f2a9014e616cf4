"""Attention weights from the model's own forward pass, plus per-head summaries.

Everything is numpy float32 in the layout [layer][head][query][key], the layout of
transformers' `output_attentions` with the batch axis dropped. Long inputs stay usable:
past MAX_TOKENS the caller gets a clear error (not a frozen page), and views pick a
subset of layers/heads or pool the query/key axes instead of drawing every line.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import torch

from core.explain import token_display
from core.explain.models import DECODER, ENCODER_DECODER, ExplainModel
from core.explain.tokenization import check_text

log = logging.getLogger(__name__)

# 512 tokens x 30 layers x 9 heads is ~280 MB of float32 weights for SmolLM2: the most we
# keep per input. The encoder is limited by its own position table (512 for MiniLM).
MAX_TOKENS = 512


class TooManyTokens(ValueError):
    pass


@dataclass(frozen=True)
class AttentionRun:
    model: str
    kind: str
    pieces: list[str]  # vocabulary pieces, as the tokenizer names them
    attentions: np.ndarray  # [layer, head, query, key] (encoder self-attention for enc-dec)
    mask: np.ndarray  # [query, key] bool: where attention is allowed at all
    labels: list[str]  # the pieces as people read them (byte-level decoded, whitespace visible)
    decoder_pieces: list[str] | None = None  # encoder-decoder only
    decoder_labels: list[str] | None = None
    decoder_attentions: np.ndarray | None = None  # [layer, head, dec query, dec key]
    cross_attentions: np.ndarray | None = None  # [layer, head, dec query, enc key]

    @property
    def causal(self) -> bool:
        return self.kind == DECODER

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.attentions.shape)

    def to_dict(self) -> dict:
        """The CLI's JSON: attentions[layer][head][query][key] as floats."""
        out = {"model": self.model, "tokens": self.labels, "pieces": self.pieces,
               "attentions": self.attentions.tolist()}
        if self.cross_attentions is not None:
            out["decoder_tokens"] = self.decoder_labels
            out["decoder_pieces"] = self.decoder_pieces
            out["decoder_attentions"] = self.decoder_attentions.tolist()
            out["cross_attentions"] = self.cross_attentions.tolist()
        return out


def display_labels(pieces: list[str], tokenizer=None) -> list[str]:
    """Readable labels (see core.explain.token_display): byte-level pieces decoded when
    `tokenizer` is byte-level, whitespace visible, <...> shown as ‹...› so plotly does not
    read it as HTML (SmolLM2's <|im_start|> would vanish, a typed <b> would turn text bold)."""
    return token_display.labels(pieces, tokenizer)


def encode(em: ExplainModel, text: str, max_tokens: int = MAX_TOKENS) -> dict:
    check_text(text)
    enc = em.tokenizer(text, return_tensors="pt", add_special_tokens=True)
    n = enc["input_ids"].shape[1]
    limit = min(max_tokens, em.max_positions)
    if n > limit:
        raise TooManyTokens(
            f"the text is {n} tokens long for {em.name}; the explorer shows at most {limit} "
            f"tokens per input (about {int(limit * 0.75)} English words). Shorten the text.")
    return {k: v.to(em.device) for k, v in enc.items()}


@torch.inference_mode()
def run_attention(em: ExplainModel, text: str, target: str = "", max_tokens: int = MAX_TOKENS) -> AttentionRun:
    """One forward pass with output_attentions; `target` is the decoder text of an enc-dec model."""
    enc = encode(em, text, max_tokens)
    ids = enc["input_ids"][0].tolist()
    pieces = em.tokenizer.convert_ids_to_tokens(ids)
    if em.kind == ENCODER_DECODER:
        return _run_seq2seq(em, enc, pieces, target, max_tokens)
    out = em.model(**enc, output_attentions=True)
    att = _stack(out.attentions)
    n = len(ids)
    mask = np.tril(np.ones((n, n), bool)) if em.kind == DECODER else np.ones((n, n), bool)
    return AttentionRun(em.name, em.kind, pieces, att, mask, display_labels(pieces, em.tokenizer))


def _run_seq2seq(em, enc, pieces, target, max_tokens) -> AttentionRun:
    """The decoder reads `target`, or, when it is empty, the model's own greedy output."""
    from core.explain.seq2seq import decoder_start_id, greedy_decode

    dec_ids = [decoder_start_id(em.model)]
    if target.strip():
        dec_ids += em.tokenizer(target, add_special_tokens=False)["input_ids"]
    else:
        dec_ids += greedy_decode(em, enc)[:-1]  # the last generated token is never read back
    if len(dec_ids) > max_tokens:
        raise TooManyTokens(f"the decoder text is {len(dec_ids)} tokens; at most {max_tokens}")
    dec = torch.tensor([dec_ids], device=em.device)
    out = em.model(**enc, decoder_input_ids=dec, output_attentions=True)
    n = len(pieces)
    return AttentionRun(
        em.name, ENCODER_DECODER, pieces, _stack(out.encoder_attentions), np.ones((n, n), bool),
        display_labels(pieces, em.tokenizer),
        decoder_pieces=(dec_pieces := em.tokenizer.convert_ids_to_tokens(dec_ids)),
        decoder_labels=display_labels(dec_pieces, em.tokenizer),
        decoder_attentions=_stack(out.decoder_attentions),
        cross_attentions=_stack(out.cross_attentions))


def _stack(layers) -> np.ndarray:
    # tuple of [1, head, q, k] per layer -> [layer, head, q, k]
    return torch.stack([a[0] for a in layers]).float().cpu().numpy()


def head_summary(att: np.ndarray) -> list[dict]:
    """Per (layer, head): mean row entropy in bits, weight on the previous token, on the first token, on itself."""
    L, H, Q, K = att.shape
    p = np.clip(att, 1e-12, 1.0)
    entropy = -(att * np.log2(p)).sum(-1).mean(-1)  # [L, H]
    first = att[..., :, 0].mean(-1)
    diag = np.diagonal(att, axis1=2, axis2=3).mean(-1) if Q == K else np.full((L, H), np.nan)
    if Q == K and Q > 1:
        prev = np.diagonal(att, offset=-1, axis1=2, axis2=3).mean(-1)
    else:
        prev = np.full((L, H), np.nan)
    rows = []
    for layer in range(L):
        for head in range(H):
            rows.append({"layer": layer, "head": head,
                         "entropy_bits": float(entropy[layer, head]),
                         "to_previous": float(prev[layer, head]),
                         "to_first": float(first[layer, head]),
                         "to_self": float(diag[layer, head])})
    return rows


def pool(matrix: np.ndarray, size: int) -> np.ndarray:
    """Block-average the last two axes down to at most size x size (thumbnails of long inputs)."""
    q, k = matrix.shape[-2:]
    if q <= size and k <= size:
        return matrix
    rq = np.linspace(0, q, min(q, size) + 1).astype(int)[:-1]
    rk = np.linspace(0, k, min(k, size) + 1).astype(int)[:-1]
    summed = np.add.reduceat(np.add.reduceat(matrix, rq, axis=-2), rk, axis=-1)
    cq = np.diff(np.append(rq, q))[:, None]
    ck = np.diff(np.append(rk, k))[None, :]
    return summed / (cq * ck)


def check_selection(att: np.ndarray, layers: list[int], heads: list[int]) -> None:
    L, H = att.shape[:2]
    bad_l = [x for x in layers if not 0 <= x < L]
    bad_h = [x for x in heads if not 0 <= x < H]
    if bad_l or bad_h:
        raise ValueError(f"layers {bad_l} / heads {bad_h} out of range: model has {L} layers x {H} heads")


SINK_THRESHOLD = 0.9  # a head putting this share of its weight on the first token is parked there


def sink_heads(rows: list[dict], threshold: float = SINK_THRESHOLD) -> set[tuple[int, int]]:
    """(layer, head) of every head whose mean weight on the first token is >= threshold."""
    return {(r["layer"], r["head"]) for r in rows if r["to_first"] >= threshold}


def summary_explanation(n_heads: int, n_sinks: int, first_label: str) -> str:
    """Markdown under the head summary: what each measure means, and what an attention sink is."""
    first = f" (here `{first_label}`)" if first_label else ""
    return (
        "**How to read it.** *entropy (bits)*: 0 means a head always looks at exactly one token; "
        "higher means its weight is spread out. *on previous token*: the share of weight on the token "
        "just before (previous-token heads help copy patterns). *on first token*: the share on position 0. "
        "*on itself*: the share on the query's own position.\n\n"
        f"**Attention sinks.** {n_sinks} of {n_heads} heads put at least {SINK_THRESHOLD:.0%} of their weight "
        f"on the first token{first}. They are not reading it: softmax must give its weight to some token, and "
        "a head with nothing relevant to do for this input parks it on the first token, which every "
        "position can see and which typically contributes little to the output (an *attention sink*, "
        "Xiao et al. 2023). So ~1.0 on the first token means the head is idle here, not that the first "
        "token matters.")
