"""The SQLite backend: what only a file can get wrong (missing, not SQLite, from a newer Marsad)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.store import SQLiteStore, StoreError, open_store

from .factories import GENEVA, geneva_analysis


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Marsad database"):
        open_store(path)


def test_path_opens_sqlite_file(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.add(geneva_analysis())
    with open_store(tmp_path / "x.db", create=False) as store:
        assert isinstance(store, SQLiteStore) and isinstance(store.conn, sqlite3.Connection)
        assert store.get("geneva")["text"] == GENEVA


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this Marsad supports"):
        open_store(path)


def test_memory_database() -> None:
    with open_store(":memory:", create=False) as store:
        assert store.add(geneva_analysis()) is True
        assert [hit.id for hit in store.search("جنيف").hits] == ["geneva"]
