"""A PostgreSQL search's estimates from the index's statistics, read once in a while and kept: no round trip a search.

The date-ordered search picks its plan (walk the sort key, or sort the GIN index's matches over the
newest slice) and decides whether to count from how many articles the planner expects to match.
Asking the planner (EXPLAIN) costs a round trip and a planning of each query and of each of its
words, 0.4-0.5 ms of server time each at 100,000 articles: the words' statistics (10,000 most
common lexemes) are read and unpacked at every planning. So the statistics ANALYZE keeps are
read here once per `TTL_S` a process and the estimates computed in Python the way the planner
computes them (PostgreSQL's `tsquery_opr_selec` and the histogram's share of a key range); they
change only when ANALYZE runs. A store not yet analyzed has no statistics: the caller asks the
planner then, as before.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import query

# How long a process keeps a store's statistics (ANALYZE runs on a growing store every few minutes).
TTL_S = 30.0
# PostgreSQL's own default share of rows a tsquery matches (tsearch DEFAULT_TS_MATCH_SEL).
DEFAULT_TS_MATCH_SEL = 0.005
STATEMENTS: list[tuple[str, Sequence[Any]]] = [
    ("SELECT reltuples::bigint AS value FROM pg_class WHERE oid = 'articles_fts'::regclass", ()),
    # The store's tables are in the first schema of the search_path, current_schema().
    (
        "SELECT histogram_bounds::text AS bounds FROM pg_stats"
        " WHERE schemaname = current_schema() AND tablename = 'articles_fts' AND attname = 'sort_key'",
        (),
    ),
    (
        "SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS shares FROM pg_stats"
        " WHERE schemaname = current_schema() AND tablename = 'articles_fts' AND attname = 'terms'",
        (),
    ),
]


@dataclass(frozen=True, slots=True)
class Estimates:
    """What the statistics say about one search (`PostgresStore._estimates`)."""

    matches: int
    in_range: int
    table: int
    bounds: list[int]  # the sort key's histogram, ascending; empty before the first ANALYZE
    most: int  # the least estimate of a word or facet alone: the matches cannot be more


@dataclass(frozen=True, slots=True)
class IndexStats:
    """ANALYZE's statistics of the index table: rows, the sort key's histogram, the most common lexemes' shares of rows."""

    table: int
    bounds: list[int]
    shares: dict[str, float]
    unlisted: float  # the share the planner gives a lexeme not among the most common

    def estimates(self, match: query.Match) -> Estimates:
        in_range = self.table if (match.low, match.high) == (0, query.MAX_SORT_KEY) else _rows(self.table * self.range_share(match.low, match.high))
        parts = [self.lexeme_share(term.stem) for term in match.terms] + [self.group_share(group) for group in match.groups]
        together = 1.0
        for share in parts:
            together *= share
        matches = _rows(in_range * together)
        most = min(_rows(in_range * share) for share in parts) if len(parts) > 1 else matches
        return Estimates(matches, in_range, self.table, self.bounds, most)

    def lexeme_share(self, lexeme: str) -> float:
        # The 'simple' configuration lowercases what it indexes.
        return self.shares.get(lexeme.lower(), self.unlisted)

    def group_share(self, group: list[str]) -> float:
        """One facet group: any of its tokens (tsquery OR: s1 + s2 - s1 * s2)."""
        share = 0.0
        for token in group:
            one = self.lexeme_share(token)
            share = share + one - share * one
        return share

    def range_share(self, low: int, high: int) -> float:
        """The share of rows with a sort key in [low, high], from the histogram, linear inside a bucket as the planner reads it."""
        if len(self.bounds) < 2:
            return 1.0
        return max(0.0, self._below(high, inclusive=True) - self._below(low, inclusive=False))

    def _below(self, value: int, *, inclusive: bool) -> float:
        bounds = self.bounds
        if value < bounds[0] or (value == bounds[0] and not inclusive):
            return 0.0
        if value >= bounds[-1]:
            return 1.0
        bucket = bisect.bisect_right(bounds, value) - 1
        low, high = bounds[bucket], bounds[bucket + 1]
        return (bucket + (value - low) / (high - low)) / (len(bounds) - 1)


def _rows(rows: float) -> int:
    # The planner never estimates fewer than one row (clamp_row_est).
    return max(1, round(rows))


_KEPT: dict[str, tuple[float, IndexStats | None]] = {}
_LOCK = threading.Lock()


def index_stats(key: str, fetch: Callable[[list[tuple[str, Sequence[Any]]]], list[list[dict[str, Any]] | None]]) -> IndexStats | None:
    """The statistics of the store named `key` (its URL), read with `fetch` (one batch) at most once per `TTL_S`; None before ANALYZE."""
    now = time.monotonic()
    with _LOCK:
        kept = _KEPT.get(key)
    if kept is not None and now - kept[0] < TTL_S:
        return kept[1]
    stats = parse(fetch(STATEMENTS))
    with _LOCK:
        _KEPT[key] = (now, stats)
    return stats


def forget() -> None:
    """Drop every kept statistics (tests; a process that has just run ANALYZE)."""
    with _LOCK:
        _KEPT.clear()


def parse(results: list[list[dict[str, Any]] | None]) -> IndexStats | None:
    """`STATEMENTS`' rows as statistics; None when the table has not been analyzed (no row count or no lexeme statistics)."""
    table_rows, histogram, lexemes = results
    table = int(table_rows[0]["value"] or 0) if table_rows else 0
    if table <= 0 or not lexemes or not lexemes[0]["lexemes"] or not lexemes[0]["shares"]:
        return None
    words, shares = lexemes[0]["lexemes"], lexemes[0]["shares"]
    # After the lexemes' shares ANALYZE stores the least and the greatest of them (ts_typanalyze.c).
    least = shares[len(words)] if len(shares) > len(words) else min(shares)
    bounds = histogram[0]["bounds"] if histogram else None
    return IndexStats(
        table=table,
        bounds=[int(bound) for bound in bounds.strip("{}").split(",")] if bounds else [],
        shares=dict(zip(words, shares)),
        unlisted=min(DEFAULT_TS_MATCH_SEL, least / 2),
    )
