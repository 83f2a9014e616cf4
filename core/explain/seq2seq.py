"""An encoder-decoder at work: greedy decoding, and where each output token looked.

`translate(em, text)` decodes greedily one token at a time (the encoder runs once; the
decoder re-reads its whole prefix each step, so nothing hides in a cache), then runs one
teacher-forced forward pass over the decoded prefix with `output_attentions`. Row t of
every matrix belongs to output token t: the decoder position that *produced* it reads
the start token plus outputs 0..t-1. Layout [layer][head][output][input], as
transformers' `cross_attentions` with the batch axis dropped.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.explain.attention import display_labels, encode
from core.explain.models import ENCODER_DECODER, ExplainModel

MAX_NEW_TOKENS = 32  # dates need 11 (10 characters + </s>); t5-small sentences a few more
MAX_INPUT_TOKENS = 256


@dataclass(frozen=True)
class Seq2SeqRun:
    model: str
    input_ids: list[int]
    input_pieces: list[str]
    input_labels: list[str]
    output_ids: list[int]  # generated tokens, </s> included when the model stopped
    output_pieces: list[str]
    output_labels: list[str]
    output: str  # the decoded text, special tokens dropped
    finished: bool  # False: the MAX_NEW_TOKENS budget ran out before </s>
    output_probs: list[float]  # probability the model gave each chosen token
    alternatives: list[list[tuple[str, float]]]  # per step, the 3 most likely tokens
    cross_attentions: np.ndarray  # [layer, head, output, input]
    encoder_attentions: np.ndarray  # [layer, head, input, input]
    decoder_attentions: np.ndarray  # [layer, head, output, output] (causal)

    @property
    def decoder_labels(self) -> list[str]:
        """What the decoder reads at each step: the start token, then the outputs so far."""
        return ["‹start›"] + self.output_labels[:-1]

    def to_dict(self) -> dict:
        """The CLI's JSON: cross_attentions[layer][head][output][input] as floats."""
        return {"model": self.model, "input_tokens": self.input_labels, "output": self.output,
                "output_tokens": self.output_labels, "cross_attentions": self.cross_attentions.tolist(),
                "input_ids": self.input_ids, "output_ids": self.output_ids,
                "output_probs": [round(p, 6) for p in self.output_probs], "finished": self.finished}


def check_seq2seq(em: ExplainModel) -> None:
    if em.kind != ENCODER_DECODER:
        raise ValueError(f"{em.name} is an {em.kind}: cross-attention needs an encoder-decoder model "
                         f"(the bundled date model, t5-small, a BART...)")


def decoder_start_id(model) -> int:
    gen = getattr(model, "generation_config", None)
    for value in (getattr(gen, "decoder_start_token_id", None), model.config.decoder_start_token_id,
                  model.config.pad_token_id):
        if isinstance(value, int):
            return value
    raise ValueError(f"{type(model).__name__}: config names no decoder_start_token_id")


def _eos_ids(model, tokenizer) -> set[int]:
    ids = set()
    for value in (getattr(getattr(model, "generation_config", None), "eos_token_id", None),
                  model.config.eos_token_id, tokenizer.eos_token_id):
        ids |= set(value) if isinstance(value, list) else ({value} if isinstance(value, int) else set())
    return ids


@torch.inference_mode()
def greedy_decode(em: ExplainModel, enc: dict, max_new_tokens: int = MAX_NEW_TOKENS) -> list[int]:
    """Output ids, one argmax at a time; ends with </s> unless the budget ran out."""
    if not 1 <= max_new_tokens <= 512:
        raise ValueError(f"max_new_tokens must be in 1..512, got {max_new_tokens}")
    model = em.model
    encoder_out = model.get_encoder()(input_ids=enc["input_ids"], attention_mask=enc.get("attention_mask"))
    eos = _eos_ids(model, em.tokenizer)
    dec, out = [decoder_start_id(model)], []
    for _ in range(max_new_tokens):
        logits = model(encoder_outputs=encoder_out, attention_mask=enc.get("attention_mask"),
                       decoder_input_ids=torch.tensor([dec], device=em.device), use_cache=False).logits
        nxt = int(logits[0, -1].argmax())
        out.append(nxt)
        dec.append(nxt)
        if nxt in eos:
            break
    return out


def encode_input(em: ExplainModel, text: str, max_tokens: int = MAX_INPUT_TOKENS) -> dict:
    return encode(em, text, max_tokens)


@torch.inference_mode()
def translate(em: ExplainModel, text: str, max_new_tokens: int = MAX_NEW_TOKENS,
              max_input_tokens: int = MAX_INPUT_TOKENS) -> Seq2SeqRun:
    """Greedy output for `text` and the attention weights that produced it."""
    check_seq2seq(em)
    enc = encode_input(em, text, max_input_tokens)
    out_ids = greedy_decode(em, enc, max_new_tokens)
    dec = torch.tensor([[decoder_start_id(em.model)] + out_ids[:-1]], device=em.device)
    out = em.model(**enc, decoder_input_ids=dec, output_attentions=True, use_cache=False)
    probs = torch.softmax(out.logits[0].float(), -1)  # [output, vocab]
    chosen = [float(probs[t, i]) for t, i in enumerate(out_ids)]
    top = torch.topk(probs, min(3, probs.shape[-1]), -1)
    alternatives = [list(zip(display_labels(em.tokenizer.convert_ids_to_tokens(ix.tolist()), em.tokenizer),
                             [float(p) for p in ps])) for ix, ps in zip(top.indices, top.values)]
    in_ids = enc["input_ids"][0].tolist()
    in_pieces = em.tokenizer.convert_ids_to_tokens(in_ids)
    out_pieces = em.tokenizer.convert_ids_to_tokens(out_ids)
    return Seq2SeqRun(
        model=em.name, input_ids=in_ids, input_pieces=in_pieces,
        input_labels=display_labels(in_pieces, em.tokenizer),
        output_ids=out_ids, output_pieces=out_pieces, output_labels=display_labels(out_pieces, em.tokenizer),
        output=em.tokenizer.decode(out_ids, skip_special_tokens=True),
        finished=out_ids[-1] in _eos_ids(em.model, em.tokenizer), output_probs=chosen, alternatives=alternatives,
        cross_attentions=_stack(out.cross_attentions), encoder_attentions=_stack(out.encoder_attentions),
        decoder_attentions=_stack(out.decoder_attentions))


def _stack(layers) -> np.ndarray:
    return torch.stack([a[0] for a in layers]).float().cpu().numpy()


def alignment(cross: np.ndarray, layer: int | None = None, head: int | None = None) -> np.ndarray:
    """[output, input]: one head, one layer's mean over heads (head=None), or the mean of all (both None)."""
    L, H = cross.shape[:2]
    if layer is not None and not 0 <= layer < L:
        raise ValueError(f"layer {layer} out of range: the model has {L} decoder layers")
    if head is not None and not 0 <= head < H:
        raise ValueError(f"head {head} out of range: the model has {H} heads")
    if head is not None and layer is None:
        raise ValueError("a head needs a layer")
    if layer is None:
        return cross.mean(axis=(0, 1))
    return cross[layer].mean(0) if head is None else cross[layer, head]


def strongest_inputs(matrix: np.ndarray) -> list[int]:
    """For each output row, the input position it looked at most."""
    return [int(i) for i in matrix.argmax(-1)]
