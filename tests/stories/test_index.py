"""Incremental placement in memory: copies, stories, the time window, late arrivals."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.stories import StoryIndex, featurize
from marsad.stories.copies import containment
from marsad.stories.features import shingles

from .texts import AGENCY, INDEPENDENT, RETOLD, TRIMMED, UNRELATED, analysis

SPORT_TITLE = "النصر يفوز على الاتحاد"


def features(text: str, article_id: str, day: str, order: int, title: str | None = None):
    record = analysis(text, article_id, day) if title is None else analysis(text, article_id, day, title=title)
    return featurize(record, day=date.fromisoformat(day).toordinal(), order=order)


def test_trimmed_reprint_is_a_copy_of_the_agency_text() -> None:
    index = StoryIndex()
    first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    copy = index.assign(features(TRIMMED, "paper", "2024-05-01", 2))
    assert first.new_story and first.copy_of is None
    assert copy.copy_of == "agency"
    assert copy.story_id == first.story_id


def test_independent_report_joins_the_story_without_being_a_copy() -> None:
    index = StoryIndex()
    first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    report = index.assign(features(INDEPENDENT, "report", "2024-05-02", 2))
    assert report.copy_of is None
    assert report.story_id == first.story_id and not report.new_story


def test_unrelated_article_starts_its_own_story() -> None:
    index = StoryIndex()
    index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    other = index.assign(features(UNRELATED, "match", "2024-05-01", 2, title=SPORT_TITLE))
    assert other.new_story and other.story_id == "match" and other.copy_of is None


def test_an_article_outside_the_window_starts_a_new_story() -> None:
    index = StoryIndex(window_days=3)
    index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    later = index.assign(features(INDEPENDENT, "report", "2024-05-05", 2))
    assert later.new_story


def test_copy_points_at_the_earliest_of_its_group() -> None:
    index = StoryIndex()
    index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    index.assign(features(TRIMMED, "paper1", "2024-05-01", 2))
    third = index.assign(features(TRIMMED + " وكان ذلك أمس.", "paper2", "2024-05-02", 3))
    assert third.copy_of == "agency"


def test_an_earlier_original_arriving_late_takes_its_copies_over() -> None:
    index = StoryIndex()
    index.assign(features(TRIMMED, "paper", "2024-05-02", 1))
    late = index.assign(features(AGENCY, "agency", "2024-05-01", 2))
    assert late.copy_of is None and late.repointed == ["paper"]
    placed = {article_id: copy_of for article_id, _, copy_of in index.members()}
    assert placed == {"paper": "agency", "agency": None}


def test_eviction_forgets_articles_and_their_postings() -> None:
    index = StoryIndex()
    index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    index.assign(features(UNRELATED, "match", "2024-05-03", 2, title=SPORT_TITLE))
    assert index.evict_days({date(2024, 5, 1).toordinal()}) == 1
    assert "agency" not in index and len(index.copies) == 1
    assert all("agency" not in posting for posting in index.postings.values())
    again = index.assign(features(TRIMMED, "paper", "2024-05-01", 3))
    assert again.new_story and again.copy_of is None


@pytest.mark.parametrize("link", ["best", "centroid", "mean"])
def test_every_link_keeps_the_story_together(link: str) -> None:
    index = StoryIndex(link=link)
    first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    assert index.assign(features(INDEPENDENT, "report", "2024-05-01", 2)).story_id == first.story_id
    assert index.assign(features(UNRELATED, "match", "2024-05-01", 3, title=SPORT_TITLE)).new_story


def test_containment_of_a_trimmed_lead_is_high_and_of_a_rewrite_low() -> None:
    assert containment(shingles(TRIMMED), shingles(AGENCY)) > 0.8
    assert containment(shingles(INDEPENDENT), shingles(AGENCY)) < 0.2


def test_features_are_unit_length_and_indexed_by_their_heaviest_terms() -> None:
    record = features(AGENCY, "agency", "2024-05-01", 1)
    assert abs(sum(value * value for value in record.vector.values()) - 1.0) < 1e-9
    assert set(record.top_terms) <= set(record.vector)
    assert min(record.vector[t] for t in record.top_terms) >= max((v for t, v in record.vector.items() if t not in record.top_terms), default=0)


def test_a_story_stops_growing_past_its_span() -> None:
    index = StoryIndex(window_days=3, max_span_days=3)
    first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    second = index.assign(features(INDEPENDENT, "report", "2024-05-03", 2))
    assert second.story_id == first.story_id
    # Within the window of the report, but five days after the story began: a new story.
    third = index.assign(features(RETOLD, "follow-up", "2024-05-06", 3))
    assert third.copy_of is None and third.new_story
    # The same article on the fourth day would have joined.
    again = StoryIndex(window_days=3, max_span_days=3)
    again.assign(features(AGENCY, "agency", "2024-05-01", 1))
    assert again.assign(features(RETOLD, "follow-up", "2024-05-04", 2)).story_id == "agency"


def test_a_copy_printed_past_the_span_starts_a_new_story() -> None:
    index = StoryIndex(window_days=3, max_span_days=3)
    index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    index.assign(features(INDEPENDENT, "report", "2024-05-04", 2))
    late = index.assign(features(TRIMMED, "reprint", "2024-05-06", 3))
    assert late.new_story and late.copy_of is None


# A paper's own report that quotes the agency's opening sentence, then goes its own way.
QUOTES_OPENING = (
    "أعلنت وزارة الزراعة اليوم عن إطلاق برنامج وطني لزراعة مليون شجرة نخيل في منطقة القصيم خلال العامين "
    "المقبلين. ويرى مزارعون في بريدة وعنيزة أن المبادرة تأخرت كثيرا، إذ يعاني القطاع من شح المياه وارتفاع "
    "أجور العمالة، ويطالبون بتسهيل القروض الميسرة قبل التوسع في غرس الفسائل الجديدة في المزارع الصغيرة."
)


def test_a_report_that_quotes_the_opening_sentence_is_not_a_copy() -> None:
    shared = containment(shingles(QUOTES_OPENING), shingles(AGENCY))
    assert 0.25 < shared < 0.4  # a third of its lead: what a copy at the old cut (0.33) took
    index = StoryIndex()
    first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
    report = index.assign(features(QUOTES_OPENING, "report", "2024-05-01", 2))
    assert report.copy_of is None
    assert report.story_id == first.story_id


def test_the_pair_score_can_be_replaced() -> None:
    # eval/stories/semantic.py tries other scores this way; one that calls every pair alike merges them.
    # A match report that names the ministry and the region in passing: a candidate, not the story.
    passing = UNRELATED + " وحضر المباراة وكيل وزارة الزراعة وعدد من مزارعي القصيم."
    for score, joins in ((None, False), (lambda a, b: 1.0, True)):
        index = StoryIndex() if score is None else StoryIndex(score=score)
        first = index.assign(features(AGENCY, "agency", "2024-05-01", 1))
        other = index.assign(features(passing, "match", "2024-05-01", 2, title=SPORT_TITLE))
        assert (other.story_id == first.story_id) is joins
