"""The evaluation metric of eval/quotes.py on hand-made cases (no data needed)."""

from __future__ import annotations

import pytest

from marsad.document import Mention, Quote, Speaker


@pytest.fixture(scope="module")
def metric(eval_script):
    return eval_script("quotes")


def _quote(start: int, end: int, name: str | None) -> Quote:
    return Quote(start=start, end=end, direct=False, cue=Mention(0, 1), speaker=Speaker(name=name, entity_id="Q1", type="person"))


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [("كيري", True), ("جون كيري", True), ("وزير الخارجية الأميركي جون كيري", True), ("لافروف", False), ("الوزير", False), (None, False)],
)
def test_same_speaker_by_name_containment(metric, predicted, matches):
    gold = {"speaker": "جون كيري", "speaker_aliases": ["جون كيري", "كيري", "وزير الخارجية الأميركي"]}
    assert metric.same_speaker(predicted, gold) is matches


def test_overlap_must_cover_half_of_each_span(metric):
    text = "قال الوزير إن المحادثات كانت مثمرة جدا وإن الاتفاق قريب."
    gold = [{"content": "المحادثات كانت مثمرة جدا وإن الاتفاق قريب", "speaker": "الوزير"}]
    start = text.index("المحادثات")
    matched, spurious, missed = metric.match(text, [_quote(start, start + 10, "الوزير")], gold)
    assert (matched, len(spurious), len(missed)) == ([], 1, 1)
    matched, _, _ = metric.match(text, [_quote(start, len(text) - 1, "الوزير")], gold)
    assert len(matched) == 1


def test_repeated_gold_content_is_located_after_the_previous_quote(metric):
    text = 'وأجاب "شكرا، لا". وأجاب مرة أخرى "لا".'
    spans = metric.locate(text, [{"content": "شكرا، لا"}, {"content": "لا"}])
    assert [text[start:end] for start, end, _ in spans] == ["شكرا، لا", "لا"]
    assert spans[1][0] > spans[0][1]
