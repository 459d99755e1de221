"""Search inside the index: facets, paging, totals (exact and estimated), date order, and relevance as a full ranking would give it."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.store import Store, is_postgres_url, open_store
from marsad.store import query as search_query
from marsad.store.base import SCHEMA_VERSION
from marsad.store.search import parse_query

from .factories import make_analysis, quote, span_of

# (id, date, source, topic, speaker, place as written, its English name); every text says "اجتماع".
ARTICLES = [
    ("a", "2015-07-01", "riyadh", "politics", "سيرغي لافروف", "بجنيف", "Geneva"),
    ("b", "2015-07-15", "okaz", "politics", "جون كيري", "القاهرة", "Cairo"),
    ("c", "2015-07-31", "riyadh", "economy", None, "بالرياض", "Riyadh"),
    ("d", "2015-08-01", "okaz", "sports", "سيرجي لافروف", None, None),
    ("e", None, "riyadh", "politics", None, "جنيف", "Geneva"),
    ("f", "2015-08-20", "sabq", "economy", "جون كيري", "الرياض", "Riyadh"),
]


def article(article_id: str, date: str | None, source: str, topic: str, speaker: str | None, place: str | None, name: str | None) -> dict[str, Any]:
    said = "إن الوضع يتحسن"
    text = f"عقد اجتماع مهم {place or 'هنا'} وقال المتحدث {said} في المقال {article_id}."
    analysis = make_analysis(text, article_id, title=f"اجتماع {article_id}", date=date, source=source)
    analysis["topic"] = {"label": topic, "scores": {topic: 1.0}}
    if speaker:
        analysis["quotes"] = [quote(text, said, speaker)]
    if place:
        start, end = span_of(text, place)
        analysis["places"] = [{"start": start, "end": end, "text": place, "name": name, "country_code": None, "lat": None, "lon": None,
                               "geonames_id": None, "kind": "city", "confidence": 1.0}]
    return analysis


@pytest.fixture
def filled(store: Store) -> Store:
    for row in ARTICLES:
        store.add(article(*row))
    return store


def ids(store: Store, text: str = "اجتماع", **options: Any) -> list[str]:
    return [hit.id for hit in store.search(text, 50, **options).hits]


@pytest.mark.parametrize(
    ("facets", "expected"),
    [
        ({"source": "riyadh"}, {"a", "c", "e"}),
        ({"topic": "economy"}, {"c", "f"}),
        ({"speaker": "لافروف"}, {"a", "d"}),  # سيرغي and سيرجي both have the surname
        ({"speaker": "سيرغي لافروف"}, {"a"}),
        ({"speaker": "كيرى"}, {"b", "f"}),  # alef maksura folded
        ({"place": "جنيف"}, {"a", "e"}),  # بجنيف is the same place without its proclitic
        ({"place": "geneva"}, {"a", "e"}),  # the English name, any case
        ({"place": "الرياض", "source": "sabq"}, {"f"}),
        ({"date_from": "2015-07-15", "date_to": "2015-07-31"}, {"b", "c"}),
        ({"date_from": "2015-08"}, {"d", "f"}),
        ({"date_to": "2015-07"}, {"a", "b", "c"}),  # a month as the end means all of it; undated "e" is outside
        ({"date_from": "2015", "date_to": "2015"}, {"a", "b", "c", "d", "f"}),
        ({"source": "nowhere"}, set()),
        ({"speaker": "ماكرون"}, set()),
    ],
)
def test_facets_narrow_the_match(filled: Store, facets: dict[str, str], expected: set[str]) -> None:
    results = filled.search("اجتماع", 50, **facets)
    assert {hit.id for hit in results.hits} == expected
    assert results.total == len(expected) and not results.total_estimated


def test_facets_combine_with_words(filled: Store) -> None:
    assert ids(filled, "المقال c", source="riyadh") == ["c"]
    assert ids(filled, "المقال c", source="okaz") == []


def test_date_sort_is_newest_first_and_undated_last(filled: Store) -> None:
    assert ids(filled, sort="date") == ["f", "d", "c", "b", "a", "e"]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_partition_the_hits(filled: Store, sort: str) -> None:
    everything = ids(filled, sort=sort)
    pages = [hit.id for offset in range(0, 6, 4) for hit in filled.search("اجتماع", 4, offset=offset, sort=sort).hits]
    assert pages == everything and len(everything) == 6
    page = filled.search("اجتماع", 4, offset=4, sort=sort)
    assert (page.total, page.offset, page.limit, len(page.hits)) == (6, 4, 4, 2)


def test_totals_above_the_count_limit_are_estimated(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_query, "COUNT_LIMIT", 3)
    results = filled.search("اجتماع", 2)
    assert results.total_estimated and results.total >= 3
    assert len(results.hits) == 2
    exact = filled.search("اجتماع", 2, source="okaz")
    assert (exact.total, exact.total_estimated) == (2, False)


def test_relevance_beyond_the_window_is_flagged_and_ranks_the_newest(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_query, "RANK_WINDOW", 2)
    results = filled.search("اجتماع", 50, sort="relevance")
    assert results.ranked_window
    assert {hit.id for hit in results.hits} == {"f", "d"}
    assert not filled.search("اجتماع", 50, source="sabq", sort="relevance").ranked_window
    assert not filled.search("اجتماع", 50).ranked_window  # date order ranks nothing


def test_a_backends_lower_window_limit_bounds_relevance(filled: Store) -> None:
    filled.rank_window_limit = 2
    results = filled.search("اجتماع", 50, sort="relevance")
    assert results.ranked_window
    assert {hit.id for hit in results.hits} == {"f", "d"}
    assert search_query.rank_window(filled) == 2


def test_postgresql_ranks_a_smaller_window_than_sqlite() -> None:
    pytest.importorskip("psycopg")
    from marsad.store.postgres import PostgresStore
    from marsad.store.sqlite import SQLiteStore

    assert PostgresStore.rank_window_limit < search_query.RANK_WINDOW <= SQLiteStore.rank_window_limit


@pytest.mark.parametrize("options", [{"date_from": "July"}, {"date_to": "2015-7-1"}, {"sort": "newest"}])
def test_bad_options_are_value_errors(filled: Store, options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="must be"):
        filled.search("اجتماع", **options)


def test_sort_keys_order_by_date_then_ingest() -> None:
    keys = [search_query.sort_key(date, pk) for date, pk in [(None, 1), ("2015-07-01", 3), ("2015-07-01T10:00", 4), ("2016-01-01", 2)]]
    assert keys == sorted(keys)
    assert search_query.pk_of(keys[1]) == 3
    assert search_query.sort_key("yesterday", 5) == 5


# Relevance as before: the newest-window ranking must give exactly the hits of a bm25 ranking of all
# matches (the query shape search used before facets) while a query matches fewer than the window.
FULL_RANKING = (
    "SELECT a.id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid % 10000000000"
    " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0, 0.5, 0.0), a.pk LIMIT ?"
)
QUERIES = ["اجتماع", "المتحدث", "جنيف", "بالقاهرة", "الوضع يتحسن", "المقال b", "يتحسن", "اجتماع مهم"]


@pytest.mark.parametrize("text", QUERIES)
def test_relevance_hits_are_those_of_a_full_ranking(store_target: str, text: str) -> None:
    if is_postgres_url(store_target):
        pytest.skip("the reference ranking is FTS5's bm25")
    from marsad.store.sqlite import fts_expression

    with open_store(store_target) as store:
        for row in ARTICLES:
            store.add(article(*row))
        for number in range(20):  # longer texts, so that bm25 ranks by term frequency and length
            store.add(make_analysis("اجتماع " * (number % 5 + 1) + f"نص رقم {number} عن جنيف والقاهرة", f"n{number}", date=f"2015-06-{number + 1:02d}"))
        match = search_query.Match(parse_query(text), [], 0, search_query.MAX_SORT_KEY)
        expected = [row[0] for row in store.conn.execute(FULL_RANKING, (fts_expression(match), 10))]
        assert [hit.id for hit in store.search(text, 10, sort="relevance").hits] == expected
        assert expected


def test_a_version_1_store_is_reindexed_when_opened(tmp_path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        for row in ARTICLES:
            store.add(article(*row))
        # The version-1 index: three columns, rowid = pk.
        store.conn.executescript(
            "DROP TABLE articles_fts;"
            " CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, stems, tokenize = 'unicode61');"
            " PRAGMA user_version = 1;"
        )
    with open_store(path, create=False) as store:
        assert set(ids(store, speaker="لافروف")) == {"a", "d"}
        assert ids(store, sort="date")[0] == "f"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("text", QUERIES)
def test_date_order_finds_the_articles_relevance_finds(filled: Store, text: str) -> None:
    # Unranked queries match a word by its stem alone; the ranked expression must agree on the set.
    by_date = filled.search(text, 50)
    by_relevance = filled.search(text, 50, sort="relevance")
    assert {hit.id for hit in by_date.hits} == {hit.id for hit in by_relevance.hits}
    assert by_date.total == by_relevance.total == len(by_date.hits)


def test_extrapolation_scales_by_days() -> None:
    day = lambda number, pk=1: search_query.sort_key(f"{number // 10000}-{number // 100 % 100:02d}-{number % 100:02d}", pk)  # noqa: E731
    everything = search_query.Match([], [], 0, search_query.MAX_SORT_KEY)
    # 100 counted over the newest 2 of 10 days: about 500 in all.
    assert search_query.extrapolate(everything, counted=100, last_key=day(20150709), first_stored=day(20150701), last_stored=day(20150710)) == 500
    july_5_on = search_query.Match([], [], day(20150705, 0), search_query.MAX_SORT_KEY)
    assert search_query.extrapolate(july_5_on, counted=100, last_key=day(20150709), first_stored=day(20150701), last_stored=day(20150710)) == 300
    assert search_query.extrapolate(everything, counted=100, last_key=5, first_stored=day(20150701), last_stored=day(20150710)) == 100
