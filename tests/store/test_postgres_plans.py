"""PostgreSQL search plans: whichever plan a search takes (walk, sorted GIN matches, newest slice and
its fallback), the page, its order and the count are those of the matches sorted by date."""

from __future__ import annotations

import pytest

from marsad.store import open_store

from .factories import make_analysis

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed; install the dev extra to run the PostgreSQL tests")

from marsad.store import postgres  # noqa: E402  (needs psycopg)

ARTICLES = 240


def date_of(number: int) -> str:
    # Several articles a day, out of date order in ingest order, so that sort keys interleave.
    day = (number * 7) % 60
    return f"2015-{7 + day // 30:02d}-{day % 30 + 1:02d}"


def words_of(number: int) -> str:
    # "تقرير" in every article, "مشروع" in every other, "نادر" in one in forty.
    words = ["تقرير", "اليوم"]
    if number % 2 == 0:
        words.append("مشروع")
    if number % 40 == 0:
        words.append("نادر")
    return " ".join(words) + f" رقم {number}."


@pytest.fixture(scope="module")
def filled(postgres_cluster):
    url = postgres_cluster.store_url()
    with open_store(url) as store:
        for number in range(ARTICLES):
            store.add(make_analysis(words_of(number), f"n{number}", date=date_of(number), source="okaz" if number % 3 else "sabq"))
        store.conn.execute("ANALYZE articles_fts")  # the histogram the slice reads
    return url


def expected(word: str, *, source: str | None = None, date_from: str | None = None, date_to: str | None = None) -> list[str]:
    """Ids of the matching articles, newest first, ties in ingest order."""
    numbers = [n for n in range(ARTICLES) if word in words_of(n)]
    if source:
        numbers = [n for n in numbers if (source == "okaz") == bool(n % 3)]
    if date_from:
        numbers = [n for n in numbers if date_of(n) >= date_from]
    if date_to:
        numbers = [n for n in numbers if date_of(n) <= date_to]
    return [f"n{n}" for n in sorted(numbers, key=lambda n: (date_of(n), n), reverse=True)]


PLANS = {
    "walk": {"WALK_ROWS": 10**9, "WALK_TEST_COST": 0},
    # The walk's bound is too short for its window: the GIN index's matches below it complete the page.
    "short walk": {"WALK_ROWS": 10**9, "WALK_TEST_COST": 0, "WALK_MARGIN": 0.3},
    "sorted matches": {"WALK_ROWS": 0, "SLICE_MARGIN": 10**9},
    "newest slice": {"WALK_ROWS": 0, "SLICE_MARGIN": 1},
    "too thin a slice": {"WALK_ROWS": 0, "SLICE_MARGIN": 0.2},  # the slice holds less than a page: the rest is read
}
SEARCHES = [
    ("مشروع", {}),
    ("تقرير", {}),
    ("نادر", {}),
    ("مشروع", {"source": "sabq"}),
    ("تقرير", {"date_from": "2015-07-10", "date_to": "2015-08-10"}),
    ("تقرير", {"date_from": "2015-09-01"}),  # a range holding no article: a walk ends there, no GIN read after it
]


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize(("word", "facets"), SEARCHES)
def test_every_plan_pages_the_matches_newest_first(filled: str, plan: str, word: str, facets: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(postgres, name, value)
    everything = expected(word, **facets)
    with open_store(filled, create=False) as store:
        # Pages of 5 from the start, the middle and past the slice (the fallback branch), and a page past the end.
        for offset in (0, 5, len(everything) // 2, max(0, len(everything) - 3), len(everything) + 5):
            page = store.search(word, 5, offset=offset, **facets)
            assert [hit.id for hit in page.hits] == everything[offset : offset + 5], (plan, offset)
            assert (page.total, page.total_estimated) == (len(everything), False)


@pytest.mark.parametrize("margin", [1, 0.2])
def test_the_slices_above_are_taken(filled: str, monkeypatch: pytest.MonkeyPatch, margin: float) -> None:
    monkeypatch.setattr(postgres, "SLICE_MARGIN", margin)
    with open_store(filled, create=False) as store:
        match = postgres.query.Match(postgres.search.parse_query("مشروع"), [], 0, postgres.query.MAX_SORT_KEY)
        sql, params, _, _ = store._top_statement(match, sort="date", offset=0, limit=5)
        floor = params[1]
        assert "UNION ALL" in sql
        in_slice = [n for n in range(ARTICLES) if "مشروع" in words_of(n) and postgres.query.sort_key(date_of(n), n + 1) >= floor]
        assert (len(in_slice) >= 5) == (margin == 1)  # the thin slice needs the rest of the range


def test_plan_settings_are_reset_after_a_search(filled: str) -> None:
    with open_store(filled, create=False) as store:
        store.search("مشروع", 5)
        settings = store.conn.execute("SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS idx").fetchone()
    assert settings == {"seq": "on", "idx": "on"}


def test_a_failed_batch_leaves_no_plan_settings(filled: str) -> None:
    with open_store(filled, create=False) as store:
        with pytest.raises(psycopg.errors.DivisionByZero):
            store._batch([*postgres._settings(walk=True), ("SELECT 1 / 0", ())])
        assert store.conn.execute("SELECT current_setting('enable_bitmapscan') AS value").fetchone() == {"value": "on"}
        assert store.search("نادر", 50).total == ARTICLES // 40  # the connection still searches


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize(("word", "facets"), SEARCHES)
def test_every_plan_ranks_the_newest_window(filled: str, plan: str, word: str, facets: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(postgres, name, value)
    monkeypatch.setattr(postgres.query, "RANK_WINDOW", 10)
    with open_store(filled, create=False) as store:
        hits = store.search(word, 50, sort="relevance", **facets).hits
    assert {hit.id for hit in hits} == set(expected(word, **facets)[:10])


def planned(*, matches: int, most: int, table: int = 1_000_000) -> tuple[postgres.PostgresStore, postgres.query.Match]:
    """A store (no connection) whose estimates for one word are given: `table` rows, an even histogram."""
    store = postgres.PostgresStore.__new__(postgres.PostgresStore)
    match = postgres.query.Match(postgres.search.parse_query("مشروع"), [], 0, postgres.query.MAX_SORT_KEY)
    bounds = [postgres.query.sort_key("2015-07-01", 1) + step * 1000 for step in range(1001)]
    estimates = postgres.pg_estimates.Estimates(matches=matches, in_range=table, table=table, bounds=bounds, most=most)
    store.__dict__["_plans"] = {(postgres.tsquery(match, ranked=False), match.low, match.high): estimates}
    return store, match


def test_a_rare_word_sorts_its_matches_rather_than_slicing() -> None:
    # 500 matches in a million rows: the slice would read 160,000 sort keys to sort 80 matches.
    store, match = planned(matches=500, most=500)
    assert store._slice_floor(match, 20) is None
    store, match = planned(matches=30_000, most=30_000)
    assert store._slice_floor(match, 20) is not None


def test_a_walk_is_chosen_by_the_rarest_word_and_bounded_by_the_product() -> None:
    # Words that may come together: the rarest alone in 6%, their product of shares 0.03%.
    store, match = planned(matches=290, most=64_000)
    assert store._walk_newest(match, 20)  # a page: the walk expects the rarest word's 64,000
    assert store._walk_bound(match, 20) == postgres.WALK_ROWS  # and may go as far as the product needs
    assert not store._walk_newest(match, 500)  # relevance's window: the product, as before
