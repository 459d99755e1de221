"""The SQLite store: idempotent adds, atomic writes, per-layer tables, speaker and event queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.store import Store, StoreError

from .factories import GENEVA, geneva_analysis, make_analysis, quote


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
    assert store.search("لافروف") == []


def test_rejects_non_analysis(store: Store) -> None:
    with pytest.raises(StoreError):
        store.add({"id": "x"})


def test_layers_are_queryable_with_sql(store: Store) -> None:
    store.add(geneva_analysis())
    rows = store.conn.execute("SELECT speaker_name, speaker_key, direct FROM quotes ORDER BY start").fetchall()
    assert [tuple(row) for row in rows] == [("سيرغي لافروف", "سيرغي لافروف", 0), (None, None, 0)]
    place = store.conn.execute("SELECT name, text, key FROM places").fetchone()
    assert tuple(place) == ("Geneva", "جنيف", "جنيف")
    event = store.conn.execute("SELECT type, trigger_text, place_name, source_actor FROM events").fetchone()
    assert tuple(event) == ("negotiate", "المحادثات", "Geneva", "سيرغي لافروف")


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


def test_open_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="marsad ingest"):
        Store(tmp_path / "none.db", create=False)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Marsad database"):
        Store(path)


def test_reopen_keeps_data(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db") as store:
        store.add(geneva_analysis())
    with Store(tmp_path / "x.db", create=False) as store:
        assert store.get("geneva")["text"] == GENEVA
        assert isinstance(store.conn, sqlite3.Connection)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this Marsad supports"):
        Store(path)
