"""Analysis -> table rows, and table rows -> records: the part of storing that no SQL dialect changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..arabic.normalize import normalize
from ..identities.article import ArticleIdentities, article_identities
from . import search
from .records import EventRecord, QuoteRecord

EXCERPT_CHARS = 120

# The layer tables, written once for both backends: (column, type) in the order of the tuples
# `layer_rows` builds. Types are portable names that each backend maps to its own
# (`layer_schema`); "!" marks NOT NULL.
LAYER_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "entities": (
        ("article_id", "text!"), ("start", "int!"), ("end", "int!"), ("text", "text!"), ("label", "text!"), ("entity_id", "text"),
        ("key", "text!"), ("identity_key", "text"),
    ),
    "quotes": (
        ("article_id", "text!"), ("start", "int!"), ("end", "int!"), ("text", "text!"), ("direct", "bool!"), ("speaker_name", "text"),
        ("speaker_key", "text"), ("speaker_type", "text!"), ("entity_id", "text"), ("identity_key", "text"),
    ),
    "places": (
        ("article_id", "text!"), ("idx", "int!"), ("start", "int!"), ("end", "int!"), ("text", "text!"), ("name", "text"),
        ("country_code", "text"), ("lat", "real"), ("lon", "real"), ("geonames_id", "bigint"), ("kind", "text"), ("key", "text!"),
    ),
    "events": (
        ("article_id", "text!"), ("idx", "int!"), ("type", "text!"), ("modality", "text!"), ("trigger_start", "int!"),
        ("trigger_end", "int!"), ("trigger_text", "text!"), ("sentence_start", "int!"), ("sentence_end", "int!"),
        ("source_actor", "text"), ("source_entity_id", "text"), ("target_actor", "text"), ("target_entity_id", "text"),
        ("place_name", "text"), ("place_text", "text"), ("place_key", "text"), ("lat", "real"), ("lon", "real"), ("date", "text"),
    ),
}
LAYER_COLUMNS = {table: tuple(name for name, _ in columns) for table, columns in LAYER_TABLES.items()}
# (index, table, column): what the search and listing queries look up.
LAYER_INDEXES = (
    ("quotes_article", "quotes", "article_id"),
    ("quotes_speaker", "quotes", "speaker_key"),
    ("entities_article", "entities", "article_id"),
    ("places_article", "places", "article_id"),
    ("events_article", "events", "article_id"),
    ("events_type", "events", "type"),
)

Row = tuple[Any, ...]


@dataclass(slots=True)
class LayerRows:
    """The rows one analysis adds to each layer table, keyed by table name as in LAYER_COLUMNS."""

    entities: list[Row]
    quotes: list[Row]
    places: list[Row]
    events: list[Row]
    identities: ArticleIdentities  # not a table: what `derived.write` counts

    def tables(self) -> dict[str, list[Row]]:
        return {"entities": self.entities, "quotes": self.quotes, "places": self.places, "events": self.events}


def _column(name: str) -> str:
    return f'"{name}"' if name == "end" else name  # a keyword in both dialects


def insert_statement(table: str) -> str:
    """`INSERT INTO table (...) VALUES (?, ...)` for a layer table."""
    columns = LAYER_COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(map(_column, columns))}) VALUES ({', '.join('?' * len(columns))})"


def layer_schema(types: Mapping[str, str]) -> str:
    """CREATE statements of the layer tables and their indexes in one backend's SQL; `types` maps
    the portable type names of `LAYER_TABLES` ("int", "bigint", "real", "bool", "text") to its own.
    Every row belongs to an article and goes with it."""
    statements = []
    for table, columns in LAYER_TABLES.items():
        definitions = []
        for name, kind in columns:
            definition = f"    {_column(name)} {types[kind.rstrip('!')]}" + (" NOT NULL" if kind.endswith("!") else "")
            if name == "article_id":
                definition += " REFERENCES articles(id) ON DELETE CASCADE"
            definitions.append(definition)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n" + ",\n".join(definitions) + "\n);")
    statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table}({column});" for name, table, column in LAYER_INDEXES]
    return "\n".join(statements)


def layer_rows(article_id: str, record: Mapping[str, Any]) -> LayerRows:
    """The layer rows of one analysis; a malformed analysis raises KeyError, TypeError, IndexError and the like."""
    text: str = record["text"]
    found = article_identities(record)
    entities = [
        (
            article_id, ent["start"], ent["end"], text[ent["start"] : ent["end"]], ent["label"], ent.get("entity_id"),
            search.name_key(text[ent["start"] : ent["end"]]), identity,
        )
        for ent, identity in zip(record.get("entities") or [], found.entity_keys, strict=True)
    ]
    quotes = []
    for quote, identity in zip(record.get("quotes") or [], found.quote_keys, strict=True):
        speaker = quote.get("speaker") or {}
        name = speaker.get("name")
        quotes.append(
            (
                article_id, quote["start"], quote["end"], text[quote["start"] : quote["end"]], bool(quote.get("direct")),
                name, search.name_key(name) if name else None, speaker.get("type") or "unresolved", speaker.get("entity_id"), identity,
            )
        )
    places = list(record.get("places") or [])
    place_rows = [
        (
            article_id, index, place["start"], place["end"], text[place["start"] : place["end"]], place.get("name"), place.get("country_code"),
            place.get("lat"), place.get("lon"), place.get("geonames_id"), place.get("kind"), place_key(text[place["start"] : place["end"]]),
        )
        for index, place in enumerate(places)
    ]
    events = []
    for index, event in enumerate(record.get("events") or []):
        trigger = event["trigger"]
        sentence = event.get("sentence") or trigger
        source = event.get("source") or {}
        target = event.get("target") or {}
        place_index = event.get("place")
        place = places[place_index] if isinstance(place_index, int) and 0 <= place_index < len(places) else None
        place_text = text[place["start"] : place["end"]] if place else None
        events.append(
            (
                article_id, index, event["type"], event.get("modality") or "happened",
                trigger["start"], trigger["end"], text[trigger["start"] : trigger["end"]], sentence["start"], sentence["end"],
                source.get("name"), source.get("entity_id"), target.get("name"), target.get("entity_id"),
                place.get("name") if place else None, place_text, place_key(place_text) if place_text else None,
                place.get("lat") if place else None, place.get("lon") if place else None, event.get("date"),
            )
        )
    return LayerRows(entities, quotes, place_rows, events, found)


def quote_record(row: Mapping[str, Any]) -> QuoteRecord:
    """A quote row joined with its article's title and date (`article_title`, `article_date`)."""
    return QuoteRecord(
        article_id=row["article_id"], article_title=row["article_title"], date=row["article_date"],
        start=row["start"], end=row["end"], text=row["text"], direct=bool(row["direct"]),
        speaker_name=row["speaker_name"], speaker_type=row["speaker_type"], entity_id=row["entity_id"],
        identity_key=row["identity_key"], source=row["article_source"] if "article_source" in row.keys() else None,
    )


def event_record(row: Mapping[str, Any]) -> EventRecord:
    """An event row joined with its article's date (`article_date`), the fallback for the event's own."""
    return EventRecord(
        article_id=row["article_id"], date=row["date"] or row["article_date"], type=row["type"], modality=row["modality"],
        trigger_start=row["trigger_start"], trigger_end=row["trigger_end"], trigger=row["trigger_text"],
        sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
        source_actor=row["source_actor"], target_actor=row["target_actor"],
        place=row["place_name"] or row["place_text"], place_text=row["place_text"], lat=row["lat"], lon=row["lon"],
    )


def place_key(text: str) -> str:
    """A place's text normalized and without proclitics: 'بجنيف' -> 'جنيف'."""
    return " ".join(search.stem(word) for word in search.WORD.findall(normalize(text)))


def place_matches(query: str, name: str | None, key: str | None) -> bool:
    """True when `query` is the place's English name (any case) or its Arabic text in any spelling."""
    if name and query.strip().casefold() == name.casefold():
        return True
    return bool(key) and place_key(query) == key


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of `text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit] + "…"


def escape_like(value: str) -> str:
    """`value` with LIKE's wildcards escaped by backslash (use with `ESCAPE '\\'`)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
