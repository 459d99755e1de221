"""The PostgreSQL backend: what only a server can get wrong, and the URL and query text it builds."""

from __future__ import annotations

import sys

import pytest

from marsad.store import StoreError, is_postgres_url, open_store
from marsad.store.search import Term
from marsad.store.query import Match

from .factories import geneva_analysis, make_analysis

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed; install the dev extra to run the PostgreSQL tests")

from marsad.store.postgres import PostgresStore, display_url, tsquery  # noqa: E402  (needs psycopg)


@pytest.mark.parametrize(
    ("target", "expected"),
    [("postgresql://h/db", True), ("postgres://h/db", True), ("POSTGRESQL://h/db", True), ("marsad.db", False), ("postgresql.db", False), (":memory:", False)],
)
def test_url_selects_postgres(target: str, expected: bool) -> None:
    assert is_postgres_url(target) is expected


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:s3cr%40t@db.example:5432/news", "postgresql://ana:***@db.example:5432/news"),
        ("postgresql://ana@db.example/news?password=s3cret&sslmode=require", "postgresql://ana@db.example/news?password=***&sslmode=require"),
        ("postgresql:///news?host=/tmp/sock", "postgresql:///news?host=/tmp/sock"),
    ],
)
def test_display_url_hides_password(url: str, shown: str) -> None:
    assert display_url(url) == shown


def test_tsquery_quotes_every_lexeme() -> None:
    match = Match([Term("الاميركي", "اميركي"), Term("o'k", "o'k")], [["fs01", "fs02"]], 0, 1)
    assert tsquery(match) == "('الاميركي':AB | 'اميركي':C) & ('o''k':AB | 'o''k':C)"
    assert tsquery(match, ranked=False) == "'اميركي' & 'o''k' & ('fs01' | 'fs02')"


def test_both_url_schemes_open_postgres(postgres_url: str) -> None:
    for url in (postgres_url, postgres_url.replace("postgresql://", "postgres://", 1)):
        with open_store(url) as store:
            assert isinstance(store, PostgresStore)
            assert store.count() == 0


def test_unreachable_server_is_a_clear_error_without_password(tmp_path) -> None:
    url = f"postgresql://ana:s3cret@/news?host={tmp_path}"
    with pytest.raises(StoreError, match="cannot connect to postgresql://ana:\\*\\*\\*@/news") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value)


def test_newer_schema_is_refused(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        store.conn.execute("UPDATE marsad_schema SET version = 99")
    with pytest.raises(StoreError, match="newer than this Marsad supports"):
        open_store(postgres_url)


def test_reader_does_not_create_tables(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="no database at"):
        open_store(postgres_url, create=False)
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT to_regclass('articles')").fetchone() == (None,)


def test_nul_character_is_refused_and_nothing_stored(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        with pytest.raises(StoreError, match="malformed.*nothing was stored"):
            store.add(make_analysis("نص فيه \x00 صفر", "nul"))
        assert store.counts()["articles"] == 0
        assert store.add(geneva_analysis()) is True  # the connection is usable after the failed transaction


def test_search_uses_the_gin_index(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        store.add(geneva_analysis())
        store.conn.execute("SET enable_seqscan = off")
        plan = " ".join(row["QUERY PLAN"] for row in store.conn.execute("EXPLAIN SELECT pk FROM articles_fts WHERE terms @@ to_tsquery('simple', 'x')"))
    assert "articles_fts_terms" in plan


def test_missing_driver_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    monkeypatch.delitem(sys.modules, "marsad.store.postgres")
    with pytest.raises(StoreError, match=r"pip install 'marsad\[postgres\]'"):
        open_store("postgresql://localhost/news")
