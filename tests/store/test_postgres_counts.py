"""PostgreSQL totals when the statistics cannot tell whether to count: words that may come together."""

from __future__ import annotations

import pytest

from marsad.store import open_store, pg_estimates

from .factories import make_analysis

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed; install the dev extra to run the PostgreSQL tests")

from marsad.store import postgres  # noqa: E402  (needs psycopg)

ARTICLES = 300
CAP = 30  # counted up to 30, and counted at all when the planner expects at most 90 (COUNT_ESTIMATE_ABOVE)


def words_of(number: int) -> list[str]:
    # "مشروع" and "جديد" always together, in every other article; "خطة" in the others and in one
    # in thirty of them: the planner's product of shares says 75 and 80 rows, the words alone 150 and 160.
    words = ["تقرير"]
    if number % 2 == 0:
        words += ["مشروع", "جديد"]
    if number % 2 == 1 or number % 30 == 0:
        words.append("خطة")
    return words


@pytest.fixture(scope="module")
def filled(postgres_cluster):
    url = postgres_cluster.store_url()
    with open_store(url) as store:
        for number in range(ARTICLES):
            store.add(make_analysis(" ".join(words_of(number)) + f" رقم {number}.", f"n{number}", date=f"2015-07-{number % 28 + 1:02d}"))
        store.conn.execute("ANALYZE articles_fts")
    pg_estimates.forget()
    return url


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres.PostgresStore, "count_limit", CAP)


def true_total(*words: str) -> int:
    return sum(all(word in words_of(number) for word in words) for number in range(ARTICLES))


def test_words_that_come_together_are_estimated_from_the_page_not_counted(filled: str, capped: None) -> None:
    with open_store(filled, create=False) as store:
        page = store.search("مشروع جديد", 5)
    assert page.total_estimated and len(page.hits) == 5
    # From the span of the newest five matches: near the 150 there are, not the planner's 75 (what
    # a count, stopped at 30, would leave).
    assert true_total("مشروع", "جديد") == 150 and 100 <= page.total <= 300


def test_words_that_seldom_come_together_are_counted(filled: str, capped: None) -> None:
    with open_store(filled, create=False) as store:
        page = store.search("مشروع خطة", 5)
        past_the_end = store.search("مشروع خطة", 5, offset=40)
        last = store.search("مشروع خطة", 5, offset=8)
    assert true_total("مشروع", "خطة") == 10
    assert (page.total, page.total_estimated, len(page.hits)) == (10, False, 5)
    assert (past_the_end.total, past_the_end.total_estimated, past_the_end.hits) == (10, False, [])
    assert (last.total, last.total_estimated, len(last.hits)) == (10, False, 2)


def test_a_word_alone_is_counted_as_before(filled: str, capped: None) -> None:
    with open_store(filled, create=False) as store:
        page = store.search("جديد", 5, date_from="2015-07-20")
    expected = sum("جديد" in words_of(n) and n % 28 + 1 >= 20 for n in range(ARTICLES))
    assert (page.total, page.total_estimated) == ((expected, False) if expected < CAP else (page.total, True))
