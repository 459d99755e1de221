"""The SQLite backend: one file holding each article's text, its analysis JSON, an FTS5 index, and
per-layer tables (entities, quotes, places, events) that later features can query."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import derived, fts_rank, query, rows
from .fts_rank import fts_expression
from .stories import story_schema
from .base import SCHEMA_VERSION, Messages, Store, StoreError

DEFAULT_PATH = "marsad.db"

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
"""
FTS_TABLE = "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, stems, facets, tokenize = 'unicode61')"
# The index's rowid is the article's sort key (`query.sort_key`), not its pk: FTS5 walks a match
# in rowid order, so "newest first" stops after one page, and a date range is a rowid range.
SCHEMA += f"{FTS_TABLE};\n"
# Our column types in SQLite: it has no boolean (0/1) and one integer type.
LAYER_TYPES = {"int": "INTEGER", "bigint": "INTEGER", "real": "REAL", "bool": "INTEGER", "text": "TEXT"}
SCHEMA += rows.layer_schema(LAYER_TYPES)
SCHEMA += "\n" + story_schema(LAYER_TYPES)
SCHEMA += "\n" + derived.schema(LAYER_TYPES)


class SQLiteStore(Store):
    """One SQLite file (or ":memory:")."""

    conflict_errors = (sqlite3.IntegrityError,)
    _story_types = LAYER_TYPES
    dialect = "sqlite"
    layer_types = LAYER_TYPES

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(Messages.MISSING.format(path=self.path))
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                self._create_schema()
            elif version == 1:
                self._upgrade()
                version = SCHEMA_VERSION
        except sqlite3.DatabaseError as error:
            raise StoreError(Messages.NOT_A_DATABASE.format(path=self.path, reason=error)) from error
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(Messages.NEWER_SCHEMA.format(path=self.path, version=version, supported=SCHEMA_VERSION))
        try:
            derived.ensure(self)
        except sqlite3.Error as error:
            self.conn.close()
            raise StoreError(Messages.CANNOT_MIGRATE.format(path=self.path, reason=error)) from error

    def _create_schema(self) -> None:
        # Only on a new file, so readers (the web app opens one store per request) never write.
        # One transaction: no half-created schema, and one sync instead of twenty. The default
        # rollback journal, not WAL: a single file to copy or delete; busy_timeout covers the
        # brief waits between one writer and its readers at this scale.
        self.conn.executescript(f"BEGIN;\n{SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")

    def _upgrade(self) -> None:
        """Version 1 to 2: the full-text index rebuilt with facets and sort keys, in one transaction."""
        with self._transaction():
            self.conn.execute("DROP TABLE articles_fts")
            self.conn.execute(FTS_TABLE)
            query.reindex(self)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def _executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, params)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:
            # Inside `Store.batch()`: a savepoint, so that one failed write is undone alone.
            self.conn.execute("SAVEPOINT marsad_write")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK TO marsad_write")
                self.conn.execute("RELEASE marsad_write")
                raise
            self.conn.execute("RELEASE marsad_write")
            return
        # IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _insert_article(self, params: Sequence[Any]) -> int:
        cursor = self.conn.execute(
            "INSERT INTO articles (id, content_hash, title, date, source, text, analysis, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", params
        )
        assert cursor.lastrowid is not None  # an INSERT into a rowid table always sets it
        return cursor.lastrowid

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None

    def _index(self, pk: int, entry: query.IndexEntry) -> None:
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, stems, facets) VALUES (?, ?, ?, ?, ?)",
            (entry.sort_key, entry.title, entry.body, entry.stems, entry.facets),
        )

    def _top(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int) -> list[tuple[int, float]]:
        """Newest first, or ranked among the newest `query.RANK_WINDOW` matches (`fts_rank`: bm25, the
        score being -bm25 so that higher is better); either way FTS5 stops walking the match early.
        Date order computes no score (0)."""
        if sort == "relevance":
            return fts_rank.top(self, match, offset=offset, limit=limit)
        return [(key, 0.0) for key in fts_rank.newest(self, match, limit=limit, offset=offset)]

    def _count(self, match: query.Match, *, cap: int) -> tuple[int, int | None]:
        row = self.conn.execute(
            "SELECT count(*), min(key) FROM (SELECT rowid AS key FROM articles_fts"
            " WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?)",
            (fts_expression(match, ranked=False), match.low, match.high, cap),
        ).fetchone()
        return row[0], row[1]

    def _estimate(self, match: query.Match, *, counted: int, last_key: int | None) -> int:
        """The counted matches, scaled from the days they span to the days the search spans (`query.extrapolate`).

        Not from the index's word statistics: fts5vocab counts a word's articles by reading its
        whole posting list, as slow as counting the matches."""
        first = self.conn.execute("SELECT rowid FROM articles_fts WHERE rowid >= ? ORDER BY rowid LIMIT 1", (query.DATED_FLOOR,)).fetchone()
        last = self.conn.execute("SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1").fetchone()
        return query.extrapolate(match, counted=counted, last_key=last_key, first_stored=first and first[0], last_stored=last and last[0])

