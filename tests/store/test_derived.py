"""A store written before identities existed is upgraded on first open: columns, tables and contents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad.identities import identity_key
from marsad.identities.resolve import speaker_keys
from marsad.store import listing, open_store
from tests.identities.factories import trump_articles

OLD_SCHEMA_DROPS = (
    "DROP INDEX quotes_identity",
    "DROP INDEX entities_identity",
    "DROP INDEX quotes_facets",
    "DROP TABLE identities",
    "DROP TABLE identity_names",
    "DROP TABLE article_topics",
    "DROP TABLE derived_version",
    "ALTER TABLE quotes DROP COLUMN identity_key",
    "ALTER TABLE entities DROP COLUMN identity_key",
)


def _old_store(path: Path) -> None:
    """A file as the schema-1 Marsad left it: no identity columns, no derived tables."""
    with open_store(path) as store:
        for analysis in trump_articles():
            store.add(analysis)
    conn = sqlite3.connect(path)
    for statement in OLD_SCHEMA_DROPS:
        conn.execute(statement)
    conn.commit()
    assert "identity_key" not in {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
    conn.close()


def test_old_file_is_upgraded_and_answers_like_a_new_one(tmp_path: Path) -> None:
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    _old_store(old)
    with open_store(new) as store:
        for analysis in trump_articles():
            store.add(analysis)
        expected = (listing.speakers(store).items, listing.quotes(store, listing.Filters(topic="economy")).total)
    with open_store(old, create=False) as store:
        assert speaker_keys(store, "ترمب") == (identity_key("دونالد ترامب"),)
        assert (listing.speakers(store).items, listing.quotes(store, listing.Filters(topic="economy")).total) == expected
        assert store.count() == 5


def test_upgraded_file_takes_new_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_store(path)
    (first, *_) = trump_articles()
    first["id"] = "again"
    first["text"] += " "
    with open_store(path) as store:
        assert store.add(first)
        assert listing.speaker(store, identity_key("دونالد ترامب")).quotes == 6


def test_a_file_that_cannot_be_upgraded_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    import pytest

    from marsad.store import StoreError, derived

    path = tmp_path / "old.db"
    _old_store(path)

    def read_only(store) -> None:  # as on a file this user may not write (tests may run as root)
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(derived, "ensure", read_only)
    with pytest.raises(StoreError, match="write access"):
        open_store(path, create=False)


def test_keys_made_by_older_rules_are_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "stale.db"
    with open_store(path) as store:
        for analysis in trump_articles():
            store.add(analysis)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE quotes SET identity_key = 'stale' WHERE identity_key IS NOT NULL")
    conn.execute("UPDATE identities SET key = key || '-old'")
    conn.execute("UPDATE derived_version SET version = 0")
    conn.commit()
    conn.close()
    with open_store(path, create=False) as store:
        assert store._scalar("SELECT count(*) AS value FROM quotes WHERE identity_key = 'stale'") == 0
        assert speaker_keys(store, "ترامب") == (identity_key("دونالد ترامب"),)
        assert listing.speaker(store, identity_key("دونالد ترامب")).quotes == 4


def test_an_up_to_date_store_is_only_read(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_store(path) as store:
        store.add(trump_articles()[0])
    before = path.stat().st_mtime_ns
    with open_store(path, create=False) as store:
        assert listing.quotes(store).total == 2
    assert path.stat().st_mtime_ns == before
