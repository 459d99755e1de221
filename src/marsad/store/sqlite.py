"""The SQLite backend: one file holding each article's text, its analysis JSON, an FTS5 index, and
per-layer tables (entities, quotes, places, events) that later features can query."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import derived, rows, search
from .base import SCHEMA_VERSION, Messages, Store, StoreError

DEFAULT_PATH = "marsad.db"
# bm25 weights of the FTS columns (title, body, stems), as in `search.FIELD_WEIGHTS`.
BM25_WEIGHTS = search.FIELD_WEIGHTS

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
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, stems, tokenize = 'unicode61');
"""
# Our column types in SQLite: it has no boolean (0/1) and one integer type.
LAYER_TYPES = {"int": "INTEGER", "bigint": "INTEGER", "real": "REAL", "bool": "INTEGER", "text": "TEXT"}
SCHEMA += rows.layer_schema(LAYER_TYPES) + "\n" + derived.schema(LAYER_TYPES)


class SQLiteStore(Store):
    """One SQLite file (or ":memory:")."""

    conflict_errors = (sqlite3.IntegrityError,)
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

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def _executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, params)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
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

    def _index(self, pk: int, title: str | None, text: str) -> None:
        self.conn.execute("INSERT INTO articles_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)", (pk, *search.index_fields(title, text)))

    def _match(self, terms: list[search.Term], limit: int) -> Iterable[Mapping[str, Any]]:
        """FTS5 with bm25 ranking; the score is -bm25, so that higher is better."""
        return self.conn.execute(
            "SELECT a.id, a.title, a.date, a.source, a.text, -bm25(articles_fts, ?, ?, ?) AS score"
            " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY score DESC, a.pk LIMIT ?",
            (*BM25_WEIGHTS, fts_expression(terms), limit),
        )


def fts_expression(terms: list[search.Term]) -> str:
    """An FTS5 MATCH expression: every term, either as written (title, body) or by its stem."""
    return " AND ".join(f'({{title body}} : "{term.word}" OR stems : "{term.stem}")' for term in terms)
