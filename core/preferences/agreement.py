"""Inter-annotator agreement on nominal labels (A / B / tie / both_bad).

    cohen_kappa(a, b)                 two labelers over the items both labelled
    pairwise_cohen(labels)            Cohen's kappa for every pair of labelers
    fleiss_kappa(units)               many labelers; units = {item: [label, ...]}
    krippendorff_alpha(units)         nominal alpha; any number of labels per item

Each returns None when the statistic is undefined (e.g. fewer than two labels per item,
or every label is the same category so chance agreement is 1).
Fleiss' kappa with a varying number of labels per item uses the usual generalisation:
per-item agreement over that item's n_i labels, category shares over all labels; with a
constant n it is exactly Fleiss (1971).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Hashable, Iterable, Mapping, Sequence


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    if len(a) != len(b):
        raise ValueError(f"cohen_kappa needs paired labels, got {len(a)} and {len(b)}")
    n = len(a)
    if n == 0:
        return None
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def pairwise_cohen(labels: Iterable[tuple[Hashable, Hashable, Hashable]], min_common: int = 2) -> list[dict]:
    """labels: (item, labeler, value) triples -> [{labeler_a, labeler_b, n, kappa}]."""
    by_labeler: dict[Hashable, dict[Hashable, Hashable]] = defaultdict(dict)
    for item, labeler, value in labels:
        by_labeler[labeler][item] = value
    out = []
    for la, lb in combinations(sorted(by_labeler, key=str), 2):
        common = sorted(set(by_labeler[la]) & set(by_labeler[lb]), key=str)
        if len(common) < min_common:
            continue
        k = cohen_kappa([by_labeler[la][i] for i in common], [by_labeler[lb][i] for i in common])
        out.append({"labeler_a": la, "labeler_b": lb, "n": len(common), "kappa": k})
    return out


def fleiss_kappa(units: Mapping[Hashable, Sequence[Hashable]]) -> float | None:
    rated = [Counter(v) for v in units.values() if len(v) >= 2]
    if not rated:
        return None
    totals: Counter = Counter()
    p_items = []
    for counts in rated:
        n_i = sum(counts.values())
        totals.update(counts)
        p_items.append((sum(c * c for c in counts.values()) - n_i) / (n_i * (n_i - 1)))
    n_all = sum(totals.values())
    p_bar = sum(p_items) / len(p_items)
    p_e = sum((c / n_all) ** 2 for c in totals.values())
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def krippendorff_alpha(units: Mapping[Hashable, Sequence[Hashable]]) -> float | None:
    """Nominal Krippendorff's alpha from the coincidence matrix (Krippendorff 2011)."""
    coincid: dict[tuple, float] = defaultdict(float)
    for values in units.values():
        m = len(values)
        if m < 2:
            continue  # a unit with one value carries no pairable information
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincid[(c, k)] += 1.0 / (m - 1)
    n_c: dict[Hashable, float] = defaultdict(float)
    for (c, _k), w in coincid.items():
        n_c[c] += w
    n = sum(n_c.values())
    if n <= 1:
        return None
    d_o = sum(w for (c, k), w in coincid.items() if c != k) / n
    d_e = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n * (n - 1))
    if d_e == 0:
        return None
    return 1.0 - d_o / d_e
