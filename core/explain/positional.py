"""Positional encodings: the original Transformer's sinusoids and RoPE as a model uses it.

Sinusoidal (Vaswani et al. 2017): PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...).
The dot product PE[p]·PE[p+k] depends only on the distance k.
RoPE (Su et al. 2021) rotates each pair of query/key dimensions by pos * theta_i with
theta_i = base^(-2i/d); q·k then depends on the relative distance through cos(k * theta_i).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def sinusoidal(positions: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """[positions, d_model] sinusoidal encodings (d_model even)."""
    if positions < 1 or d_model < 2 or d_model % 2:
        raise ValueError(f"need positions >= 1 and an even d_model >= 2, got {positions}, {d_model}")
    pos = np.arange(positions)[:, None]
    inv = base ** (-np.arange(0, d_model, 2) / d_model)
    pe = np.zeros((positions, d_model))
    pe[:, 0::2] = np.sin(pos * inv)
    pe[:, 1::2] = np.cos(pos * inv)
    return pe


def dot_vs_distance(pe: np.ndarray, anchor: int = 0) -> np.ndarray:
    """PE[anchor] · PE[anchor + k] for every k (normalised by d_model/2, so k=0 gives 1)."""
    return pe[anchor:] @ pe[anchor] / (pe.shape[1] / 2)


@dataclass(frozen=True)
class Rope:
    base: float
    head_dim: int
    inv_freq: np.ndarray  # theta_i, radians per position, one per dimension pair
    source: str

    @property
    def wavelengths(self) -> np.ndarray:
        """Positions for a full turn of each pair: 2*pi / theta_i."""
        return 2 * np.pi / self.inv_freq

    def similarity(self, max_distance: int) -> np.ndarray:
        """Mean over pairs of cos(k * theta_i): q·R(k)q / |q|^2 for a q with equal energy per pair."""
        k = np.arange(max_distance + 1)[:, None]
        return np.cos(k * self.inv_freq[None, :]).mean(-1)

    def rotation_angles(self, positions: int) -> np.ndarray:
        """[positions, pairs] angle (radians, mod 2*pi) each pair is rotated by."""
        return np.mod(np.arange(positions)[:, None] * self.inv_freq[None, :], 2 * np.pi)


def rope_from_config(config) -> Rope:
    """RoPE frequencies computed from a model config (rope_parameters / rope_theta, head_dim)."""
    params = getattr(config, "rope_parameters", None) or {}
    base = params.get("rope_theta") or getattr(config, "rope_theta", None)
    if base is None:
        raise ValueError(f"{getattr(config, 'model_type', 'model')} has no RoPE base (rope_theta) in its config")
    kind = params.get("rope_type", "default")
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    inv = 1.0 / (float(base) ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim))
    return Rope(float(base), int(head_dim), inv, f"config ({kind} RoPE, base {base:g}, head_dim {head_dim})")
