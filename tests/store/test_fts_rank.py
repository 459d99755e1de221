"""Relevance on SQLite when a query word is common: bm25 of the selective words only, title first for common words alone, at a bounded cost."""

from __future__ import annotations

import pytest

from marsad.store import Store, open_store
from marsad.store import fts_rank
from marsad.store import query as search_query
from marsad.store.search import parse_query

from .factories import make_analysis

# Every article says "الطقس" (common once DF_LIMIT is below 12); "عاصفة" is in five of them, a
# different number of times; "الطقس" is in three titles.
COMMON, SELECTIVE = "الطقس", "عاصفة"


def weather(number: int) -> dict:
    storms = {1: 3, 4: 1, 6: 2, 9: 4, 11: 1}.get(number, 0)
    text = f"تقرير {COMMON} رقم {number} يصف الجو في المدينة. " + f"{SELECTIVE} قوية هبت. " * storms + "انتهى التقرير."
    title = f"{COMMON} اليوم {number}" if number in (2, 6, 10) else f"نشرة {number}"
    return make_analysis(text, f"w{number}", title=title, date=f"2016-03-{number + 1:02d}", source="sabq" if number % 2 else "okaz")


@pytest.fixture
def weather_store(tmp_path) -> Store:
    with open_store(tmp_path / "weather.db") as store:
        for number in range(12):
            store.add(weather(number))
        yield store


@pytest.fixture
def common(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fts_rank, "DF_LIMIT", 6)


def ids(store: Store, text: str, limit: int = 50, **options) -> list[str]:
    return [hit.id for hit in store.search(text, limit, sort="relevance", **options).hits]


def bm25_order(store: Store, text: str, among: set[str]) -> list[str]:
    """The articles of `among` in the order a bm25 ranking of `text` alone gives them (ties by pk)."""
    match = search_query.Match(parse_query(text), [], 0, search_query.MAX_SORT_KEY)
    sql = (
        "SELECT a.id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid % 10000000000"
        " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0, 0.5, 0.0), a.pk"
    )
    return [row[0] for row in store.conn.execute(sql, (fts_rank.fts_expression(match),)) if row[0] in among]


def test_selectivity_follows_the_document_frequency_limit(weather_store: Store, common: None) -> None:
    assert not fts_rank.is_selective(weather_store, parse_query(COMMON)[0])
    assert fts_rank.is_selective(weather_store, parse_query(SELECTIVE)[0])


def test_a_common_word_narrows_and_the_selective_one_ranks(weather_store: Store, common: None) -> None:
    found = ids(weather_store, f"{COMMON} {SELECTIVE}")
    assert found == bm25_order(weather_store, SELECTIVE, set(found))
    assert set(found) == {"w1", "w4", "w6", "w9", "w11"}
    assert found[0] == "w9"  # four storms


def test_common_words_alone_rank_titles_first_then_the_newest(weather_store: Store, common: None) -> None:
    assert ids(weather_store, COMMON) == ["w10", "w6", "w2", "w11", "w9", "w8", "w7", "w5", "w4", "w3", "w1", "w0"]


def test_without_common_words_the_ranking_is_bm25_of_the_whole_query(weather_store: Store) -> None:
    found = ids(weather_store, f"{COMMON} {SELECTIVE}")
    assert found == bm25_order(weather_store, f"{COMMON} {SELECTIVE}", set(found))


@pytest.mark.parametrize("text", [COMMON, f"{COMMON} {SELECTIVE}"])
def test_facets_and_pages_with_common_words(weather_store: Store, common: None, text: str) -> None:
    everything = ids(weather_store, text)
    assert ids(weather_store, text, source="sabq") == [found for found in everything if int(found[1:]) % 2]
    pages = [hit.id for offset in range(0, 12, 5) for hit in weather_store.search(text, 5, offset=offset, sort="relevance").hits]
    assert pages == everything
    results = weather_store.search(text, 2, sort="relevance")
    assert results.total == len(everything)


def test_common_words_rank_only_the_newest_window(weather_store: Store, common: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_query, "RANK_WINDOW", 3)
    assert set(ids(weather_store, f"{COMMON} {SELECTIVE}")) == {"w6", "w9", "w11"}
    results = weather_store.search(COMMON, 50, sort="relevance")
    assert [hit.id for hit in results.hits] == ["w10", "w11", "w9"]
    assert results.ranked_window


def test_bm25_never_reads_a_common_words_postings(weather_store: Store, common: None) -> None:
    scored: list[str] = []
    weather_store.conn.set_trace_callback(lambda sql: scored.append(sql) if "bm25" in sql else None)
    try:
        ids(weather_store, f"{COMMON} {SELECTIVE}", source="okaz")
        ids(weather_store, COMMON)
    finally:
        weather_store.conn.set_trace_callback(None)
    assert scored
    assert all(parse_query(COMMON)[0].stem not in sql for sql in scored)
