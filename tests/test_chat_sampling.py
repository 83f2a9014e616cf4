"""Sampling filters against small hand-computed examples."""
from __future__ import annotations

import math

import pytest
import torch

from core.models.sampling import SamplingParams, filtered_distribution, make_generator, sample_next, top_k_mask, top_p_mask


def test_top_k_keeps_the_k_largest():
    logits = torch.tensor([1.0, 5.0, 3.0, -2.0, 4.0])
    assert top_k_mask(logits, 2).tolist() == [False, True, False, False, True]
    assert top_k_mask(logits, 1).tolist() == [False, True, False, False, False]


def test_top_k_keeps_ties_at_the_kth_value():
    logits = torch.tensor([2.0, 1.0, 2.0, 0.0])
    assert top_k_mask(logits, 1).tolist() == [True, False, True, False]


def test_top_k_off():
    logits = torch.tensor([0.1, 0.2, 0.3])
    assert top_k_mask(logits, 0).all() and top_k_mask(logits, 3).all() and top_k_mask(logits, 10).all()


def test_top_p_keeps_the_smallest_set_reaching_p():
    probs = torch.tensor([0.1, 0.5, 0.15, 0.25])
    # sorted: 0.5, 0.25, 0.15, 0.1 -> cumulative 0.5, 0.75, 0.9, 1.0
    assert top_p_mask(probs, 0.5).tolist() == [False, True, False, False]   # 0.5 alone reaches 0.5
    assert top_p_mask(probs, 0.6).tolist() == [False, True, False, True]    # needs 0.25 too
    assert top_p_mask(probs, 0.8).tolist() == [False, True, True, True]
    assert top_p_mask(probs, 0.95).tolist() == [True, True, True, True]
    assert top_p_mask(probs, 0.01).tolist() == [False, True, False, False]  # the best always survives


def test_top_p_batched_rows_are_independent():
    probs = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    assert top_p_mask(probs, 0.8).tolist() == [[True, True, False], [False, True, True]]


def test_filtered_distribution_by_hand():
    logits = torch.tensor([math.log(1.0), math.log(2.0), math.log(3.0), math.log(4.0)])
    # temperature 1: probs 0.1 0.2 0.3 0.4; top_k=3 drops 0.1 -> 2/9 3/9 4/9; top_p=0.7 keeps 4/9 + 3/9
    probs = filtered_distribution(logits, SamplingParams(temperature=1.0, top_k=3, top_p=0.7))
    assert torch.allclose(probs, torch.tensor([0.0, 0.0, 3 / 7, 4 / 7]), atol=1e-6)
    # temperature 0.5 squares the odds: 1 4 9 16 over 30
    probs = filtered_distribution(logits, SamplingParams(temperature=0.5))
    assert torch.allclose(probs, torch.tensor([1, 4, 9, 16]) / 30.0, atol=1e-6)
    greedy = filtered_distribution(logits, SamplingParams(temperature=0.0))
    assert greedy.tolist() == [0.0, 0.0, 0.0, 1.0]


def test_sample_next_never_picks_a_filtered_token():
    logits = torch.tensor([0.0, 3.0, 2.9, 2.8, -1.0])
    params = SamplingParams(temperature=5.0, top_k=2)
    g = make_generator(0)
    picks = {sample_next(logits, params, g) for _ in range(200)}
    assert picks == {1, 2}


def test_seeded_sampling_repeats():
    logits = torch.randn(100, generator=torch.Generator().manual_seed(0))
    params = SamplingParams(temperature=1.0)
    a = [sample_next(logits, params, g) for g in [make_generator(5)] for _ in range(20)]
    b = [sample_next(logits, params, g) for g in [make_generator(5)] for _ in range(20)]
    assert a == b


@pytest.mark.parametrize("kwargs, name", [
    ({"max_new_tokens": 0}, "max_new_tokens"), ({"temperature": -1}, "temperature"),
    ({"top_k": -3}, "top_k"), ({"top_p": 0}, "top_p"), ({"top_p": 1.5}, "top_p"), ({"seed": "x"}, "seed"),
])
def test_bad_params_name_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=name):
        SamplingParams(**kwargs)
