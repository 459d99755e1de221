"""Stories kept in the store, on SQLite and PostgreSQL: placing as articles are stored, reading stories back."""

from __future__ import annotations

import pytest

from marsad.store import open_store
from marsad.stories import StoryAssigner
from marsad.stories.output import story_to_dict

from tests.store.factories import quote, span_of

from .texts import AGENCY, INDEPENDENT, TRIMMED, UNRELATED, analysis


def agency_with_layers() -> dict:
    record = analysis(AGENCY, "agency", "2024-05-01", source="wire")
    record["quotes"] = [quote(AGENCY, "البرنامج يهدف إلى دعم المزارعين", "وكيل الوزارة", direct=False)]
    start, end = span_of(AGENCY, "منطقة القصيم")
    record["places"] = [
        {"start": start, "end": end, "text": "منطقة القصيم", "name": "Al-Qassim Region", "country_code": "SA", "lat": 26.2, "lon": 43.5,
         "geonames_id": None, "kind": "region", "confidence": 1.0}
    ]
    return record


ARTICLES = [
    agency_with_layers(),
    analysis(TRIMMED, "paper", "2024-05-01", source="daily"),
    analysis(INDEPENDENT, "report", "2024-05-02", title="مليون نخلة للقصيم", source="weekly"),
    analysis(UNRELATED, "match", "2024-05-03", title="النصر يفوز على الاتحاد", source="daily"),
]


def fill(store) -> None:
    with StoryAssigner(store) as assigner:
        for record in ARTICLES:
            assert store.add(record)
            list(assigner.place_unplaced(article_id=record["id"]))


def test_stories_and_copies_are_stored(store) -> None:
    fill(store)
    found, total = store.stories()
    assert total == 2 and [story.id for story in found] == ["match", "agency"]  # latest first
    story = store.story("agency")
    assert story_to_dict(story) == {
        "id": "agency",
        "title": ARTICLES[0]["meta"]["title"],
        "start": "2024-05-01",
        "end": "2024-05-02",
        "articles": [
            {"id": "agency", "source": "wire", "date": "2024-05-01", "copy_of": None},
            {"id": "paper", "source": "daily", "date": "2024-05-01", "copy_of": "agency"},
            {"id": "report", "source": "weekly", "date": "2024-05-02", "copy_of": None},
        ],
        "speakers": ["وكيل الوزارة"],
        "places": ["منطقة القصيم"],
    }


def test_get_says_the_story_and_copy_of(store) -> None:
    fill(store)
    assert store.get("paper")["story"] == {"id": "agency", "copy_of": "agency"}
    assert store.get("match")["story"] == {"id": "match", "copy_of": None}


def test_date_range_and_paging(store) -> None:
    fill(store)
    assert [s.id for s in store.stories(date_from="2024-05-03")[0]] == ["match"]
    assert [s.id for s in store.stories(date_to="2024-05-01")[0]] == ["agency"]
    assert store.stories(date_from="2024-05-02", date_to="2024-05-02")[1] == 1
    page, total = store.stories(offset=1, limit=1)
    assert total == 2 and [s.id for s in page] == ["agency"]
    assert store.stories(offset=5, limit=10) == ([], 2)


def test_a_new_assigner_reads_its_window_back_from_the_store(store_target: str) -> None:
    with open_store(store_target) as store:
        fill(store)
    with open_store(store_target) as store, StoryAssigner(store) as assigner:
        store.add(analysis(TRIMMED + " وأكد المسؤول ذلك.", "late-copy", "2024-05-02", source="evening"))
        [placed] = list(assigner.place_unplaced())
        assert placed.story_id == "agency" and placed.copy_of == "agency"
        assert len(assigner.index) == 5  # the four stored articles read back, and the new one


def test_articles_of_a_store_without_stories_are_placed_later(store) -> None:
    for record in ARTICLES:
        store.add(record)
    assert store.get("paper").get("story") is None
    with StoryAssigner(store) as assigner:
        assert len(list(assigner.place_unplaced())) == 4
        assert list(assigner.place_unplaced()) == []
    assert store.stories()[1] == 2


def test_a_store_made_before_the_story_tables_gets_them(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    with open_store(path) as store:
        store.add(ARTICLES[0])
        store.conn.executescript("DROP TABLE story_articles; DROP TABLE stories;")
    with open_store(path) as store:
        assert store.stories() == ([], 0) and store.story("agency") is None
        assert store.get("agency").get("story") is None
        with StoryAssigner(store) as assigner:
            list(assigner.place_unplaced())
        assert store.get("agency")["story"] == {"id": "agency", "copy_of": None}


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_batched_writes_give_the_same_stories(tmp_path, batch: int) -> None:
    with open_store(str(tmp_path / f"b{batch}.db")) as store:
        with StoryAssigner(store, batch=batch) as assigner:
            for record in ARTICLES:
                store.add(record)
                list(assigner.place_unplaced(article_id=record["id"]))
        assert {s.id: [a.id for a in s.articles] for s in store.stories()[0]} == {"agency": ["agency", "paper", "report"], "match": ["match"]}
