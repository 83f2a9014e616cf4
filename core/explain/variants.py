"""The three transformer variants on one input: what each may attend to, and what it produces.

encoder (all-MiniLM-L6-v2): bidirectional self-attention, a vector per token.
decoder (SmolLM2-135M): causal self-attention, the next token.
encoder-decoder (the date T5 trained here): encoder self-attention over the input, masked
self-attention over the output so far, and cross-attention from each output token to
every input token.
Each attention shown is the last layer's mean over heads, from the model's own forward pass.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.explain.attention import display_labels, run_attention
from core.explain.models import ExplainModel
from core.explain.next_token import encode_prompt, next_logits
from core.explain.seq2seq import Seq2SeqRun, alignment, translate


@dataclass(frozen=True)
class Mask:
    name: str
    mask: np.ndarray  # [query, key] bool
    query_labels: list[str]
    key_labels: list[str]


@dataclass(frozen=True)
class Variant:
    kind: str  # encoder | decoder | encoder-decoder
    model: str
    what: str  # one line: how it attends
    tokens: list[str]
    masks: list[Mask]
    attention: np.ndarray  # the attention most typical of the variant, last layer, mean over heads
    attention_title: str
    query_labels: list[str]
    key_labels: list[str]
    output: str  # what the variant makes of the input
    notice: str  # what to look at


def encoder_variant(em: ExplainModel, text: str) -> Variant:
    run = run_attention(em, text)
    labels = run.labels
    return Variant(
        "encoder", em.name, "Bidirectional self-attention: every token reads every other token.",
        labels, [Mask("self-attention mask", run.mask, labels, labels)],
        run.attentions[-1].mean(0), "self-attention, last layer, mean of heads", labels, labels,
        f"one {em.model.config.hidden_size}-number vector per token (averaged: a sentence embedding)",
        "The mask is full: a word's vector depends on words before *and after* it, which is why "
        "encoders suit understanding tasks (search, classification) but cannot generate text left to right.")


def decoder_variant(em: ExplainModel, text: str) -> Variant:
    run = run_attention(em, text)
    labels = run.labels
    nxt = int(next_logits(em, encode_prompt(em, text)).argmax())
    next_label = display_labels(em.tokenizer.convert_ids_to_tokens([nxt]), em.tokenizer)[0]
    return Variant(
        "decoder", em.name, "Causal (masked) self-attention: a token reads only itself and earlier tokens.",
        labels, [Mask("causal self-attention mask", run.mask, labels, labels)],
        run.attentions[-1].mean(0), "self-attention, last layer, mean of heads", labels, labels,
        f"the most likely next token: {next_label}",
        "The upper triangle is masked: no token can peek at the future, so the same model can be "
        "trained on every position at once and then generate one token at a time. Much of the weight "
        "lands on the first token (an attention sink).")


def encoder_decoder_variant(em: ExplainModel, text: str) -> tuple[Variant, Seq2SeqRun]:
    run = translate(em, text)
    inp, dec = run.input_labels, run.decoder_labels
    n_in, n_out = len(inp), len(dec)
    masks = [Mask("encoder self-attention (bidirectional)", np.ones((n_in, n_in), bool), inp, inp),
             Mask("decoder self-attention (causal)", np.tril(np.ones((n_out, n_out), bool)), dec, dec),
             Mask("cross-attention (output → input, all allowed)", np.ones((n_out, n_in), bool), run.output_labels, inp)]
    return Variant(
        "encoder-decoder", em.name,
        "Encoder self-attention over the input, causal self-attention over the output so far, "
        "and cross-attention from each output token to every input token.",
        inp, masks, alignment(run.cross_attentions, layer=run.cross_attentions.shape[0] - 1),
        "cross-attention, last layer, mean of heads", run.output_labels, inp,
        f"{run.output}" + ("" if run.finished else " (no </s> within the budget)"),
        "Cross-attention is the only bridge from input to output: each output character looks back "
        "at the input characters it is copied or translated from — the year digits at the year, "
        "the month digits at the month name. This is the mechanism attention was invented for (translation)."), run


def three_variants(encoder: ExplainModel, decoder: ExplainModel, seq2seq: ExplainModel, text: str) -> list[Variant]:
    return [encoder_variant(encoder, text), decoder_variant(decoder, text), encoder_decoder_variant(seq2seq, text)[0]]
