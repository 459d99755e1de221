"""Faceted, paged reading of quotes, events and speakers: one WHERE clause built from `Filters`.

Every list comes as a `Page` with the true total of matching rows, so that a reader can page
with `offset`/`limit`. Values go to the driver as parameters; only our own column names are
written into the SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import rows, search
from .queries import check_query
from .records import EventRecord, QuoteRecord

if TYPE_CHECKING:
    from .base import Store

T = TypeVar("T")
DEFAULT_LIMIT = 100
MAX_NAMES = 5  # spellings shown with a speaker
ORDER_QUOTES = " ORDER BY a.date IS NULL, a.date, a.pk, q.start"


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What to keep; None keeps everything. Dates are ISO (YYYY-MM-DD), both ends included.

    `speakers` are canonical identity keys (`marsad.identities.resolve.speaker_keys`); a quote
    matches when its speaker's identity is one of them or is read as one. `speaker_text` is the
    fallback for a speaker with no identity ("المتحدث الرسمي"): every word of it in the phrase.
    """

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    topic: str | None = None
    place: str | None = None  # English name (any case) or Arabic text in any spelling
    event_type: str | None = None
    speakers: tuple[str, ...] | None = None
    speaker_text: str | None = None

    def __post_init__(self) -> None:
        # A 50 KB name is a bad request, not a LIKE pattern for SQLite to refuse ("too complex").
        for what in ("source", "topic", "place", "event_type", "speaker_text"):
            check_query(getattr(self, what), what=what.replace("_", " "))


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a list: `items` from `offset`, at most `limit` of them, out of `total`."""

    total: int
    offset: int
    limit: int
    items: list[T] = field(default_factory=list)


@dataclass(slots=True)
class SpeakerRecord:
    """An identity as a speaker: its key, the spelling seen most, and its quotes in the filtered range."""

    key: str
    name: str
    kind: str
    quotes: int
    articles: int
    first_date: str | None
    last_date: str | None
    names: list[str] = field(default_factory=list)  # spellings, most frequent first
    aliases: list[str] = field(default_factory=list)  # keys read as this one ("ترمب" for "دونلد ترمب")


class _Where:
    """A conjunction of conditions and their parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _article_filters(where: _Where, filters: Filters) -> None:
    if filters.date_from:
        where.add("a.date >= ?", filters.date_from)
    if filters.date_to:
        where.add("substr(a.date, 1, 10) <= ?", filters.date_to)  # a date with a time is still that day
    if filters.source:
        where.add("a.source = ?", filters.source)
    if filters.topic:
        where.add("a.id IN (SELECT article_id FROM article_topics WHERE topic = ?)", filters.topic)


def _words_in(column: str, key: str, where: _Where) -> None:
    """Every word of `key` is a word of `column`."""
    for word in key.split():
        where.add(f"(' ' || {column} || ' ') LIKE ? ESCAPE '\\'", "% " + rows.escape_like(word) + " %")


def _speaker_filters(where: _Where, filters: Filters) -> None:
    if filters.speakers is not None:
        if not filters.speakers:
            where.add("1 = 0")
            return
        marks = ", ".join("?" * len(filters.speakers))
        where.add(f"q.identity_key IN (SELECT key FROM identities WHERE coalesce(canonical, key) IN ({marks}))", *filters.speakers)
    if filters.speaker_text:
        wanted = search.name_key(filters.speaker_text)
        if not wanted:
            where.add("1 = 0")
        _words_in("q.speaker_key", wanted, where)


def _place_key(place: str) -> str:
    return rows.place_key(place)


def quotes(store: Store, filters: Filters = Filters(), *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[QuoteRecord]:
    """Quotes matching `filters`, oldest article first, in text order within an article."""
    where = _Where()
    _article_filters(where, filters)
    _speaker_filters(where, filters)
    if filters.place:
        where.add(
            "q.article_id IN (SELECT article_id FROM places WHERE lower(name) = lower(?) OR key = ?)", filters.place.strip(), _place_key(filters.place)
        )
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + where.sql()
    total = store._scalar("SELECT count(*) AS value" + base, where.params)
    # Two steps: the page's keys from the indexes alone, then only its rows in full.
    keys = f'SELECT q.article_id AS k_article, q.start AS k_start, q."end" AS k_end, a.date AS k_date, a.pk AS k_pk{base}{ORDER_QUOTES} LIMIT ? OFFSET ?'
    cursor = store._execute(
        "SELECT q.*, a.title AS article_title, a.date AS article_date, a.source AS article_source"
        f" FROM ({keys}) page JOIN quotes q ON q.article_id = page.k_article AND q.start = page.k_start AND q.\"end\" = page.k_end"
        " JOIN articles a ON a.pk = page.k_pk ORDER BY page.k_date IS NULL, page.k_date, page.k_pk, q.start LIMIT ?",
        (*where.params, limit, offset, limit),
    )
    return Page(total, offset, limit, [rows.quote_record(row) for row in cursor])


def events(store: Store, filters: Filters = Filters(), *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[EventRecord]:
    """Events matching `filters`, oldest article first, in text order within an article."""
    where = _Where()
    _article_filters(where, filters)
    if filters.event_type:
        where.add("lower(e.type) = lower(?)", filters.event_type)
    if filters.place:
        where.add("(lower(e.place_name) = lower(?) OR e.place_key = ?)", filters.place.strip(), _place_key(filters.place))
    base = " FROM events e JOIN articles a ON a.id = e.article_id" + where.sql()
    total = store._scalar("SELECT count(*) AS value" + base, where.params)
    keys = f"SELECT e.article_id AS k_article, e.idx AS k_idx, a.date AS k_date, a.pk AS k_pk{base} ORDER BY a.date IS NULL, a.date, a.pk, e.idx LIMIT ? OFFSET ?"
    cursor = store._execute(
        f"SELECT e.*, page.k_date AS article_date FROM ({keys}) page JOIN events e ON e.article_id = page.k_article AND e.idx = page.k_idx"
        " ORDER BY page.k_date IS NULL, page.k_date, page.k_pk, e.idx",
        (*where.params, limit, offset),
    )
    return Page(total, offset, limit, [rows.event_record(row) for row in cursor])


SPEAKER_KEY = "coalesce(i.canonical, q.identity_key)"


def speakers(store: Store, filters: Filters = Filters(), *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[SpeakerRecord]:
    """Identities by number of quotes in the filtered articles, most quoted first."""
    where = _Where()
    _article_filters(where, filters)
    if filters.place:
        where.add(
            "q.article_id IN (SELECT article_id FROM places WHERE lower(name) = lower(?) OR key = ?)", filters.place.strip(), _place_key(filters.place)
        )
    if not where.conditions:
        return _all_speakers(store, limit=limit, offset=offset)
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id JOIN identities i ON i.key = q.identity_key" + where.sql()
    total = store._scalar(f"SELECT count(DISTINCT {SPEAKER_KEY}) AS value" + base, where.params)
    cursor = store._execute(
        f"SELECT {SPEAKER_KEY} AS key, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,"
        " min(a.date) AS first_date, max(a.date) AS last_date"
        + base
        + f" GROUP BY {SPEAKER_KEY} ORDER BY count(*) DESC, {SPEAKER_KEY} LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    found = cursor.fetchall()
    return Page(total, offset, limit, [_speaker(store, row) for row in found])


def _all_speakers(store: Store, *, limit: int, offset: int) -> Page[SpeakerRecord]:
    """`speakers` without filters: ranked on the identities' own quote counts (kept at ingest), so
    that only the page's speakers are looked up in `quotes`, not every quote of the store."""
    ranked = "SELECT coalesce(canonical, key) AS key, sum(quotes) AS quotes FROM identities GROUP BY coalesce(canonical, key) HAVING sum(quotes) > 0"
    total = store._scalar(f"SELECT count(*) AS value FROM ({ranked}) ranked")
    found = store._execute(f"{ranked} ORDER BY sum(quotes) DESC, coalesce(canonical, key) LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    items = [speaker(store, row["key"]) for row in found]
    return Page(total, offset, limit, [item for item in items if item is not None])


def speaker(store: Store, key: str, filters: Filters = Filters()) -> SpeakerRecord | None:
    """One identity by its key (an alias gives the identity it is read as), with its quote counts."""
    canonical = store._scalar("SELECT coalesce(canonical, key) AS value FROM identities WHERE key = ?", (key,))
    if canonical is None:
        return None
    where = _Where()
    _article_filters(where, filters)
    # The identity and the keys read as it, so that the index on quotes.identity_key finds the rows.
    where.add("q.identity_key IN (SELECT key FROM identities WHERE key = ? OR canonical = ?)", canonical, canonical)
    row = store._execute(
        "SELECT count(*) AS quotes, count(DISTINCT q.article_id) AS articles, min(a.date) AS first_date, max(a.date) AS last_date"
        " FROM quotes q JOIN articles a ON a.id = q.article_id" + where.sql(),
        where.params,
    ).fetchone()
    return _speaker(store, {"key": canonical, **dict(row)})


def _speaker(store: Store, row: Any) -> SpeakerRecord:
    key = row["key"]
    kind = store._scalar("SELECT kind AS value FROM identities WHERE key = ?", (key,)) or "person"
    aliases = [alias["key"] for alias in store._execute("SELECT key FROM identities WHERE canonical = ? ORDER BY key", (key,))]
    names = _names(store, [key, *aliases])
    return SpeakerRecord(
        key=key, name=names[0] if names else key, kind=kind, quotes=row["quotes"], articles=row["articles"],
        first_date=row["first_date"], last_date=row["last_date"], names=names, aliases=aliases,
    )


def _names(store: Store, keys: Sequence[str]) -> list[str]:
    """The spellings of these keys, most frequent first; the full name's own first of all."""
    own = [row["name"] for row in store._execute("SELECT name FROM identity_names WHERE key = ? ORDER BY count DESC, name", (keys[0],))]
    marks = ", ".join("?" * len(keys))
    every = [
        row["name"]
        for row in store._execute(
            f"SELECT name, sum(count) AS n FROM identity_names WHERE key IN ({marks}) GROUP BY name ORDER BY sum(count) DESC, name", tuple(keys)
        )
    ]
    return list(dict.fromkeys(own[:1] + every))[:MAX_NAMES]
