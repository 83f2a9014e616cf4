"""Sentence and token embeddings from the encoder: similarity matrix and a 2-D PCA map.

Sentence vectors are the mean of the encoder's last hidden states over real tokens,
L2-normalised: the recipe all-MiniLM-L6-v2 was trained with (its sentence-transformers
pooling config), so cosine similarity is a dot product.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.explain.attention import display_labels
from core.explain.models import ENCODER_DECODER, ExplainModel
from core.explain.tokenization import check_text

MAX_SENTENCES = 32
MAX_SENTENCE_TOKENS = 128


@dataclass(frozen=True)
class Embedded:
    sentences: list[str]
    vectors: np.ndarray  # [sentence, dim], unit length
    token_vectors: np.ndarray  # [token, dim] last hidden states of non-special tokens
    token_labels: list[str]
    token_sentence: list[int]  # which sentence each token comes from

    @property
    def similarity(self) -> np.ndarray:
        return self.vectors @ self.vectors.T


def parse_sentences(text: str) -> list[str]:
    sentences = [s.strip() for s in text.splitlines() if s.strip()]
    if len(sentences) < 2:
        raise ValueError("give at least two sentences, one per line")
    if len(sentences) > MAX_SENTENCES:
        raise ValueError(f"{len(sentences)} sentences; the explorer compares at most {MAX_SENTENCES}")
    for s in sentences:
        check_text(s, "a sentence")
    return sentences


@torch.inference_mode()
def embed(em: ExplainModel, sentences: list[str]) -> Embedded:
    if em.causal:
        raise ValueError(f"{em.name} is a decoder; sentence embeddings here use the encoder")
    enc = em.tokenizer(sentences, padding=True, return_tensors="pt", return_special_tokens_mask=True)
    lengths = enc["attention_mask"].sum(1).tolist()
    for sentence, n in zip(sentences, lengths):
        if n > MAX_SENTENCE_TOKENS:  # an error, not a silent truncation
            raise ValueError(f"sentence {sentence[:40]!r}… is {n} tokens; at most {MAX_SENTENCE_TOKENS} per sentence")
    special = enc.pop("special_tokens_mask").bool()
    enc = {k: v.to(em.device) for k, v in enc.items()}
    encoder = em.model.get_encoder() if em.kind == ENCODER_DECODER else em.model
    hidden = encoder(**enc).last_hidden_state.float().cpu()
    mask = enc["attention_mask"].cpu().bool()
    summed = (hidden * mask[..., None]).sum(1)
    vectors = summed / mask.sum(1, keepdim=True).clamp(min=1)
    vectors = torch.nn.functional.normalize(vectors, dim=-1).numpy()
    keep = mask & ~special
    labels, owner, rows = [], [], []
    for s in range(len(sentences)):
        idx = keep[s].nonzero()[:, 0].tolist()
        pieces = em.tokenizer.convert_ids_to_tokens(enc["input_ids"][s, idx].tolist())
        labels += display_labels(pieces, em.tokenizer)
        owner += [s] * len(idx)
        rows.append(hidden[s, idx])
    return Embedded(sentences, vectors, torch.cat(rows).numpy(), labels, owner)


def pca_2d(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(points [n, 2], explained variance ratio [2]) by SVD of the centred data."""
    if x.shape[0] < 2:
        raise ValueError("PCA needs at least two points")
    centred = x - x.mean(0, keepdims=True)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    points = centred @ vt[:2].T
    var = s ** 2
    ratio = var[:2] / var.sum() if var.sum() > 0 else np.zeros(2)
    if points.shape[1] < 2:  # two points span one direction only
        points = np.pad(points, ((0, 0), (0, 2 - points.shape[1])))
        ratio = np.pad(ratio, (0, 2 - ratio.shape[0]))
    return points, ratio
