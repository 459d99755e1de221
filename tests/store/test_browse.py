"""The pages' read queries (store/browse.py) on both backends: people, places, events with true totals, counts per day."""

from __future__ import annotations

import pytest

from marsad.store import browse
from tests.store.factories import geneva_analysis, make_analysis, quote, span_of

BERN_TEXT = "قال سيرغي لافروف إن الاجتماع في برن انتهى. وزار لافروف جنيف بعد ذلك."


def bern_analysis() -> dict:
    analysis = make_analysis(BERN_TEXT, "bern", title="برن", date="2024-03-14", source="other")
    pers = span_of(BERN_TEXT, "سيرغي لافروف")
    analysis["entities"] = [{"start": pers[0], "end": pers[1], "text": "سيرغي لافروف", "label": "PERS", "entity_id": "E1"}]
    analysis["quotes"] = [quote(BERN_TEXT, "الاجتماع في برن انتهى", "سيرغي لافروف", direct=False, entity_id="E1")]
    start, end = span_of(BERN_TEXT, "جنيف")
    analysis["places"] = [
        {"start": start, "end": end, "text": "جنيف", "name": "Geneva", "country_code": "CH", "lat": 46.2, "lon": 6.15, "geonames_id": 2660646, "kind": "city"},
    ]
    trigger = span_of(BERN_TEXT, "الاجتماع")
    analysis["events"] = [
        {"type": "MEET", "trigger": {"start": trigger[0], "end": trigger[1]}, "sentence": {"start": 0, "end": BERN_TEXT.index(".") + 1},
         "modality": "happened", "source": None, "target": None, "place": 0, "date": None},
    ]
    return analysis


@pytest.fixture
def filled(store):
    store.add(geneva_analysis())
    store.add(bern_analysis())
    return store


def test_speakers_by_quotes_with_true_totals(filled) -> None:
    page = browse.speakers(filled, limit=1)
    assert page.total == 1 and [(s.name, s.count, s.articles) for s in page.items] == [("سيرغي لافروف", 2, 2)]
    assert browse.speakers(filled, browse.Filters(source="other")).items[0].count == 1
    assert browse.speakers(filled, browse.Filters(date_to="2024-03-13")).items[0].count == 1
    assert browse.speakers(filled, name="بوتين").total == 0


def test_speaker_quotes_filter_and_page(filled) -> None:
    key = browse.speakers(filled).items[0].key
    assert browse.speaker_quotes(filled, key).total == 2
    found = browse.speaker_quotes(filled, key, text="برن")
    assert found.total == 1 and found.items[0]["article_id"] == "bern"
    assert browse.speaker_quotes(filled, key, direct=True).total == 0
    assert [row["article_id"] for row in browse.speaker_quotes(filled, key, offset=1, limit=1).items] == ["bern"]


def test_one_row_per_place_however_often_named(filled) -> None:
    page = browse.places(filled)
    assert [(row["ref"], row["text"], row["n"], row["m"]) for row in page.items] == [("2660646", "جنيف", 2, 2)]
    assert browse.place(filled, "2660646")["name"] == "Geneva"
    assert browse.place_days(filled, "2660646") == [("2024-03-12", 1), ("2024-03-14", 1)]


def test_events_filtered_with_totals_and_points(filled) -> None:
    assert browse.events(filled).total == 2
    meet = browse.events(filled, browse.EventFilters(type="MEET"))
    assert meet.total == 1 and meet.items[0]["sentence"].startswith("قال سيرغي لافروف")
    assert browse.events(filled, browse.EventFilters(place="2660646")).total == 2  # by place ref, through the places' keys
    assert browse.events(filled, browse.EventFilters(place="جنيف", modality="happened", date_from="2024-03-13")).total == 1
    points = browse.event_points(filled)
    assert len(points) == 1 and points[0]["n"] == 2 and points[0]["types"] == {"negotiate": 1, "MEET": 1}


def test_timeline_fills_every_day_between_first_and_last() -> None:
    found = browse.timeline({"a": [("2024-03-12", 2), ("2024-03-14", 1)], "b": [("2024-03-13", 5), ("not a day", 9)]})
    assert found == {"days": ["2024-03-12", "2024-03-13", "2024-03-14"], "series": {"a": [2, 0, 1], "b": [0, 5, 0]}}
    assert browse.timeline({"a": []}) == {"days": [], "series": {"a": []}}


def test_people_are_keyed_by_identity(tmp_path) -> None:
    from marsad.identities.keys import identity_key
    from marsad.store import open_store

    with open_store(tmp_path / "ids.db") as store:
        store.add(geneva_analysis())
        store.add(bern_analysis())
        assert browse.person_key(store, "quotes") == "identity_key"
        lavrov = identity_key("سيرغي لافروف")  # spellings folded: سيرغي/سيرجي one key
        assert [(s.key, s.name, s.count) for s in browse.speakers(store).items] == [(lavrov, "سيرغي لافروف", 2)]
        assert browse.resolve_speaker(store, browse.search.name_key("سيرغي لافروف")) == lavrov  # the article page links by name
