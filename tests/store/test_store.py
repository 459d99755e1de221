"""The store on every backend: idempotent adds, atomic writes, per-layer tables, speaker and event queries."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.store import Store, StoreError, open_store

from .factories import GENEVA, geneva_analysis, make_analysis, quote


def sql(store: Store, statement: str) -> list[tuple[Any, ...]]:
    """Rows of ad-hoc SQL on the store's own connection, as tuples whatever the driver's row type."""
    return [tuple(row.values()) if isinstance(row, dict) else tuple(row) for row in store.conn.execute(statement)]


def test_add_then_get_round_trips(store: Store) -> None:
    analysis = geneva_analysis()
    assert store.add(analysis) is True
    assert store.get("geneva") == analysis
    assert store.get("missing") is None


def test_same_text_is_a_duplicate_even_under_another_id(store: Store) -> None:
    assert store.add(geneva_analysis("one")) is True
    assert store.add(geneva_analysis("one")) is False
    assert store.add(geneva_analysis("two")) is False
    assert store.count() == 1


def test_id_taken_by_other_text_is_an_error(store: Store) -> None:
    store.add(make_analysis("نص أول", "same"))
    with pytest.raises(StoreError, match="already used"):
        store.add(make_analysis("نص آخر", "same"))


def test_missing_id_falls_back_to_sha1(store: Store) -> None:
    analysis = make_analysis("نص بلا معرف", None)
    store.add(analysis)
    (info,) = store.articles()
    assert len(info.id) == 40


def test_malformed_analysis_writes_nothing(store: Store) -> None:
    analysis = geneva_analysis()
    analysis["events"][0].pop("trigger")  # fails after the article, entities and quotes rows
    with pytest.raises(StoreError, match="nothing was stored"):
        store.add(analysis)
    assert store.counts() == {"articles": 0, "entities": 0, "quotes": 0, "places": 0, "events": 0}
    assert store.search("لافروف").hits == []


@pytest.mark.parametrize("where", ["text", "title"])
def test_unpaired_surrogate_is_refused_clearly(store: Store, where: str) -> None:
    analysis = make_analysis("نص \ud800 فيه نصف زوج", "surrogate", title="\udfff" if where == "title" else None)
    if where == "title":
        analysis["text"] = "نص سليم"
    with pytest.raises(StoreError, match="nothing was stored"):
        store.add(analysis)
    assert store.counts()["articles"] == 0


def test_rejects_non_analysis(store: Store) -> None:
    with pytest.raises(StoreError):
        store.add({"id": "x"})


def test_layers_are_queryable_with_sql(store: Store) -> None:
    store.add(geneva_analysis())
    assert sql(store, "SELECT speaker_name, speaker_key, direct FROM quotes ORDER BY start") == [("سيرغي لافروف", "سيرغي لافروف", 0), (None, None, 0)]
    assert sql(store, "SELECT name, text, key FROM places") == [("Geneva", "جنيف", "جنيف")]
    assert sql(store, "SELECT type, trigger_text, place_name, source_actor FROM events") == [("negotiate", "المحادثات", "Geneva", "سيرغي لافروف")]


@pytest.mark.parametrize(
    "query",
    ["لافروف", "سيرغي لافروف", "لافروف سيرغي", "سيرغى لافروف", "اللافروف", "لافْرُوف"],
)
def test_quotes_by_speaker_across_spelling_variants(store: Store, query: str) -> None:
    store.add(geneva_analysis())
    (record,) = store.quotes_by_speaker(query)
    assert record.speaker_name == "سيرغي لافروف"
    assert GENEVA[record.start : record.end] == record.text
    assert record.article_id == "geneva" and record.date == "2024-03-12"


def test_quotes_by_speaker_matches_hamza_and_article_variants(store: Store) -> None:
    text = "قال أحمد الأيوبي إن الوضع صعب. وقال إبراهيم إن الحل قريب."
    analysis = make_analysis(text, "h")
    analysis["quotes"] = [quote(text, "الوضع صعب", "أحمد الأيوبي", direct=False), quote(text, "الحل قريب", "إبراهيم", direct=False)]
    store.add(analysis)
    assert [q.text for q in store.quotes_by_speaker("احمد ايوبي")] == ["الوضع صعب"]
    assert [q.text for q in store.quotes_by_speaker("الايوبي")] == ["الوضع صعب"]
    assert [q.text for q in store.quotes_by_speaker("ابراهيم")] == ["الحل قريب"]
    assert store.quotes_by_speaker("لافروف") == []
    assert store.quotes_by_speaker("%") == []


def test_events_filter_by_type_and_place(store: Store) -> None:
    store.add(geneva_analysis())
    assert len(store.events()) == 1
    assert len(store.events(type="negotiate")) == 1
    assert store.events(type="attack") == []
    for place in ("Geneva", "geneva", "جنيف", "بجنيف"):
        assert len(store.events(place=place)) == 1, place
    assert store.events(place="Paris") == []
    (event,) = store.events()
    assert (event.lat, event.lon, event.date) == (46.2, 6.15, "2024-03-12")


def test_summary_groups_quotes_by_speaker(store: Store) -> None:
    store.add(geneva_analysis())
    store.add(make_analysis("خبر بلا اقتباسات", "plain", date="2024-01-01"))
    summary = store.summary()
    assert summary.counts["articles"] == 2 and summary.counts["quotes"] == 2
    assert [a.id for a in summary.articles] == ["plain", "geneva"]
    speakers = summary.articles[1].speakers
    assert [(s.name, len(s.quotes)) for s in speakers] == [("سيرغي لافروف", 1), (None, 1)]


def test_event_type_filter_ignores_case(store: Store) -> None:
    store.add(geneva_analysis())
    assert len(store.events(type="NEGOTIATE")) == 1


def test_articles_newest_first_and_paged(store: Store) -> None:
    for index, date in enumerate(["2024-01-01", None, "2024-03-01", "2024-02-01"]):
        store.add(make_analysis(f"نص رقم {index}", f"a{index}", date=date))
    assert [info.id for info in store.articles()] == ["a2", "a3", "a0", "a1"]
    assert [info.id for info in store.articles(limit=2, offset=1)] == ["a3", "a0"]
    assert [analysis["id"] for analysis in store.iter_analyses()] == ["a0", "a1", "a2", "a3"]


def test_stored_types_round_trip(store: Store) -> None:
    store.add(geneva_analysis())
    (record,) = store.quotes_by_speaker("لافروف")
    assert record.direct is False and isinstance(record.start, int)
    (event,) = store.events()
    assert isinstance(event.lat, float) and event.lat == 46.2


def test_open_missing_database_without_create(store_target: str) -> None:
    # SQLite: no file; PostgreSQL: a database without Marsad's tables.
    with pytest.raises(StoreError, match="marsad ingest"):
        open_store(store_target, create=False)


def test_reopen_keeps_data(store_target: str) -> None:
    with open_store(store_target) as store:
        store.add(geneva_analysis())
    with open_store(store_target, create=False) as store:
        assert store.get("geneva")["text"] == GENEVA
        assert store.add(geneva_analysis("again")) is False
