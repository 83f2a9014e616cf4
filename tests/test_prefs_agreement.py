"""Agreement and rating statistics against values computed by hand / published examples."""
import math

import pytest

from core.preferences.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, pairwise_cohen
from core.preferences.ratings import bradley_terry
from core.preferences.stats import position_bias


def test_cohen_kappa_two_by_two():
    # 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    a = ["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_cohen_kappa_perfect_and_undefined():
    assert cohen_kappa(["A", "B", "tie"], ["A", "B", "tie"]) == pytest.approx(1.0)
    assert cohen_kappa(["A", "A"], ["A", "A"]) is None  # chance agreement is 1
    with pytest.raises(ValueError):
        cohen_kappa(["A"], ["A", "B"])


def test_pairwise_cohen_uses_shared_items_only():
    labels = [(1, "x", "A"), (2, "x", "B"), (3, "x", "A"),
              (1, "y", "A"), (2, "y", "B"), (4, "y", "B")]
    (pair,) = pairwise_cohen(labels)
    assert pair["n"] == 2 and pair["kappa"] == pytest.approx(1.0)


def test_fleiss_kappa_published_example():
    # Fleiss (1971) style example used on Wikipedia: 10 subjects, 14 raters, 5 categories.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    units = {i: [c for c, n in enumerate(row) for _ in range(n)] for i, row in enumerate(table)}
    # P-bar = 0.378, P_e = 0.2128 -> kappa = 0.2099
    assert fleiss_kappa(units) == pytest.approx(0.20993, abs=1e-4)


def test_fleiss_kappa_small_by_hand():
    # 3 items x 2 raters: (A,A), (A,B), (B,B). P_i = 1, 0, 1 -> P-bar 2/3; p_A = p_B = 1/2 -> P_e 1/2
    # kappa = (2/3 - 1/2) / (1/2) = 1/3
    assert fleiss_kappa({1: ["A", "A"], 2: ["A", "B"], 3: ["B", "B"]}) == pytest.approx(1 / 3)


def test_krippendorff_alpha_by_hand():
    # coincidences: (a,a)=2, (a,b)=(b,a)=1, (b,b)=2; n_a = n_b = 3, n = 6
    # D_o = 2/6, D_e = 18/30 -> alpha = 1 - (1/3)/(3/5) = 4/9
    assert krippendorff_alpha({1: ["a", "a"], 2: ["a", "b"], 3: ["b", "b"]}) == pytest.approx(4 / 9)


def test_krippendorff_alpha_published_example_with_missing_values():
    # Krippendorff's reliability data (4 coders, 12 units, missing values); nominal alpha = 0.743
    coders = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = {u: [c[u] for c in coders if c[u] is not None] for u in range(12)}
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=1e-3)


def test_single_labels_are_undefined():
    assert fleiss_kappa({1: ["A"], 2: ["B"]}) is None
    assert krippendorff_alpha({1: ["A"], 2: ["B"]}) is None


def test_bradley_terry_two_players_by_hand():
    # x beats y 3 times out of 4; plus one virtual tie: x has 3.5 of 5 wins.
    # MLE ratio p_x/p_y = 3.5/1.5 -> rating gap 400*log10(7/3) = 147.19
    comps = [("x", "y", "A")] * 3 + [("x", "y", "B")]
    r = {x.contestant: x for x in bradley_terry(comps, bootstrap=50)}
    assert r["x"].rating - r["y"].rating == pytest.approx(400 * math.log10(7 / 3), abs=0.01)
    assert r["x"].rating + r["y"].rating == pytest.approx(2000)
    assert r["x"].low <= r["x"].rating <= r["x"].high


def test_bradley_terry_order_ties_and_both_bad():
    comps = ([("a", "b", "A")] * 8 + [("a", "b", "B")] * 2 + [("b", "c", "A")] * 8 + [("c", "b", "A")] * 2
             + [("a", "c", "tie")] * 2 + [("a", "c", "both_bad")] * 50)
    ratings = bradley_terry(comps, bootstrap=100)
    assert [r.contestant for r in ratings] == ["a", "b", "c"]
    assert ratings[0].comparisons == 12  # both_bad labels are not comparisons


def test_position_bias_counts():
    pb = position_bias([True] * 7 + [False] * 3)
    assert pb["left_wins"] == 7 and pb["left_rate"] == pytest.approx(0.7)
    # two-sided exact binomial p for 7/10: 2 * P(X >= 7) = 2 * 176/1024
    assert pb["p_value"] == pytest.approx(2 * 176 / 1024)
