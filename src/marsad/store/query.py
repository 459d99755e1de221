"""Search as the index sees it: facet tokens, date sort keys, and the facet filter both backends turn into one index query.

Why the index holds facets and dates: a filter applied after the full-text match costs one row per
match, which grows with the store; a filter inside the match (FTS5 MATCH, tsquery) lets the index
intersect posting lists, and a date order kept in the index lets the newest hits come first without
scoring every match.

- Each indexed article carries *facet tokens*, words of their own column (FTS5) or weight (tsvector
  'D'): one for its source, one for its topic, one per word of each speaker's name key, and one per
  place (its Arabic key and its English name). A token is a short hash of kind and value, so no
  tokenizer splits it, folds it or confuses it with a body word.
- Each indexed article has a *sort key*: its date as YYYYMMDD times 10^10 plus its primary key, so
  that index order is date order (ties in ingest order) and a date range is a key range. Undated
  articles have date 0: last in date order, outside every date filter.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from . import rows, search
from .records import SearchResults

if TYPE_CHECKING:
    from .base import Store

Sort = Literal["relevance", "date"]
SORTS: tuple[str, ...] = ("relevance", "date")
# Sort keys: date (YYYYMMDD) * PK_SPAN + pk; pk stays below 10^10, and 99991231 * 10^10 < 2^63.
PK_SPAN = 10**10
MAX_SORT_KEY = 99991231 * PK_SPAN + PK_SPAN - 1
DATED_FLOOR = 1 * PK_SPAN  # the least key of a dated article
# Relevance ranks the newest RANK_WINDOW matches by bm25 (ts_rank): a query matching fewer finds
# exactly the hits a ranking of all matches finds; one matching more is marked `ranked_window` in
# the results. FTS5's bm25 also reads every posting of each query word for its IDF, so on SQLite
# a word in more than `fts_rank.DF_LIMIT` articles narrows the match without being scored (see
# fts_rank.py). Date order, which scores nothing and stops after one page, is the default.
RANK_WINDOW = 5000


def rank_window(store: Store) -> int:
    """How many of the newest matches relevance ranks in `store`: RANK_WINDOW, or the backend's lower `Store.rank_window_limit`."""
    return min(RANK_WINDOW, store.rank_window_limit)


# Totals are counted exactly up to COUNT_LIMIT matches (or a backend's lower `Store.count_limit`), and estimated above.
COUNT_LIMIT = 10000
DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# The article columns a hit is made of (`search.hit`).
HIT_COLUMNS = "pk, id, title, date, source, text"
TOKEN_PREFIX = {"source": "fs", "topic": "ft", "speaker": "fp", "place": "fl"}


class Messages:
    BAD_DATE = "{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}"
    BAD_SORT = "sort must be one of {choices}, not {value!r}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Facets:
    """What a search is narrowed to; None means any. Dates are inclusive, as YYYY, YYYY-MM or YYYY-MM-DD."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    topic: str | None = None
    speaker: str | None = None
    place: str | None = None

    def key_range(self) -> tuple[int, int]:
        """The sort keys (inclusive) of articles inside the date range."""
        low = _date_number(self.date_from, "from", end=False) * PK_SPAN if self.date_from else 0
        high = (_date_number(self.date_to, "to", end=True) + 1) * PK_SPAN - 1 if self.date_to else MAX_SORT_KEY
        if self.date_from or self.date_to:
            low = max(low, DATED_FLOOR)
        return low, high

    def token_groups(self) -> list[list[str]]:
        """Facet tokens the article must have: one of each group."""
        groups = []
        if self.source:
            groups.append([token("source", self.source)])
        if self.topic:
            groups.append([token("topic", self.topic)])
        if self.speaker:
            groups += [[token("speaker", word)] for word in search.name_key(self.speaker).split()] or [[token("speaker", "")]]
        if self.place:
            groups.append(sorted({token("place", place_value(self.place)), token("place", self.place.strip().casefold())}))
        return groups


def _date_number(value: str, name: str, *, end: bool) -> int:
    match = DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(Messages.BAD_DATE.format(name=name, value=value))
    year, month, day = match.groups()
    # An open month or day is the whole of it: "2015-07" to-bound is the end of July (99 > any day).
    filler = "99" if end else "01"
    return int(year + (month or filler) + (day or filler))


def check_sort(sort: str) -> Sort:
    if sort not in SORTS:
        raise ValueError(Messages.BAD_SORT.format(choices=", ".join(SORTS), value=sort))
    return sort  # type: ignore[return-value]


def token(kind: str, value: str) -> str:
    """The index word for one facet value: a prefix naming the kind and 12 hex digits of a hash."""
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=6).hexdigest()
    return TOKEN_PREFIX[kind] + digest


def place_value(text: str) -> str:
    """A place as its facet token sees it: the Arabic key (normalized, proclitics off), as the places table keys it."""
    return rows.place_key(text)


def date_number(date: str | None) -> int:
    """An article date as YYYYMMDD; 0 when it has none or it does not start with an ISO date."""
    match = DATE.match(date or "")
    if not match or not match.group(3):
        return 0
    return int("".join(match.groups()))


def sort_key(date: str | None, pk: int) -> int:
    return date_number(date) * PK_SPAN + pk


def pk_of(key: int) -> int:
    return key % PK_SPAN


def facet_tokens(record: Mapping[str, Any]) -> list[str]:
    """The facet tokens of one analysis (source, topic, speakers' name words, places), sorted, once each."""
    text: str = record["text"]
    meta = record.get("meta") or {}
    tokens = set()
    if meta.get("source"):
        tokens.add(token("source", str(meta["source"]).strip()))
    topic = record.get("topic") or {}
    if isinstance(topic, Mapping) and topic.get("label"):
        tokens.add(token("topic", str(topic["label"])))
    for quote in record.get("quotes") or []:
        name = (quote.get("speaker") or {}).get("name")
        tokens.update(token("speaker", word) for word in search.name_key(name or "").split())
    for place in record.get("places") or []:
        tokens.add(token("place", place_value(text[place["start"] : place["end"]])))
        if place.get("name"):
            tokens.add(token("place", str(place["name"]).strip().casefold()))
    return sorted(tokens)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the full-text index holds of one article."""

    sort_key: int
    title: str
    body: str
    stems: str
    facets: str


def index_entry(pk: int, record: Mapping[str, Any]) -> IndexEntry:
    meta = record.get("meta") or {}
    title, body, stems = search.index_fields(meta.get("title"), record["text"])
    return IndexEntry(sort_key(meta.get("date"), pk), title, body, stems, " ".join(facet_tokens(record)))


@dataclass(frozen=True, slots=True)
class Match:
    """One index query: every term (as written, or by its stem), one token of each facet group, a sort key range."""

    terms: list[search.Term]
    groups: list[list[str]]
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Page:
    """What the index gives for one search: (sort key, score, article row with pk, id, title, date,
    source and text) of each hit in order, and the matches counted up to the cap with the sort key
    of the last one counted (counted is None when the search asked for no count)."""

    hits: list[tuple[int, float, Mapping[str, Any]]]
    counted: int | None = None
    last_key: int | None = None


def run(store: Store, text: str, facets: Facets, *, sort: Sort, offset: int, limit: int, count: bool) -> SearchResults:
    """A page of hits from `store`'s index, then the text of those articles only, for snippets."""
    terms = search.parse_query(text)
    results = SearchResults(query=text, hits=[], total=0, offset=offset, limit=limit, sort=sort)
    if not terms:
        return results
    low, high = facets.key_range()
    match = Match(terms, facets.token_groups(), low, high)
    cap = min(COUNT_LIMIT, store.count_limit) if count else None
    found = store._page(match, sort=sort, offset=offset, limit=limit, cap=cap)
    results.hits = [search.hit(row, terms, score) for _, score, row in found.hits]
    if cap is not None and found.counted is not None:
        if found.counted < cap:
            results.total = found.counted
        else:
            results.total = store._estimate(match, counted=found.counted, last_key=found.last_key)
            results.total_estimated = True
    else:
        results.total = offset + len(found.hits)
    results.ranked_window = sort == "relevance" and (results.total > rank_window(store))
    return results


def page(store: Store, match: Match, *, sort: Sort, offset: int, limit: int, cap: int | None) -> Page:
    """`Store._page` from the dialect's parts: the page's keys, then its articles, then the count."""
    top = store._top(match, sort=sort, offset=offset, limit=limit)
    counted, last_key = store._count(match, cap=cap) if cap is not None else (None, None)
    return Page(articles(store, top), counted, last_key)


def articles(store: Store, top: list[tuple[int, float]]) -> list[tuple[int, float, Mapping[str, Any]]]:
    """(sort key, score, article row) for (sort key, score) pairs, in their order: one query for the texts of the page."""
    if not top:
        return []
    pks = [pk_of(key) for key, _ in top]
    cursor = store._execute(f"SELECT {HIT_COLUMNS} FROM articles WHERE pk IN ({', '.join('?' * len(pks))})", pks)
    rows_by_pk = {row["pk"]: row for row in cursor}
    return [(key, score, rows_by_pk[pk]) for pk, (key, score) in zip(pks, top)]


def extrapolate(match: Match, *, counted: int, last_key: int | None, first_stored: int | None, last_stored: int | None) -> int:
    """How many articles match, from the `counted` newest: as many per day over the days the search
    spans (its date range within the store's first and last dated articles) as over the days they span.

    Assumes matches spread evenly over days; a count that ended inside one day scales by whole days.
    """
    if last_key is None or first_stored is None or last_stored is None or last_key < DATED_FLOOR:
        return counted
    first = _ordinal(max(first_stored, match.low) // PK_SPAN)
    newest = _ordinal(min(last_stored, match.high) // PK_SPAN)
    reached = _ordinal(last_key // PK_SPAN)
    return max(counted, round(counted * (newest - first + 1) / (newest - reached + 1)))


def _ordinal(number: int) -> int:
    """The day number of a YYYYMMDD, with a month or day past its end (a bound's 99) taken as the last."""
    year, month, day = max(1, number // 10000), min(12, max(1, number // 100 % 100)), number % 100
    return date(year, month, min(max(1, day), calendar.monthrange(year, month)[1])).toordinal()


def reindex(store: Store) -> int:
    """Index every stored article again (after the index tables were recreated empty); the number indexed."""
    import json

    indexed = 0
    for row in store._execute("SELECT pk, analysis FROM articles ORDER BY pk").fetchall():
        store._index(row["pk"], index_entry(row["pk"], json.loads(row["analysis"])))
        indexed += 1
    return indexed
