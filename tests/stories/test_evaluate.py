"""The story evaluation's scoring: pairwise P/R/F1, stratum weights, duplicates folded onto their stored twin."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def evaluate(eval_script):
    return eval_script("stories/evaluate")


def test_weighted_scores_count_each_pair_for_its_stratum(evaluate) -> None:
    pairs = [
        evaluate.Pair("high", 1.0, "a", "b", same=1, copy=0),
        evaluate.Pair("low", 100.0, "c", "d", same=0, copy=0),
    ]
    predicted = [(True, 1), (True, 0)]  # right on the rare high pair, a false merge on the common low one
    assert evaluate.score(pairs, predicted, weighted=False) == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3)}
    weighted = evaluate.score(pairs, predicted, weighted=True)
    assert weighted["p"] == pytest.approx(1 / 101) and weighted["r"] == 1.0


def test_a_duplicate_counts_as_a_copy_of_its_stored_twin(evaluate) -> None:
    records = [{"id": "x", "text": "نص"}, {"id": "y", "text": "نص"}, {"id": "z", "text": "آخر"}]
    alias = evaluate.twins(records, stored={"x", "z"})
    assert alias == {"y": "x"}
    placement = evaluate.Placement({"x": "s1", "z": "s2"}, {"x": None, "z": None}, alias)
    assert placement.same_story("y", "x") and placement.copies("y", "x")
    assert not placement.same_story("y", "z") and not placement.copies("y", "z")


def test_copies_of_one_original_are_copies_of_each_other(evaluate) -> None:
    placement = evaluate.Placement({"o": "s", "c1": "s", "c2": "s", "r": "s"}, {"o": None, "c1": "o", "c2": "o", "r": None}, {})
    assert placement.copies("c1", "c2") and placement.copies("o", "c1")
    assert not placement.copies("r", "c1") and placement.same_story("r", "c1")
