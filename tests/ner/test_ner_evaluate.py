import pytest

from marsad.ner.evaluate import score


def test_exact_span_and_type_count():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"]]
    scores = score(gold, predicted)
    assert (scores["LOC"].tp, scores["PERS"].tp, scores["PERS"].fp, scores["PERS"].fn) == (1, 0, 1, 1)
    assert scores["micro"].precision == pytest.approx(50.0)
    assert scores["micro"].recall == pytest.approx(50.0)


def test_perfect_prediction_scores_100():
    gold = [["B-ORG", "I-ORG"], ["O", "B-MISC"]]
    assert score(gold, gold)["micro"].f1 == pytest.approx(100.0)


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])
