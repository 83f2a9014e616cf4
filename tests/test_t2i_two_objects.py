"""The shipped model on two-object prompts, judged by the benchmark's judge (issue #19).

16 held-out two-object captions (8 in phrasings never used in training, 8 pairs of objects
never shown together) through benchmarks/text2image.evaluate, 25 steps as in the benchmark;
it measures the same with 48 images per set. The thresholds sit below what the shipped model
(#19 round 4, with its pixel head) scores there (two draws of the sets: colours 85-100%,
shapes 65-81% by the judge's coverage rule of round 5 (46-65% by the fill rule before),
relation 81-98%; here 15, 11 (8 by the old rule) and 15 of 16) with a margin for 16 images. The
round-3 model scored colours 65-81%, shapes 10-29%, relation 58-71%; the model before #19
drew one shape for two (colours 12%, relation 0-2%; 1 of 16 here).
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipe(shipped_ddim_pipe):
    return shipped_ddim_pipe


def test_two_objects_on_held_out_phrasings_and_pairs(pipe):
    from benchmarks.text2image import evaluate, held_out_sets

    sets = held_out_sets(12)
    items = sets["two: held-out phrasings"][:8] + sets["two: held-out combinations"][:8]
    acc, _ = evaluate(pipe, items, steps=25, guidance=4.0)
    assert acc["colours"] >= 0.7 and acc["relation"] >= 0.7 and acc["shapes"] >= 0.3 and acc["background"] >= 0.9, acc
