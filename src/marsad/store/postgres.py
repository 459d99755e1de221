"""The PostgreSQL backend: the same tables as the SQLite file, with a tsvector index for full-text search.

Search differs from SQLite's FTS5 only in ranking. The index is a `tsvector` built with the 'simple'
configuration (no stemming, no stop words) from the Python-normalized words, weighted A (title),
B (body), C (stems), with a GIN index; a query term matches a title or body word as written
(`'word':AB`) or a stem (`'stem':C`), exactly as FTS5's column filters do, so both backends find the
same articles. Scores come from `ts_rank` with the same relative field weights and length
normalization 1 (divide by 1 + log of the document length); unlike bm25 it gives rare words no extra
weight (no IDF), so the order of hits, and the scores' scale, can differ from SQLite's.

Other differences: PostgreSQL text cannot hold NUL characters, so an analysis with one in its text,
title or id is refused as malformed; a tsvector holds at most 1 MB of lexemes, which an article
would need to be several megabytes long to reach.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row

from . import derived, rows, search
from .base import SCHEMA_VERSION, Messages, Store, StoreError

LOGGER = logging.getLogger(__name__)

# ts_rank's weights are ordered {D, C, B, A} and must lie in [0, 1]: the field weights scaled to fit.
_TITLE, _BODY, _STEMS = search.FIELD_WEIGHTS
RANK_WEIGHTS = [0.0, _STEMS / _TITLE, _BODY / _TITLE, 1.0]
QUERY_PASSWORD = re.compile(r"([?&]password=)[^&#]*")
# Serializes schema creation between processes that open a new database at the same moment.
SCHEMA_LOCK = 0x6D61_7273_6164  # "marsad"

SCHEMA = """
CREATE TABLE IF NOT EXISTS marsad_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles_fts (
    pk BIGINT PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fts_document ON articles_fts USING GIN (document);
"""
LAYER_TYPES = {"int": "INTEGER", "bigint": "BIGINT", "real": "DOUBLE PRECISION", "bool": "BOOLEAN", "text": "TEXT"}
SCHEMA += rows.layer_schema(LAYER_TYPES) + "\n" + derived.schema(LAYER_TYPES)


class PostgresStore(Store):
    """One PostgreSQL database, named by a libpq URL (`postgresql://user:password@host:5432/dbname`).

    The tables go into the first schema of the connection's search_path, so one database can hold
    several stores (`?options=-csearch_path%3Dnews`). Reading a store never writes to it.
    """

    conflict_errors = (psycopg.errors.UniqueViolation,)
    value_errors = (psycopg.DataError,)
    dialect = "postgres"
    layer_types = LAYER_TYPES

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.path = display_url(url)
        try:
            # Autocommit: reads need no transaction; writes open one explicitly (`_transaction`).
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as error:
            raise StoreError(Messages.CANNOT_CONNECT.format(path=self.path, reason=_one_line(error))) from error
        try:
            version = self._version()
            if version == 0 and create:
                version = self._create_schema()
        except psycopg.Error as error:
            self.conn.close()
            raise StoreError(Messages.NOT_A_DATABASE.format(path=self.path, reason=_one_line(error))) from error
        if version == 0:
            self.conn.close()
            raise StoreError(Messages.MISSING.format(path=self.path))
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(Messages.NEWER_SCHEMA.format(path=self.path, version=version, supported=SCHEMA_VERSION))
        try:
            derived.ensure(self)
        except psycopg.Error as error:
            self.conn.close()
            raise StoreError(Messages.CANNOT_MIGRATE.format(path=self.path, reason=_one_line(error))) from error

    def _version(self) -> int:
        """The schema version of the store in this database; 0 when there is none."""
        if not self._scalar("SELECT to_regclass('marsad_schema') IS NOT NULL AS value"):
            return 0
        return self._scalar("SELECT max(version) AS value FROM marsad_schema") or 0

    def _create_schema(self) -> int:
        # One transaction, so no half-created schema; the lock makes a second creator wait, then
        # find the schema there.
        with self.conn.transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            version = self._version()
            if version == 0:
                self.conn.execute(SCHEMA)
                self._execute("INSERT INTO marsad_schema (version) VALUES (?)", (SCHEMA_VERSION,))
                version = SCHEMA_VERSION
        return version

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[dict[str, Any]]:
        return self.conn.execute(_pyformat(sql), params)

    def _executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_pyformat(sql), params)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _insert_article(self, params: Sequence[Any]) -> int:
        return self._scalar(
            "INSERT INTO articles (id, content_hash, title, date, source, text, analysis, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk AS value",
            params,
        )

    def _index(self, pk: int, title: str | None, text: str) -> None:
        # The PostgreSQL parser sees only our words, space-separated, so it cannot read a URL,
        # an e-mail address or "1.5" as one token where the query has several.
        fields = [" ".join(search.WORD.findall(field)) for field in search.index_fields(title, text)]
        self._execute(
            "INSERT INTO articles_fts (pk, document) VALUES (?, setweight(to_tsvector('simple', ?::text), 'A')"
            " || setweight(to_tsvector('simple', ?::text), 'B') || setweight(to_tsvector('simple', ?::text), 'C'))",
            (pk, *fields),
        )

    def _match(self, terms: list[search.Term], limit: int) -> Iterable[Mapping[str, Any]]:
        query = tsquery(terms)
        return self._execute(
            "SELECT a.id, a.title, a.date, a.source, a.text, ts_rank(?::real[], f.document, to_tsquery('simple', ?), 1) AS score"
            " FROM articles_fts f JOIN articles a ON a.pk = f.pk"
            " WHERE f.document @@ to_tsquery('simple', ?) ORDER BY score DESC, a.pk LIMIT ?",
            (RANK_WEIGHTS, query, query, limit),
        )


def tsquery(terms: list[search.Term]) -> str:
    """A `to_tsquery` expression: every term, either as written (weights A, B) or by its stem (C)."""
    return " & ".join(f"({_lexeme(term.word)}:AB | {_lexeme(term.stem)}:C)" for term in terms)


def _lexeme(word: str) -> str:
    # Quoted, so that no character of a word can act as a tsquery operator.
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


@lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`; our statements have no `?` or `%` of their own."""
    return sql.replace("%", "%%").replace("?", "%s")


def display_url(url: str) -> str:
    """`url` with its password, in the authority or the query string, replaced by ***."""
    parts = urlsplit(url)
    shown = url
    if parts.password is not None:
        userinfo, _, hosts = parts.netloc.rpartition("@")
        shown = shown.replace(parts.netloc, f"{userinfo.partition(':')[0]}:***@{hosts}", 1)
    return QUERY_PASSWORD.sub(r"\1***", shown)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
