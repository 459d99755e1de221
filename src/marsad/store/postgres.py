"""The PostgreSQL backend: the same tables as the SQLite file, with a tsvector index for full-text search.

Search differs from SQLite's FTS5 only in ranking. Two `tsvector`s are built with the 'simple'
configuration (no stemming, no stop words) from the Python-normalized words: `terms` (every word's
stem, and the facet tokens of `query.facet_tokens`), which a GIN index serves for matching and
counting, and `document`, weighted A (title), B (body), C (stems), which `ts_rank` reads for
relevance; a query term matches an article holding its stem, as on SQLite, so both backends find
the same articles. Scores come from `ts_rank` with the same relative field weights and length
normalization 1 (divide by 1 + log of the document length); unlike bm25 it gives rare words no extra
weight (no IDF), so the order of hits, and the scores' scale, can differ from SQLite's.

Other differences: PostgreSQL text cannot hold NUL characters, so an analysis with one in its text,
title or id is refused as malformed; a tsvector holds at most 1 MB of lexemes, which an article
would need to be several megabytes long to reach.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row

from . import derived, pg_estimates, query, rows, search
from .pg_estimates import Estimates
from .stories import story_schema
from .base import SCHEMA_VERSION, Messages, Store, StoreError

LOGGER = logging.getLogger(__name__)

# ts_rank's weights are ordered {D, C, B, A} and must lie in [0, 1]: the field weights scaled to fit.
_TITLE, _BODY, _STEMS = search.FIELD_WEIGHTS
RANK_WEIGHTS = [0.0, _STEMS / _TITLE, _BODY / _TITLE, 1.0]
QUERY_PASSWORD = re.compile(r"([?&]password=)[^&#]*")
# Date-ordered search walks the sort-key index when it expects to test at most this many rows
# (window x articles / matches), else sorts the GIN index's matches (`PostgresStore._walk_newest`):
# testing a row reads its compressed tsvector, ~20-50 us, about as much as fetching 5-10 matches.
WALK_ROWS = 2000
# A walk tests at most this many times the rows expected to hold its window (`PostgresStore._walk_bound`).
WALK_MARGIN = 4
# Windows up to this many matches (pages, not relevance's window) expect a walk to find as many
# matches as the least common word alone has (`PostgresStore._walk_matches`).
MOST_WINDOW = 100
PLANS_KEPT = 64
# A walk's row test (reading a row's tsvector) costs about as much as this many postings a bitmap
# of the GIN index reads (measured at 100k articles: 17 us against 0.35 us).
WALK_TEST_COST = 50
# Sorting the GIN index's matches visits every match in the date range (each a heap row, 2-5 us):
# at a million articles a word in 1% of them costs 10,000 visits. So that sort first takes the
# newest slice of the range expected to hold SLICE_MARGIN pages of matches (its floor read from
# the sort key's histogram), where a bitmap AND of the two indexes visits only the slice's
# matches, and reads the rest of the range only when the slice held too few.
SLICE_MARGIN = 4
# Reading one sort key of a slice into a bitmap costs about this share of visiting one match's row
# (measured at 1M articles: 50,000 keys in 1.6-7 ms, a match 1.5-2 us): a rare word's few matches
# are sorted whole rather than sliced (500 matches at 1M: 0.5-1 ms, against 2-7 ms for the slice).
SLICE_KEY_COST = 0.04
# Totals: counted up to COUNT_LIMIT matches (each a heap visit, ~5-20 us), estimated above; not
# counted at all when the statistics put the matches above this many times that.
COUNT_LIMIT = 2000
COUNT_ESTIMATE_ABOVE = 3
# The plan settings of a walk of the sort-key index (True), of a sort of the GIN index's matches
# (False), and those `_settings` resets afterwards (None).
PLAN_SETTINGS: dict[bool | None, dict[str, str]] = {
    # A bounded walk (`_bounded_walk`) reads the sort-key index, then the GIN index's matches below it.
    True: {"enable_seqscan": "off", "enable_bitmapscan": "on", "enable_indexscan": "on", "max_parallel_workers_per_gather": "0"},
    False: {"enable_seqscan": "off", "enable_bitmapscan": "on", "enable_indexscan": "off", "max_parallel_workers_per_gather": "0"},
    None: {"enable_seqscan": "", "enable_bitmapscan": "", "enable_indexscan": "", "max_parallel_workers_per_gather": ""},
}
# Relevance ranks the newest this many matches (`query.rank_window`), not SQLite's 5,000: ts_rank
# reads each ranked article's weighted tsvector (a TOASTed, compressed value: about 20 us a row on
# a quiet machine, 50 under load), where FTS5's bm25 scores a row from its posting lists in 1-2 us.
# Measured at 100k articles (load 5): 5,000 rows took 210-240 ms, 1,000 55-95 ms, 500 24-37 ms.
RANK_WINDOW = 500
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
    sort_key BIGINT NOT NULL,
    document TSVECTOR NOT NULL,
    terms TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fts_terms ON articles_fts USING GIN (terms);
-- Statistics on the 10,000 most common words rather than 1,000: the planner's match estimates pick
-- the plan of a date-ordered search and give the estimated totals.
ALTER TABLE articles_fts ALTER COLUMN terms SET STATISTICS 1000;
CREATE INDEX IF NOT EXISTS articles_fts_sort_key ON articles_fts (sort_key);
"""
LAYER_TYPES = {"int": "INTEGER", "bigint": "BIGINT", "real": "DOUBLE PRECISION", "bool": "BOOLEAN", "text": "TEXT"}
SCHEMA += rows.layer_schema(LAYER_TYPES)
SCHEMA += "\n" + story_schema(LAYER_TYPES)
SCHEMA += "\n" + derived.schema(LAYER_TYPES)


class PostgresStore(Store):
    """One PostgreSQL database, named by a libpq URL (`postgresql://user:password@host:5432/dbname`).

    The tables go into the first schema of the connection's search_path, so one database can hold
    several stores (`?options=-csearch_path%3Dnews`). Reading a store never writes to it.
    """

    conflict_errors = (psycopg.errors.UniqueViolation,)
    count_limit = COUNT_LIMIT
    rank_window_limit = RANK_WINDOW
    value_errors = (psycopg.DataError,)
    _story_types = LAYER_TYPES
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
            elif version == 1:
                version = self._upgrade()
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

    @classmethod
    def borrowing(cls, conn: psycopg.Connection[dict[str, Any]], url: str) -> PostgresStore:
        """A store on a pooled connection (autocommit, dict rows) whose database was opened once
        before with its schema checked; closing the store leaves the connection to its pool."""
        store = cls.__new__(cls)
        store.path = display_url(url)
        store.conn = conn
        store._borrowed = True
        return store

    def close(self) -> None:
        if not getattr(self, "_borrowed", False):
            self.conn.close()

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

    def _upgrade(self) -> int:
        """Version 1 to 2: the full-text index rebuilt with facets and sort keys, in one transaction."""
        with self.conn.transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            if self._version() == 1:
                self.conn.execute("DROP TABLE articles_fts")
                self.conn.execute(SCHEMA)
                query.reindex(self)
                self._execute("UPDATE marsad_schema SET version = ?", (SCHEMA_VERSION,))
        return SCHEMA_VERSION

    def _execute(self, sql: str, params: Sequence[Any] = (), *, prepare: bool | None = None) -> psycopg.Cursor[dict[str, Any]]:
        # prepare=False for statements whose plan must follow their values and the plan settings:
        # psycopg prepares a statement run five times, and the server may then keep a generic plan.
        return self.conn.execute(_pyformat(sql), params, prepare=prepare)

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

    def _index(self, pk: int, entry: query.IndexEntry) -> None:
        # The PostgreSQL parser sees only our words, space-separated, so it cannot read a URL,
        # an e-mail address or "1.5" as one token where the query has several.
        fields = [" ".join(search.WORD.findall(field)) for field in (entry.title, entry.body, entry.stems)]
        self._execute(
            "INSERT INTO articles_fts (pk, sort_key, document, terms) VALUES (?, ?, setweight(to_tsvector('simple', ?::text), 'A')"
            " || setweight(to_tsvector('simple', ?::text), 'B') || setweight(to_tsvector('simple', ?::text), 'C'),"
            " to_tsvector('simple', ?::text))",
            (pk, entry.sort_key, *fields, f"{fields[2]} {entry.facets}"),
        )

    def _has_table(self, name: str) -> bool:
        # to_regclass looks the name up along the search_path, where the store's tables are.
        return bool(self._scalar("SELECT to_regclass(?) IS NOT NULL AS value", (name,)))

    def _top(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int) -> list[tuple[int, float]]:
        """Newest first (no score: 0), or ts_rank of the newest `query.rank_window` matches."""
        sql, params, window, _ = self._top_statement(match, sort=sort, offset=offset, limit=limit)
        with self._plan(walk=self._walk_newest(match, window)):
            return [(row["key"], row["score"]) for row in self._execute(sql, params, prepare=False)]

    def _page(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int, cap: int | None) -> query.Page:
        """`_top`, the page's articles and `_count` in one round trip instead of a dozen: the plan
        settings, the page joined to its articles, the count and the settings' reset (`_batch`), the
        estimates from kept statistics (`pg_estimates`). On a busy machine each round trip waits for
        the server process to be scheduled (1-5 ms under load), which SQLite, in process, never pays.

        When the statistics cannot tell whether to count (words that may come together, `_uncertain`),
        a date-ordered page is fetched first and the count decided from it (`_count_after`)."""
        # Estimates are read afresh for each search (the statistics change with ANALYZE), once.
        self.__dict__.pop("_plans", None)
        self.__dict__.pop("_extrapolated", None)
        sql, params, window, order = self._top_statement(match, sort=sort, offset=offset, limit=limit)
        columns = ", ".join(f"a.{column}" for column in query.HIT_COLUMNS.split(", "))
        sql = f"SELECT t.key, t.score, {columns} FROM ({sql}) AS t JOIN articles a ON a.pk = t.key % ? ORDER BY {order}"
        counting = cap is not None and self._plan_rows(match) <= COUNT_ESTIMATE_ABOVE * cap
        deferred = counting and sort == "date" and self._uncertain(match, cap or 0)
        statements = [*_settings(walk=self._walk_newest(match, window)), (sql, [*params, query.PK_SPAN])]
        if counting and not deferred:
            statements += [*_settings(walk=False), self._count_statement(match, cap=cap or 0)]
        results = self._batch([*statements, *_settings(walk=None)])
        hits = [(row["key"], row["score"], row) for row in results[len(PLAN_SETTINGS[True])] or []]
        if cap is None:
            return query.Page(hits)
        if deferred:
            return query.Page(hits, self._count_after(match, hits, offset=offset, limit=limit, cap=cap), None)
        return query.Page(hits, results[len(statements) - 1][0]["n"] if counting else cap, None)  # type: ignore[index]

    def _uncertain(self, match: query.Match, cap: int) -> bool:
        """Whether the statistics leave the count in doubt: the planner's product of the words' shares
        says to count, the least common word alone says there may be far too many to count. Words
        that come together ("خادم الحرمين الشريفين") are nearly as many as the rarest of them."""
        return self._most(match) > COUNT_ESTIMATE_ABOVE * cap

    def _count_after(self, match: query.Match, hits: list[tuple[int, float, Any]], *, offset: int, limit: int, cap: int) -> int:
        """The matches counted up to `cap`, or `cap` when the page shows them too many to count.

        A short page is the last: the total is known. Otherwise the window (the newest `offset +
        limit` matches) spans the rows from its last key to the range's top; when that span holds
        fewer than window x rows in range / (`COUNT_ESTIMATE_ABOVE` x cap) rows, the matches are
        more than that many and are estimated from the span (`_estimate`), not counted. The span's
        rows are counted up to that bound on the sort key's index, and the count, when taken, in the
        same statement (one more round trip)."""
        if hits and len(hits) < limit:
            return offset + len(hits)
        window = offset + limit
        bound = math.ceil(window * max(1, self._in_range(match)) / (COUNT_ESTIMATE_ABOVE * cap))
        last = hits[-1][0] if hits else match.low
        count_sql, count_params = self._count_statement(match, cap=cap)
        sql = (
            "WITH span AS (SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts b WHERE b.sort_key BETWEEN ? AND ? LIMIT ?) AS s)"
            f" SELECT span.n AS span, CASE WHEN span.n >= ? OR ? THEN ({count_sql}) END AS n FROM span"
        )
        results = self._batch([*_settings(walk=False), (sql, [last, match.high, bound, bound, not hits, *count_params]), *_settings(walk=None)])
        row = results[len(PLAN_SETTINGS[False])][0]  # type: ignore[index]
        if row["n"] is not None:
            return row["n"]
        self.__dict__["_extrapolated"] = round(window * self._in_range(match) / max(1, row["span"]))
        return cap

    def _batch(self, statements: list[tuple[str, Sequence[Any]]]) -> list[list[dict[str, Any]] | None]:
        """The rows of each statement (None for a command), all sent in one message: one round trip.

        The driver binds the values into the text (psycopg's ClientCursor; the server's extended
        protocol takes one statement a message, and a pipeline still waits once per statement). The
        server runs the statements as one implicit transaction: a failure rolls back the plan settings too."""
        text = "; ".join(_pyformat(sql) for sql, _ in statements)
        with psycopg.ClientCursor(self.conn) as cursor:
            cursor.execute(text, [value for _, params in statements for value in params])
            results: list[list[dict[str, Any]] | None] = []
            while True:
                results.append(cursor.fetchall() if cursor.description is not None else None)
                if not cursor.nextset():
                    return results

    def _top_statement(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int) -> tuple[str, list[Any], int, str]:
        """The page's query (key, score), its parameters, how many newest matches it reads, and its order over (key, score) as `t`."""
        self._estimates(match)
        if sort == "date":
            window = offset + limit
            newest, params = self._newest(match, window, "0.0 AS score")
            return f"SELECT key, score FROM ({newest}) AS newest LIMIT ? OFFSET ?", [*params, limit, offset], window, "t.key DESC"
        # ts_rank outside the subquery that keeps the newest window: in its select list, PostgreSQL
        # ranks every match before sorting (180,000 documents read for a common word at 300k
        # articles, 10 s); the window carries each document as a TOAST pointer, read only when ranked.
        window = query.rank_window(self)
        newest, params = self._newest(match, window, "f.document")
        sql = (
            f"SELECT key, ts_rank(?::real[], document, to_tsquery('simple', ?), 1) AS score FROM ({newest}) AS newest"
            " ORDER BY score DESC, key % ? LIMIT ? OFFSET ?"
        )
        params = [RANK_WEIGHTS, tsquery(match), *params, query.PK_SPAN, limit, offset]
        return sql, params, window, f"t.score DESC, t.key % {query.PK_SPAN}"

    def _newest(self, match: query.Match, window: int, column: str) -> tuple[str, list[Any]]:
        """A query for the newest `window` matches (key and `column`), newest first, and its parameters:
        over the whole range, or over the newest slice (`_slice_floor`) and then the rest of the range
        if the slice held fewer than `window`. An Append runs its branches in order (no parallel plan:
        `PLAN_SETTINGS`), and the slice's keys are all above the rest's, so the concatenation is newest first."""
        where = "f.terms @@ to_tsquery('simple', ?) AND f.sort_key BETWEEN ? AND ?"
        branch = f"SELECT f.sort_key AS key, {column} FROM articles_fts f WHERE {where} ORDER BY f.sort_key DESC LIMIT ?"
        words = tsquery(match, ranked=False)
        if self._walk_newest(match, window):
            bound = self._walk_bound(match, window)
            walk = [match.low, match.high, bound, words, window]
            return _bounded_walk(column), [*walk, match.low, match.high, bound, bound, words, match.low, window, window]
        floor = self._slice_floor(match, window)
        if floor is None:
            return branch, [words, match.low, match.high, window]
        sql = f"SELECT * FROM (({branch}) UNION ALL ({branch})) AS sliced LIMIT ?"
        return sql, [words, floor, match.high, window, words, match.low, floor - 1, window, window]

    def _walk_newest(self, match: query.Match, window: int) -> bool:
        """Whether to walk the sort-key index from the newest end, testing each row, rather than take
        the GIN index's matches (all of them, or those of the newest slice) and sort them: when the
        matches are many, the walk finds `window` of them after a few rows each; when they are few,
        it reads (and tests) most of the table. Against a slice, which reads the word's whole posting
        list into a bitmap, the walk wins only for common words (`WALK_TEST_COST`).

        For a page, matches are taken to be as many as the least common word or facet alone has
        (`_walk_matches`, `Estimates.most`):
        words that come together ("خادم الحرمين الشريفين") are nearly that many, where the planner's
        product of their shares says a hundred times fewer. The walk is bounded (`_walk_bound`), so
        words that seldom come together cost a walk of that many rows and then the GIN index's matches."""
        in_range = max(1, self._in_range(match))
        matches = self._walk_matches(match, window)
        if matches <= 0:
            return False
        tested = window * in_range / matches
        return tested <= WALK_ROWS and (tested * WALK_TEST_COST <= matches or self._slice_floor(match, window) is None)

    def _walk_bound(self, match: query.Match, window: int) -> int:
        """How many of the newest rows in the range a walk tests at most: `WALK_MARGIN` times the rows
        expected to hold `window` matches, at most `WALK_ROWS`, at least `window`. Expected on the
        planner's product of shares, the fewest matches the words can have if independent: a walk
        chosen on the rarest word alone goes on where its words come together less than always
        (a word and a place: 11,000 matches at 1M where the word alone has 63,000), since the sort
        of the GIN matches after it visits every one of them (13,000 rows, 100 ms)."""
        expected = window * max(1, self._in_range(match)) / max(1, self._plan_rows(match))
        return max(window, min(WALK_ROWS, math.ceil(WALK_MARGIN * expected)))

    def _count(self, match: query.Match, *, cap: int) -> tuple[int, int | None]:
        self._estimates(match)
        if self._plan_rows(match) > COUNT_ESTIMATE_ABOVE * cap:
            return cap, None  # far more than `cap` by the statistics: estimated, not counted
        with self._plan(walk=False):
            row = self._execute(*self._count_statement(match, cap=cap), prepare=False).fetchone()
        return row["n"], None

    def _count_statement(self, match: query.Match, *, cap: int) -> tuple[str, list[Any]]:
        # From the GIN index (no row's tsvector read); without a date range no heap column either,
        # so PostgreSQL skips the heap pages the visibility map marks all-visible.
        where = "f.terms @@ to_tsquery('simple', ?)"
        params: list[Any] = [tsquery(match, ranked=False)]
        if (match.low, match.high) != (0, query.MAX_SORT_KEY):
            where += " AND f.sort_key BETWEEN ? AND ?"
            params += [match.low, match.high]
        return f"SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts f WHERE {where} LIMIT ?) AS counted", [*params, cap]

    def _estimate(self, match: query.Match, *, counted: int, last_key: int | None) -> int:
        """The planner's estimate of the matching rows (from the statistics ANALYZE keeps of the words' frequencies)."""
        self._estimates(match)
        return max(counted, self._plan_rows(match), self.__dict__.get("_extrapolated", 0))

    def _estimates(self, match: query.Match) -> None:
        """The estimates of the matches and of the rows in the date range, the table's rows and the
        sort key's histogram: from the statistics this process keeps (`pg_estimates`, no round
        trip), or before the first ANALYZE from the planner in one round trip; remembered for the
        last few queries (a search reads them up to five times)."""
        key = (tsquery(match, ranked=False), match.low, match.high)
        cache: dict[tuple[str, int, int], Estimates] = self.__dict__.setdefault("_plans", {})
        if key in cache:
            return
        if len(cache) >= PLANS_KEPT:
            cache.clear()
        stats = pg_estimates.index_stats(self.path, self._batch)
        if stats is not None:
            cache[key] = stats.estimates(match)
            return
        ranged = (match.low, match.high) != (0, query.MAX_SORT_KEY)
        statements: list[tuple[str, Sequence[Any]]] = [
            ("EXPLAIN (FORMAT JSON) SELECT 1 FROM articles_fts f WHERE f.terms @@ to_tsquery('simple', ?) AND f.sort_key BETWEEN ? AND ?", key),
            ("SELECT reltuples::bigint AS value FROM pg_class WHERE oid = 'articles_fts'::regclass", ()),
            # The store's tables are in the first schema of the search_path, current_schema().
            (
                "SELECT histogram_bounds::text AS bounds FROM pg_stats"
                " WHERE schemaname = current_schema() AND tablename = 'articles_fts' AND attname = 'sort_key'",
                (),
            ),
        ]
        # Each word or facet alone too: the planner multiplies their shares as if independent, so
        # words that come together ("خادم الحرمين الشريفين") get a far lower estimate than their matches.
        parts = _tsquery_parts(match)
        alone = [] if len(parts) < 2 else [(statements[0][0], (part, match.low, match.high)) for part in parts]
        if ranged:
            statements.append(("EXPLAIN (FORMAT JSON) SELECT 1 FROM articles_fts WHERE sort_key BETWEEN ? AND ?", (match.low, match.high)))
        results = self._batch(statements + alone)
        matches, table, histogram = results[:3]
        in_range = results[3] if ranged else None
        table_rows = max(0, int(table[0]["value"] or 0)) if table else 0
        bounds = histogram[0]["bounds"] if histogram else None
        together = _plan_rows(matches[0])  # type: ignore[index]
        cache[key] = Estimates(
            matches=together,
            in_range=_plan_rows(in_range[0]) if in_range else table_rows,
            table=table_rows,
            bounds=[int(bound) for bound in bounds.strip("{}").split(",")] if bounds else [],
            most=min((_plan_rows(rows[0]) for rows in results[len(statements) :] if rows), default=together),  # type: ignore[index]
        )

    def _slice_floor(self, match: query.Match, window: int) -> int | None:
        """The least sort key of the newest slice of the date range expected to hold `SLICE_MARGIN`
        times `window` matches; None when that slice would be most of the range (or no histogram)."""
        estimates = self.__dict__["_plans"][(tsquery(match, ranked=False), match.low, match.high)]
        bounds = estimates.bounds
        # The most the matches can be: a slice too thin costs little (its rest follows at once),
        # a slice skipped for an estimate too low sorts every match.
        if estimates.most <= 0 or len(bounds) < 3 or estimates.table <= 0:
            return None
        wanted = SLICE_MARGIN * window * estimates.in_range / estimates.most
        if wanted * 4 > estimates.in_range or wanted * SLICE_KEY_COST > estimates.most:
            return None
        # Histogram buckets hold equal shares of the table; count whole buckets down from the range's top.
        per_bucket = estimates.table / (len(bounds) - 1)
        top = bisect.bisect_right(bounds, match.high) - 1
        floor_index = top - max(1, math.ceil(wanted / per_bucket))
        if floor_index < 0 or bounds[floor_index] <= match.low:
            return None
        return bounds[floor_index]

    def _plan_rows(self, match: query.Match) -> int:
        """The planner's estimate of the matches (`_estimates` first)."""
        return self.__dict__["_plans"][(tsquery(match, ranked=False), match.low, match.high)].matches

    def _walk_matches(self, match: query.Match, window: int) -> int:
        """The matches a walk expects: as many as the least common word alone for a page
        (`MOST_WINDOW`), the planner's product for relevance's window, whose walk would fall short
        (and sort every match below it) wherever the words come together less than always."""
        return self._most(match) if window <= MOST_WINDOW else self._plan_rows(match)

    def _most(self, match: query.Match) -> int:
        """The most matches the statistics allow: the estimate of the least common word or facet alone (`_estimates` first)."""
        return self.__dict__["_plans"][(tsquery(match, ranked=False), match.low, match.high)].most

    def _in_range(self, match: query.Match) -> int:
        """The planner's estimate of the rows in the search's date range, all rows without one (`_estimates` first)."""
        return self.__dict__["_plans"][(tsquery(match, ranked=False), match.low, match.high)].in_range

    @contextmanager
    def _plan(self, *, walk: bool) -> Iterator[None]:
        """One plan shape for the next statements: the planner prices testing a row's tsvector far
        below its cost (reading a large, compressed value), so it walks the sort-key index for rare
        words (seconds at scale) and scans the table to count common ones."""
        with self.conn.transaction():
            # Our constants, not input.
            self.conn.execute("; ".join(f"SET LOCAL {name} = {value}" for name, value in PLAN_SETTINGS[walk].items()))
            yield


def _settings(*, walk: bool | None) -> list[tuple[str, Sequence[Any]]]:
    """`PostgresStore._plan`'s settings as session settings for the next statements of a batch
    (None: the server's own again); SET LOCAL would need a transaction block of its own."""
    # Our constants, not input.
    return [(f"RESET {name}" if walk is None else f"SET {name} = {value}", ()) for name, value in PLAN_SETTINGS[walk].items()]


def _bounded_walk(column: str) -> str:
    """The newest matches (key and `column`) by a walk of at most a bound of the newest rows in the
    range, testing each, then, when fewer than the window matched there and the range holds more
    rows than the bound, the GIN index's matches older than the walk's last row, sorted. The walk's
    rows come first and are all newer than the rest's (an Append runs its branches in order), so the
    concatenation is newest first; the rest, and the bound's last key it needs, are computed only
    when the walk fell short, and the GIN index is read only when rows are left below the walk (a
    date range smaller than the bound is walked whole). The rest's key test is no index condition
    (`+ 0`): the planner cannot walk the sort key there."""
    walked = f"SELECT f.sort_key, f.terms, {column} FROM articles_fts f WHERE f.sort_key BETWEEN ? AND ? ORDER BY f.sort_key DESC LIMIT ?"
    bound = "SELECT b.sort_key FROM articles_fts b WHERE b.sort_key BETWEEN ? AND ? ORDER BY b.sort_key DESC LIMIT ?"
    name = column.rpartition(" AS ")[2].rpartition(".")[2]
    return (
        f"SELECT * FROM ((SELECT w.sort_key AS key, w.{name} FROM ({walked}) AS w"
        " WHERE w.terms @@ to_tsquery('simple', ?) ORDER BY w.sort_key DESC LIMIT ?)"
        f" UNION ALL (SELECT r.key, r.{name} FROM (SELECT min(s.sort_key) AS last FROM ({bound}) AS s HAVING count(*) >= ?) AS edge"
        f" CROSS JOIN LATERAL (SELECT f.sort_key AS key, {column} FROM articles_fts f WHERE f.terms @@ to_tsquery('simple', ?)"
        " AND f.sort_key + 0 BETWEEN ? AND edge.last - 1 ORDER BY f.sort_key DESC LIMIT ?) AS r)) AS walked LIMIT ?"
    )


def _plan_rows(row: dict[str, Any]) -> int:
    return int(row["QUERY PLAN"][0]["Plan"]["Plan Rows"])


def tsquery(match: query.Match, *, ranked: bool = True) -> str:
    """A `to_tsquery` expression. Ranked, for `ts_rank` over `document`: every term as written
    (weights A, B) or by its stem (C). Unranked, for matching `terms`: every term's stem and one
    facet token of each group, with no weights, so that the GIN index alone decides a match (a
    weight makes PostgreSQL recheck each candidate row's tsvector, 20 us a row)."""
    if ranked:
        return " & ".join(f"({_lexeme(term.word)}:AB | {_lexeme(term.stem)}:C)" for term in match.terms)
    return " & ".join(_tsquery_parts(match))


def _tsquery_parts(match: query.Match) -> list[str]:
    """The parts an unranked `tsquery` ANDs: each term's stem, and each facet group's tokens ORed."""
    parts = [_lexeme(term.stem) for term in match.terms]
    return parts + ["(" + " | ".join(_lexeme(token) for token in group) + ")" for group in match.groups]


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
