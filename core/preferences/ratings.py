"""Bradley-Terry ratings of contestants from pairwise labels, with bootstrap intervals.

P(i beats j) = p_i / (p_i + p_j). Fitted with Hunter's (2004) MM iteration. A tie counts
as half a win for each side; "both bad" says nothing about the order and is left out.
Every pair of contestants also gets one virtual tie (a weak prior) so an unbeaten
contestant gets a finite rating. Ratings are shown on the familiar Elo scale:
1000 + 400 * log10(p_i / geometric mean of p).
Intervals: resample the comparisons with replacement, refit, take percentiles.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np

PRIOR_TIES = 1.0


@dataclass
class Rating:
    contestant: str
    rating: float
    low: float
    high: float
    comparisons: int
    wins: float

    def to_dict(self) -> dict:
        return asdict(self)


def _fit(names: list[str], comps: np.ndarray, weights: np.ndarray, iters: int = 500) -> np.ndarray:
    """comps: rows (i, j, s) with s = 1 if i won, 0.5 tie. Returns log10 strengths, mean 0."""
    m = len(names)
    wins = np.full((m, m), PRIOR_TIES / 2.0)
    np.fill_diagonal(wins, 0.0)
    # np.add.at adds in row order, like a loop over the comparisons (same sums, bit for bit),
    # without a Python step per label: the dashboard refits this for every bootstrap sample
    i, j, s = comps[:, 0].astype(int), comps[:, 1].astype(int), comps[:, 2]
    np.add.at(wins, (i, j), weights * s)
    np.add.at(wins, (j, i), weights * (1.0 - s))
    games = wins + wins.T
    total_wins = wins.sum(axis=1)
    p = np.ones(m)
    for _ in range(iters):
        denom = (games / (p[:, None] + p[None, :])).sum(axis=1)
        new = total_wins / denom
        new /= math.exp(np.log(new).mean())
        if np.max(np.abs(new - p)) < 1e-10:
            p = new
            break
        p = new
    logp = np.log10(p)
    return logp - logp.mean()


def bradley_terry(comparisons: Sequence[tuple[str, str, str]], bootstrap: int = 200, seed: int = 0,
                  level: float = 0.95) -> list[Rating]:
    """comparisons: (contestant_a, contestant_b, choice) with choice A | B | tie | both_bad."""
    rows = [(a, b, {"A": 1.0, "B": 0.0, "tie": 0.5}[c]) for a, b, c in comparisons if c != "both_bad"]
    names = sorted({x for a, b, _ in rows for x in (a, b)})
    if len(names) < 2:
        return []
    index = {n: i for i, n in enumerate(names)}
    comps = np.array([(index[a], index[b], s) for a, b, s in rows], dtype=float)
    point = 1000 + 400 * _fit(names, comps, np.ones(len(comps)))
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(bootstrap):
        w = np.bincount(rng.integers(0, len(comps), len(comps)), minlength=len(comps)).astype(float)
        samples.append(1000 + 400 * _fit(names, comps, w, iters=200))
    tail = (1 - level) / 2 * 100
    lows = np.percentile(samples, tail, axis=0) if samples else point
    highs = np.percentile(samples, 100 - tail, axis=0) if samples else point
    counts = {n: 0 for n in names}
    won = {n: 0.0 for n in names}
    for a, b, s in rows:
        counts[a] += 1
        counts[b] += 1
        won[a] += s
        won[b] += 1 - s
    out = [Rating(n, float(point[i]), float(lows[i]), float(highs[i]), counts[n], won[n])
           for n, i in index.items()]
    return sorted(out, key=lambda r: -r.rating)
