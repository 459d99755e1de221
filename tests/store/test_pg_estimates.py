"""PostgreSQL search estimates from kept statistics: the planner's figures without asking the planner."""

from __future__ import annotations

import pytest

from marsad.store import open_store, pg_estimates, query, search

from .factories import make_analysis

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed; install the dev extra to run the PostgreSQL tests")

from marsad.store import postgres  # noqa: E402  (needs psycopg)

ARTICLES = 300


def text_of(number: int) -> str:
    # "تقرير" everywhere, "مشروع" in every other article, "قرار" in every third; the two come together
    # in one in six, so the planner's independent product is right here.
    words = ["تقرير"]
    if number % 2 == 0:
        words.append("مشروع")
    if number % 3 == 0:
        words.append("قرار")
    return " ".join(words) + f" رقم {number}."


def match_of(text: str, **facets: str) -> query.Match:
    chosen = query.Facets(**facets)
    return query.Match(search.parse_query(text), chosen.token_groups(), *chosen.key_range())


@pytest.fixture(scope="module")
def analyzed(postgres_cluster):
    url = postgres_cluster.store_url()
    with open_store(url) as store:
        for number in range(ARTICLES):
            day = number % 60
            store.add(make_analysis(text_of(number), f"n{number}", date=f"2015-{7 + day // 30:02d}-{day % 30 + 1:02d}", source="okaz" if number % 4 else "sabq"))
        store.conn.execute("ANALYZE articles_fts")
    pg_estimates.forget()
    return url


def planner(store: postgres.PostgresStore, match: query.Match, monkeypatch: pytest.MonkeyPatch) -> pg_estimates.Estimates:
    with monkeypatch.context() as patched:
        patched.setattr(pg_estimates, "index_stats", lambda *args: None)
        return estimates(store, match)


def estimates(store: postgres.PostgresStore, match: query.Match) -> pg_estimates.Estimates:
    store.__dict__.pop("_plans", None)
    store._estimates(match)
    return store.__dict__["_plans"][(postgres.tsquery(match, ranked=False), match.low, match.high)]


@pytest.mark.parametrize(
    ("text", "facets"),
    [
        ("مشروع", {}),
        ("تقرير", {}),
        ("مشروع قرار", {}),
        ("غائبة", {}),  # in no article: the planner's share for a lexeme it has no statistics of
        ("مشروع", {"source": "sabq"}),
        ("تقرير", {"date_from": "2015-07-10", "date_to": "2015-08-05"}),
        ("قرار", {"date_from": "2015-08"}),
    ],
)
def test_kept_statistics_give_the_planners_estimates(analyzed: str, monkeypatch: pytest.MonkeyPatch, text: str, facets: dict[str, str]) -> None:
    match = match_of(text, **facets)
    with open_store(analyzed, create=False) as store:
        ours, theirs = estimates(store, match), planner(store, match, monkeypatch)
    assert (ours.table, ours.bounds) == (theirs.table, theirs.bounds)
    # The planner rounds each clause's rows on its way; ours may differ by a row or two.
    for name in ("matches", "in_range", "most"):
        assert abs(getattr(ours, name) - getattr(theirs, name)) <= max(2, getattr(theirs, name) // 100), name


def test_statistics_are_read_once_then_kept(analyzed: str) -> None:
    pg_estimates.forget()
    with open_store(analyzed, create=False) as store:
        batches = []
        original = store._batch
        store._batch = lambda statements: batches.append(statements) or original(statements)  # type: ignore[method-assign]
        store.search("مشروع", 5)
        store.search("قرار", 5, source="okaz")
        reads = [statements for statements in batches if statements == pg_estimates.STATEMENTS]
        explains = [statements for statements in batches if any(sql.startswith("EXPLAIN") for sql, _ in statements)]
    assert (len(reads), explains) == (1, [])


def test_a_store_never_analyzed_asks_the_planner(postgres_cluster) -> None:
    url = postgres_cluster.store_url()
    with open_store(url) as store:
        for number in range(12):
            store.add(make_analysis(text_of(number), f"u{number}", date="2015-07-01"))
        assert pg_estimates.index_stats(store.path, store._batch) is None
        page = store.search("مشروع", 3)
    assert (len(page.hits), page.total) == (3, 6)


def test_range_share_reads_the_histogram_linearly() -> None:
    stats = pg_estimates.IndexStats(table=400, bounds=[0, 100, 200, 300, 400], shares={"word": 0.25}, unlisted=0.001)
    assert stats.range_share(0, 400) == 1.0
    assert stats.range_share(100, 200) == pytest.approx(0.25)
    assert stats.range_share(150, 350) == pytest.approx(0.5)
    assert stats.range_share(500, 600) == 0.0
    assert stats.group_share(["word", "other"]) == pytest.approx(0.25 + 0.001 - 0.25 * 0.001)
    assert stats.lexeme_share("WORD") == 0.25  # the 'simple' configuration lowercases
