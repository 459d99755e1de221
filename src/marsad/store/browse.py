"""Read-only queries the observatory's pages need: speakers, entities, places, events, stories, and counts per day.

Written once for both backends over the store's `_execute` (with `?` placeholders). People are
grouped by their identity key (`identity_key`, which every store has once opened:
`store.derived.ensure`). Stories are read from the story
tables when the store has them, and are absent otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..arabic.normalize import normalize
from . import query, rows, search
from .listing import Page

if TYPE_CHECKING:
    from .base import Store

DAY = "substr(a.date, 1, 10)"  # ISO dates: the day is the first ten characters
DATE_WORDS = 10
# The most days a timeline spans; a store over years shows its last MAX_DAYS days with data.
MAX_DAYS = 800


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What a list is narrowed to; None means any. Dates are inclusive days (YYYY-MM-DD)."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None

    def where(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        """SQL conditions on the article table `alias`, and their parameters."""
        clauses, params = [], []
        if self.date_from:
            clauses.append(f"substr({alias}.date, 1, 10) >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"substr({alias}.date, 1, 10) <= ?")
            params.append(self.date_to)
        if self.source:
            clauses.append(f"{alias}.source = ?")
            params.append(self.source)
        return clauses, params


@dataclass(slots=True)
class Named:
    """Someone or something with a key, the name most often written for it, and how often it occurs."""

    key: str
    name: str
    count: int
    articles: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def person_key(store: Store, table: str) -> str:
    """The column that keys people in `table` ("quotes" or "entities"): their identity key, which
    `store.derived.ensure` gives every store when it is opened."""
    return "identity_key"


def has_stories(store: Store) -> bool:
    """Whether stories were placed in this store (a store made before them has no story tables until then)."""
    return store._has_table("stories") and store._has_table("story_articles")


def _and(clauses: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _narrowed(filters: Filters, table: str, article_sql: str | None, params: Sequence[Any]) -> tuple[list[str], list[Any]]:
    """`filters`' conditions, and, given `article_sql`, rows of `table` (an alias) only in the articles it selects."""
    clauses, values = filters.where()
    if article_sql:
        clauses.append(f"{table}.article_id IN ({article_sql})")
        values += list(params)
    return clauses, values


# Counts per day ------------------------------------------------------------------------------


def timeline(series: dict[str, Iterable[tuple[str, int]]]) -> dict[str, Any]:
    """{"days": [every day from the first to the last], "series": {name: [count per day]}} from (day, count) pairs."""
    counts = {name: {day: n for day, n in pairs if _is_day(day)} for name, pairs in series.items()}
    days = sorted({day for found in counts.values() for day in found})
    if not days:
        return {"days": [], "series": {name: [] for name in counts}}
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    every = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    return {"days": every, "series": {name: [found.get(day, 0) for day in every] for name, found in counts.items()}}


def _is_day(value: str | None) -> bool:
    if not value or len(value) != DATE_WORDS:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def day_counts(store: Store, sql: str, params: Sequence[Any] = ()) -> list[tuple[str, int]]:
    """(day, count) from `sql`, which selects `day` and `n`."""
    return [(row["day"], int(row["n"])) for row in store._execute(sql, params)]


def article_days(store: Store, filters: Filters = Filters()) -> list[tuple[str, int]]:
    clauses, params = filters.where()
    return day_counts(store, f"SELECT {DAY} AS day, count(*) AS n FROM articles a{_and(clauses)} GROUP BY {DAY} ORDER BY day", params)


def search_days(store: Store, text: str, facets: query.Facets, *, cap: int = query.COUNT_LIMIT) -> list[tuple[str, int]]:
    """Matching articles per day, from the sort keys in the index (newest `cap` matches)."""
    terms = search.parse_query(text)
    if not terms:
        return []
    low, high = facets.key_range()
    top = store._top(query.Match(terms, facets.token_groups(), low, high), sort="date", offset=0, limit=cap)
    counts = Counter(key // query.PK_SPAN for key, _ in top)
    return [(f"{n // 10000:04d}-{n // 100 % 100:02d}-{n % 100:02d}", c) for n, c in sorted(counts.items()) if n]


# Lists for the forms ----------------------------------------------------------------------------


def sources(store: Store) -> list[tuple[str, int]]:
    cursor = store._execute("SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY n DESC, source")
    return [(row["source"], int(row["n"])) for row in cursor]


def date_span(store: Store) -> tuple[str | None, str | None]:
    row = store._execute(f"SELECT min({DAY}) AS first, max({DAY}) AS last FROM articles a WHERE a.date IS NOT NULL").fetchone()
    return (row["first"], row["last"]) if row else (None, None)


def event_types(store: Store) -> list[tuple[str, int]]:
    return [(row["type"], int(row["n"])) for row in store._execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC")]


def modalities(store: Store) -> list[tuple[str, int]]:
    cursor = store._execute("SELECT modality, count(*) AS n FROM events GROUP BY modality ORDER BY n DESC")
    return [(row["modality"], int(row["n"])) for row in cursor]


# Speakers and quotes ------------------------------------------------------------------------------


def _names(store: Store, table: str, key_column: str, name_column: str, keys: Sequence[str]) -> dict[str, str]:
    """The name most often written for each key."""
    if not keys:
        return {}
    marks = ", ".join("?" * len(keys))
    cursor = store._execute(
        f"SELECT {key_column} AS k, {name_column} AS name, count(*) AS n FROM {table} WHERE {key_column} IN ({marks})"
        f" GROUP BY {key_column}, {name_column}",
        list(keys),
    )
    best: dict[str, tuple[int, str]] = {}
    for row in cursor:
        if row["name"] and (row["k"] not in best or int(row["n"]) > best[row["k"]][0]):
            best[row["k"]] = (int(row["n"]), row["name"])
    return {key: found[1] for key, found in best.items()}


def speakers(store: Store, filters: Filters = Filters(), *, offset: int = 0, limit: int = 50, name: str | None = None) -> Page:
    """Speakers by number of quotes (in the filters), with the articles they are quoted in."""
    column = person_key(store, "quotes")
    clauses, params = filters.where()
    clauses.insert(0, f"q.{column} IS NOT NULL")
    if name:
        clauses.append(f"q.{column} LIKE ? ESCAPE '\\'")
        params.append("%" + rows.escape_like(search.name_key(name)) + "%")
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{_and(clauses)}"
    total = int(store._scalar(f"SELECT count(DISTINCT q.{column}) AS value {base}", params) or 0)
    cursor = store._execute(
        f"SELECT q.{column} AS k, count(*) AS n, count(DISTINCT q.article_id) AS m {base} GROUP BY q.{column}"
        f" ORDER BY n DESC, k LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    found = [(row["k"], int(row["n"]), int(row["m"])) for row in cursor]
    names = _names(store, "quotes", column, "speaker_name", [key for key, _, _ in found])
    return Page(items=[Named(key, names.get(key, key), n, m) for key, n, m in found], total=total, offset=offset, limit=limit)


def speaker_name(store: Store, key: str) -> str | None:
    column = person_key(store, "quotes")
    return _names(store, "quotes", column, "speaker_name", [key]).get(key)


def speaker_quotes(
    store: Store, key: str, filters: Filters = Filters(), *, text: str | None = None, direct: bool | None = None, offset: int = 0, limit: int = 50
) -> Page:
    """A speaker's quotes, oldest first, with their articles' title, date and source."""
    column = person_key(store, "quotes")
    clauses, params = filters.where()
    clauses.insert(0, f"q.{column} = ?")
    params.insert(0, key)
    if direct is not None:
        clauses.append("q.direct = ?")
        params.append(direct)
    rows_found = store._execute(
        "SELECT q.article_id, q.start, q.\"end\", q.text, q.direct, q.speaker_name, a.title, a.date, a.source"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id{_and(clauses)} ORDER BY a.date IS NULL, a.date, a.pk, q.start",
        params,
    ).fetchall()
    found = [dict(row) for row in rows_found]
    if text:
        wanted = normalize(text)
        found = [row for row in found if wanted in normalize(row["text"])]
    return Page(items=found[offset : offset + limit], total=len(found), offset=offset, limit=limit)


def speaker_days(store: Store, key: str) -> list[tuple[str, int]]:
    column = person_key(store, "quotes")
    return day_counts(
        store, f"SELECT {DAY} AS day, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.{column} = ?"
        f" GROUP BY {DAY} ORDER BY day", (key,),
    )


def speaker_sources(store: Store, key: str) -> list[tuple[str, int]]:
    column = person_key(store, "quotes")
    cursor = store._execute(
        f"SELECT a.source AS source, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.{column} = ?"
        " AND a.source IS NOT NULL GROUP BY a.source ORDER BY n DESC",
        (key,),
    )
    return [(row["source"], int(row["n"])) for row in cursor]


# Entities -----------------------------------------------------------------------------------------


def co_mentioned(store: Store, article_sql: str, params: Sequence[Any], *, label: str | None = "PERS", exclude: Sequence[str] = (), limit: int = 15) -> list[Named]:
    """Entities (of `label`) named in the articles `article_sql` selects, by number of those articles."""
    column = person_key(store, "entities")
    clauses = [f"e.article_id IN ({article_sql})", f"e.{column} IS NOT NULL", f"e.{column} <> ''"]
    values: list[Any] = list(params)
    if label:
        clauses.append("e.label = ?")
        values.append(label)
    if exclude:
        clauses.append(f"e.{column} NOT IN ({', '.join('?' * len(exclude))})")
        values += list(exclude)
    cursor = store._execute(
        f"SELECT e.{column} AS k, min(e.label) AS label, count(DISTINCT e.article_id) AS m, count(*) AS n FROM entities e{_and(clauses)}"
        f" GROUP BY e.{column} ORDER BY m DESC, n DESC, k LIMIT ?",
        [*values, limit],
    )
    found = [(row["k"], row["label"], int(row["n"]), int(row["m"])) for row in cursor]
    names = _names(store, "entities", column, "text", [key for key, *_ in found])
    return [Named(key, names.get(key, key), n, m, {"label": label_}) for key, label_, n, m in found]


def entity_summary(store: Store, key: str) -> Named | None:
    column = person_key(store, "entities")
    row = store._execute(
        f"SELECT min(label) AS label, count(*) AS n, count(DISTINCT article_id) AS m FROM entities WHERE {column} = ?", (key,)
    ).fetchone()
    if not row or not row["n"]:
        return None
    labels = Counter({r["label"]: int(r["n"]) for r in store._execute(f"SELECT label, count(*) AS n FROM entities WHERE {column} = ? GROUP BY label", (key,))})
    name = _names(store, "entities", column, "text", [key]).get(key, key)
    return Named(key, name, int(row["n"]), int(row["m"]), {"label": labels.most_common(1)[0][0]})


def entity_days(store: Store, key: str) -> list[tuple[str, int]]:
    column = person_key(store, "entities")
    return day_counts(
        store, f"SELECT {DAY} AS day, count(*) AS n FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.{column} = ?"
        f" GROUP BY {DAY} ORDER BY day", (key,),
    )


def entity_mentions(store: Store, key: str, *, offset: int = 0, limit: int = 50) -> Page:
    """The articles naming an entity, newest first, with the first mention's offsets in each."""
    column = person_key(store, "entities")
    total = int(store._scalar(f"SELECT count(DISTINCT article_id) AS value FROM entities WHERE {column} = ?", (key,)) or 0)
    cursor = store._execute(
        f"SELECT e.article_id, min(e.start) AS start, count(*) AS n, a.title, a.date, a.source FROM entities e JOIN articles a ON a.id = e.article_id"
        f" WHERE e.{column} = ? GROUP BY e.article_id, a.title, a.date, a.source, a.pk ORDER BY a.date IS NULL, a.date DESC, a.pk LIMIT ? OFFSET ?",
        (key, limit, offset),
    )
    return Page(items=[dict(row) for row in cursor], total=total, offset=offset, limit=limit)


def entity_articles_sql(store: Store) -> str:
    return f"SELECT article_id FROM entities WHERE {person_key(store, 'entities')} = ?"


def speaker_articles_sql(store: Store) -> str:
    return f"SELECT article_id FROM quotes WHERE {person_key(store, 'quotes')} = ?"


def entities(store: Store, *, label: str | None = None, name: str | None = None, offset: int = 0, limit: int = 50) -> Page:
    """Entities by the number of articles naming them."""
    column = person_key(store, "entities")
    clauses, params = [f"{column} IS NOT NULL", f"{column} <> ''"], []
    if label:
        clauses.append("label = ?")
        params.append(label)
    if name:
        clauses.append(f"{column} LIKE ? ESCAPE '\\'")
        params.append("%" + rows.escape_like(search.name_key(name)) + "%")
    total = int(store._scalar(f"SELECT count(DISTINCT {column}) AS value FROM entities{_and(clauses)}", params) or 0)
    cursor = store._execute(
        f"SELECT {column} AS k, min(label) AS label, count(*) AS n, count(DISTINCT article_id) AS m FROM entities{_and(clauses)}"
        f" GROUP BY {column} ORDER BY m DESC, n DESC, k LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    found = [(row["k"], row["label"], int(row["n"]), int(row["m"])) for row in cursor]
    names = _names(store, "entities", column, "text", [key for key, *_ in found])
    return Page(items=[Named(key, names.get(key, key), n, m, {"label": label_}) for key, label_, n, m in found], total=total, offset=offset, limit=limit)


# Places -------------------------------------------------------------------------------------------

# A place is its gazetteer id, else its English name and country when resolved, else its Arabic key:
# one row per place, however often and however it is written ("السعودية", "المملكة العربية السعودية").
PLACE_REF = (
    "CASE WHEN p.geonames_id IS NOT NULL THEN CAST(p.geonames_id AS TEXT)"
    " WHEN p.name IS NOT NULL THEN p.name || ', ' || COALESCE(p.country_code, '') ELSE p.key END"
)


def places(store: Store, filters: Filters = Filters(), *, article_sql: str | None = None, params: Sequence[Any] = (), offset: int = 0, limit: int = 50) -> Page:
    """Places by number of mentions: one row per place, with its name, country, kind and coordinates."""
    clauses, values = _narrowed(filters, "p", article_sql, params)
    base = f"FROM places p JOIN articles a ON a.id = p.article_id{_and(clauses)}"
    total = int(store._scalar(f"SELECT count(DISTINCT {PLACE_REF}) AS value {base}", values) or 0)
    cursor = store._execute(
        f"SELECT {PLACE_REF} AS ref, max(p.name) AS name, max(p.country_code) AS country_code, max(p.kind) AS kind, max(p.lat) AS lat,"
        f" max(p.lon) AS lon, count(*) AS n, count(DISTINCT p.article_id) AS m {base} GROUP BY {PLACE_REF} ORDER BY n DESC, ref LIMIT ? OFFSET ?",
        [*values, limit, offset],
    )
    found = [dict(row) for row in cursor]
    texts = _place_texts(store, [row["ref"] for row in found])
    for row in found:
        row["text"] = texts.get(row["ref"], row["name"] or row["ref"])
    return Page(items=found, total=total, offset=offset, limit=limit)


def _place_texts(store: Store, refs: Sequence[str]) -> dict[str, str]:
    """The Arabic text most often written for each place."""
    if not refs:
        return {}
    marks = ", ".join("?" * len(refs))
    cursor = store._execute(
        f"SELECT {PLACE_REF} AS ref, p.text AS text, count(*) AS n FROM places p WHERE {PLACE_REF} IN ({marks}) GROUP BY {PLACE_REF}, p.text",
        list(refs),
    )
    best: dict[str, tuple[int, str]] = {}
    for row in cursor:
        if row["ref"] not in best or int(row["n"]) > best[row["ref"]][0]:
            best[row["ref"]] = (int(row["n"]), row["text"])
    return {ref: found[1] for ref, found in best.items()}


def place(store: Store, ref: str) -> dict[str, Any] | None:
    found = places(store, article_sql=f"SELECT article_id FROM places p WHERE {PLACE_REF} = ?", params=(ref,), limit=10_000).items
    return next((row for row in found if row["ref"] == ref), None)


def place_keys(store: Store, ref: str) -> list[str]:
    """The Arabic keys a place is written with (its events are keyed by them)."""
    return [row["key"] for row in store._execute(f"SELECT DISTINCT p.key AS key FROM places p WHERE {PLACE_REF} = ?", (ref,))]


def place_articles_sql() -> str:
    return f"SELECT article_id FROM places p WHERE {PLACE_REF} = ?"


def place_days(store: Store, ref: str) -> list[tuple[str, int]]:
    return day_counts(
        store, f"SELECT {DAY} AS day, count(*) AS n FROM places p JOIN articles a ON a.id = p.article_id WHERE {PLACE_REF} = ?"
        f" GROUP BY {DAY} ORDER BY day", (ref,),
    )


def place_mentions(store: Store, ref: str, *, offset: int = 0, limit: int = 50) -> Page:
    total = int(store._scalar(f"SELECT count(DISTINCT p.article_id) AS value FROM places p WHERE {PLACE_REF} = ?", (ref,)) or 0)
    cursor = store._execute(
        f"SELECT p.article_id, min(p.idx) AS idx, count(*) AS n, a.title, a.date, a.source FROM places p JOIN articles a ON a.id = p.article_id"
        f" WHERE {PLACE_REF} = ? GROUP BY p.article_id, a.title, a.date, a.source, a.pk ORDER BY a.date IS NULL, a.date DESC, a.pk LIMIT ? OFFSET ?",
        (ref, limit, offset),
    )
    return Page(items=[dict(row) for row in cursor], total=total, offset=offset, limit=limit)


def place_ref(place: dict[str, Any], key: str) -> str:
    """PLACE_REF of a place of an analysis (`key`: its text's place key), for links from the article page."""
    if place.get("geonames_id") is not None:
        return str(place["geonames_id"])
    if place.get("name"):
        return f"{place['name']}, {place.get('country_code') or ''}"
    return key


EVIDENCE_CHARS = 400
# Events -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilters(Filters):
    type: str | None = None
    modality: str | None = None
    place: str | None = None  # a place ref (gazetteer id or key), an English name or Arabic text

    def where(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        clauses, params = Filters.where(self, alias)
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.place:
            clauses.append("(e.place_key = ? OR lower(e.place_name) = lower(?) OR e.place_key IN (SELECT p.key FROM places p WHERE " + PLACE_REF + " = ?))")
            params += [rows.place_key(self.place), self.place.strip(), self.place.strip()]
        return clauses, params


EVENT_COLUMNS = (
    "e.article_id, e.idx, e.type, e.modality, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.source_actor, e.target_actor,"
    " e.place_name, e.place_text, e.place_key, e.lat, e.lon, e.date AS event_date, a.title, a.date, a.source,"
    # The evidence sentence (substr counts from 1 in both dialects), capped: a page shows an excerpt.
    f" substr(a.text, e.sentence_start + 1, CASE WHEN e.sentence_end - e.sentence_start > {EVIDENCE_CHARS} THEN {EVIDENCE_CHARS}"
    " ELSE e.sentence_end - e.sentence_start END) AS sentence"
)


def events(store: Store, filters: EventFilters = EventFilters(), *, article_sql: str | None = None, params: Sequence[Any] = (), offset: int = 0, limit: int = 50) -> Page:
    """Events, newest article first, narrowed by type, modality, place, dates and source."""
    clauses, values = _narrowed(filters, "e", article_sql, params)
    base = f"FROM events e JOIN articles a ON a.id = e.article_id{_and(clauses)}"
    total = int(store._scalar(f"SELECT count(*) AS value {base}", values) or 0)
    cursor = store._execute(
        f"SELECT {EVENT_COLUMNS} {base} ORDER BY a.date IS NULL, a.date DESC, a.pk, e.idx LIMIT ? OFFSET ?", [*values, limit, offset]
    )
    return Page(items=[dict(row) for row in cursor], total=total, offset=offset, limit=limit)


def event_days(store: Store, filters: EventFilters = EventFilters(), *, article_sql: str | None = None, params: Sequence[Any] = ()) -> list[tuple[str, int]]:
    clauses, values = _narrowed(filters, "e", article_sql, params)
    return day_counts(store, f"SELECT {DAY} AS day, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id{_and(clauses)} GROUP BY {DAY} ORDER BY day", values)


def event_points(store: Store, filters: EventFilters = EventFilters(), *, article_sql: str | None = None, params: Sequence[Any] = (), limit: int = 2000) -> list[dict[str, Any]]:
    """Where events happened: one point per place with coordinates, with the number of events and their types."""
    clauses, values = _narrowed(filters, "e", article_sql, params)
    clauses.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    cursor = store._execute(
        f"SELECT e.lat, e.lon, max(e.place_name) AS name, max(e.place_text) AS text, max(e.place_key) AS key, e.type, count(*) AS n"
        f" FROM events e JOIN articles a ON a.id = e.article_id{_and(clauses)} GROUP BY e.lat, e.lon, e.type ORDER BY n DESC LIMIT ?",
        [*values, limit],
    )
    points: dict[tuple[float, float], dict[str, Any]] = {}
    for row in cursor:
        point = points.setdefault((row["lat"], row["lon"]), {"lat": row["lat"], "lon": row["lon"], "name": row["text"] or row["name"], "key": row["key"], "n": 0, "types": {}})
        point["n"] += int(row["n"])
        point["types"][row["type"]] = int(row["n"])
    return list(points.values())


# Stories ------------------------------------------------------------------------------------------


def stories(store: Store, filters: Filters = Filters(), *, offset: int = 0, limit: int = 20, min_size: int = 1) -> Page:
    """Stories, latest first (by their last article), then the largest."""
    if not has_stories(store):
        return Page(items=[], total=0, offset=offset, limit=limit)
    clauses, params = ["s.size >= ?"], [min_size]
    if filters.date_from:
        clauses.append("s.end_date >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("s.start_date <= ?")
        params.append(filters.date_to)
    total = int(store._scalar(f"SELECT count(*) AS value FROM stories s{_and(clauses)}", params) or 0)
    cursor = store._execute(
        f"SELECT s.id, s.title, s.start_date, s.end_date, s.size FROM stories s{_and(clauses)} ORDER BY s.end_date DESC, s.size DESC, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    found = [dict(row) for row in cursor]
    if found:
        ids = [row["id"] for row in found]
        marks = ", ".join("?" * len(ids))
        outlets: dict[str, Counter[str]] = {story_id: Counter() for story_id in ids}
        days: dict[str, list[tuple[str, int]]] = {story_id: [] for story_id in ids}
        for row in store._execute(
            f"SELECT sa.story_id, a.source, count(*) AS n FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            f" WHERE sa.story_id IN ({marks}) GROUP BY sa.story_id, a.source",
            ids,
        ):
            outlets[row["story_id"]][row["source"] or "?"] += int(row["n"])
        for row in store._execute(
            f"SELECT story_id, date AS day, count(*) AS n FROM story_articles WHERE story_id IN ({marks}) GROUP BY story_id, date ORDER BY date", ids
        ):
            days[row["story_id"]].append((str(row["day"])[:DATE_WORDS], int(row["n"])))
        for row in found:
            row["outlets"] = outlets[row["id"]].most_common()
            row["days"] = days[row["id"]]
    return Page(items=found, total=total, offset=offset, limit=limit)


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story with its articles by date and arrival, each with `copies` (the articles that copy it) folded in."""
    if not has_stories(store):
        return None
    head = store._execute("SELECT id, title, start_date, end_date, size FROM stories WHERE id = ?", (story_id,)).fetchone()
    if head is None:
        return None
    found = dict(head)
    articles = [
        dict(row)
        for row in store._execute(
            "SELECT sa.article_id AS id, sa.copy_of, sa.date AS day, a.title, a.date, a.source FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ? ORDER BY sa.date, sa.ord",
            (story_id,),
        )
    ]
    by_id = {article["id"]: {**article, "copies": []} for article in articles}
    originals = []
    for article in by_id.values():
        original = by_id.get(article["copy_of"] or "")
        if original is not None and original is not article:
            original["copies"].append(article)
        else:
            originals.append(article)
    found["articles"] = originals
    found["outlets"] = Counter(article["source"] or "?" for article in articles).most_common()
    found["days"] = Counter(str(article["day"])[:DATE_WORDS] for article in articles)
    return found


def story_articles_sql(*, originals: bool = False) -> str:
    """The articles of a story (a `?` for its id); `originals`: without the wire copies, whose facts repeat their original's."""
    return "SELECT article_id FROM story_articles WHERE story_id = ?" + (" AND copy_of IS NULL" if originals else "")


def speakers_in(store: Store, article_sql: str, params: Sequence[Any], *, limit: int = 20) -> list[Named]:
    """Speakers quoted in the articles `article_sql` selects, by number of quotes."""
    column = person_key(store, "quotes")
    cursor = store._execute(
        f"SELECT {column} AS k, count(*) AS n, count(DISTINCT article_id) AS m FROM quotes WHERE article_id IN ({article_sql})"
        f" AND {column} IS NOT NULL GROUP BY {column} ORDER BY n DESC, k LIMIT ?",
        [*params, limit],
    )
    found = [(row["k"], int(row["n"]), int(row["m"])) for row in cursor]
    names = _names(store, "quotes", column, "speaker_name", [key for key, _, _ in found])
    return [Named(key, names.get(key, key), n, m) for key, n, m in found]


def quotes_in(store: Store, article_sql: str, params: Sequence[Any], *, limit: int = 100) -> list[dict[str, Any]]:
    column = person_key(store, "quotes")
    cursor = store._execute(
        f"SELECT q.article_id, q.start, q.text, q.direct, q.speaker_name, q.{column} AS k, a.source, a.date FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" WHERE q.article_id IN ({article_sql}) ORDER BY a.date, a.pk, q.start LIMIT ?",
        [*params, limit],
    )
    return [dict(row) for row in cursor]


def place_points(page: Page) -> list[dict[str, Any]]:
    """Map points of a page of places: those with coordinates."""
    return [
        {"lat": row["lat"], "lon": row["lon"], "name": row["text"], "ref": row["ref"], "n": row["n"], "kind": row["kind"]}
        for row in page.items
        if row.get("lat") is not None and row.get("lon") is not None
    ]


def resolve_speaker(store: Store, name_key: str) -> str | None:
    """The key a speaker is listed under, from the normalized name key of one of their quotes (the article page knows only names)."""
    column = person_key(store, "quotes")
    return store._scalar(f"SELECT {column} AS value FROM quotes WHERE speaker_key = ? AND {column} IS NOT NULL LIMIT 1", (name_key,))
