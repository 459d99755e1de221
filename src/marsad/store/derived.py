"""Tables derived from the analyses, added after schema 1: identities, their spellings, article topics.

New stores create them with the rest; an older file gets them (and the `identity_key` columns of
`quotes` and `entities`) the first time it is opened, filled from its stored analyses, in one
transaction. So does a store whose derived tables were made by older identity rules
(`DERIVED_VERSION`): identity keys are stable for as long as the rules are, and are rebuilt, all
at once, when the rules change. A store that is up to date is only read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..identities.article import ArticleIdentities, article_identities
from ..identities.keys import surname

if TYPE_CHECKING:
    from .base import Store

LOGGER = logging.getLogger(__name__)

# (column, portable type) as in `rows.LAYER_TABLES`; "!" marks NOT NULL.
DERIVED_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    # One row per identity key. `canonical` is the identity this one is read as (a surname alone
    # read as the person who dominates that surname in the store), NULL when itself.
    "identities": (
        ("key", "text!"), ("kind", "text!"), ("first_word", "text!"), ("surname", "text!"), ("patronymic", "bool!"), ("words", "int!"),
        ("quotes", "int!"), ("mentions", "int!"), ("canonical", "text"),
    ),
    "identity_names": (("key", "text!"), ("name", "text!"), ("count", "int!")),
    "article_topics": (("article_id", "text!"), ("topic", "text")),
    "derived_version": (("version", "int!"),),
}
PRIMARY_KEYS = {"identities": "key", "identity_names": "key, name", "article_topics": "article_id", "derived_version": "version"}
# The version of the identity rules (`identities.keys`, `identities.article`) and of the derived
# tables' contents; raise it whenever a rule changes what a stored key or count would be.
DERIVED_VERSION = 1
DERIVED_INDEXES = (
    ("identities_surname", "identities", "surname"),
    ("identities_first_word", "identities", "first_word"),
    ("identities_canonical", "identities", "canonical"),
    ("article_topics_topic", "article_topics", "topic"),
    ("quotes_identity", "quotes", "identity_key, article_id"),
    ("entities_identity", "entities", "identity_key"),
    # Facet queries join every matching row to its article for date and source: an index that
    # holds them (and the pk, SQLite's rowid) answers without reading the articles' long rows.
    ("articles_facets", "articles", "id, date, source"),
    ("articles_date", "articles", "date"),
    ("quotes_facets", "quotes", 'article_id, identity_key, start, "end"'),
    ("events_article_idx", "events", "article_id, idx"),
    ("places_key", "places", "key, article_id"),
    ("places_name", "places", "lower(name), article_id"),
    ("events_place_key", "events", "place_key"),
    ("events_place_name", "events", "lower(place_name)"),
)
# A surname alone is read as one person when that person has at least this many times the
# quotes and mentions of the next one with that surname (Donald, not Melania, for "ترامب"), and
# of all the people whose first name it is ("سعيد" alone is nobody's surname for sure).
DOMINANCE = 2
BIN = "\u0628\u0646"  # "بن": in "محمد بن سلمان" the last word is the father's name, no surname


def schema(types: Mapping[str, str]) -> str:
    """CREATE statements of the derived tables and their indexes in one backend's SQL (see `rows.layer_schema`)."""
    statements = []
    for table, columns in DERIVED_TABLES.items():
        definitions = []
        for name, kind in columns:
            definition = f"    {name} {types[kind.rstrip('!')]}" + (" NOT NULL" if kind.endswith("!") else "")
            if table == "article_topics" and name == "article_id":
                definition += " REFERENCES articles(id) ON DELETE CASCADE"
            definitions.append(definition)
        definitions.append(f"    PRIMARY KEY ({PRIMARY_KEYS[table]})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n" + ",\n".join(definitions) + "\n);")
    statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table}({column});" for name, table, column in DERIVED_INDEXES]
    statements.append(f"INSERT INTO derived_version (version) SELECT {DERIVED_VERSION} WHERE NOT EXISTS (SELECT 1 FROM derived_version);")
    return "\n".join(statements)


# Writing ---------------------------------------------------------------------------------------


def write(store: Store, article_id: str, record: Mapping[str, Any], found: ArticleIdentities) -> None:
    """Count one article's identities and keep its topic; inside the article's write transaction."""
    topic = record.get("topic")
    label = topic.get("label") if isinstance(topic, Mapping) else None
    store._execute("INSERT INTO article_topics (article_id, topic) VALUES (?, ?)", (article_id, label))
    if not found.occurrences:
        return
    store._executemany(
        "INSERT INTO identities (key, kind, first_word, surname, patronymic, words, quotes, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET quotes = identities.quotes + excluded.quotes, mentions = identities.mentions + excluded.mentions",
        [(key, o.kind, *_shape(key), o.quotes, o.mentions) for key, o in sorted(found.occurrences.items())],
    )
    store._executemany(
        "INSERT INTO identity_names (key, name, count) VALUES (?, ?, ?)"
        " ON CONFLICT (key, name) DO UPDATE SET count = identity_names.count + excluded.count",
        [(key, name, count) for key, o in sorted(found.occurrences.items()) for name, count in sorted(o.names.items())],
    )
    # A changed count can change who dominates a surname, as surname or as first name.
    words = {word for key, o in found.occurrences.items() if o.kind == "person" for word in (surname(key), key.split()[0])}
    for word in sorted(words):
        _update_canonical(store, word)


def _shape(key: str) -> tuple[str, str, bool, int]:
    """(first_word, surname, patronymic, words) of a key."""
    words = key.split()
    return words[0], words[-1], len(words) > 2 and words[-2] == BIN, len(words)


def _update_canonical(store: Store, key: str) -> None:
    """Point the one-word identity `key` at the person who dominates that surname, if one does."""
    if store._scalar("SELECT kind AS value FROM identities WHERE key = ?", (key,)) != "person":
        return
    store._execute("UPDATE identities SET canonical = ? WHERE key = ?", (dominant(store, key), key))


def dominant(store: Store, name: str) -> str | None:
    """The full name (two words or more) of the person who dominates the surname `name`, if one does."""
    top = store._execute(
        "SELECT key, quotes + mentions AS n FROM identities WHERE surname = ? AND words >= 2 AND kind = 'person' AND NOT patronymic"
        " ORDER BY quotes + mentions DESC, key LIMIT 2",
        (name,),
    ).fetchall()
    if not top or (len(top) == 2 and top[0]["n"] < DOMINANCE * top[1]["n"]):
        return None
    as_first = store._scalar(
        "SELECT coalesce(sum(quotes + mentions), 0) AS value FROM identities WHERE first_word = ? AND words >= 2 AND kind = 'person'", (name,)
    )
    return top[0]["key"] if top[0]["n"] >= DOMINANCE * as_first else None


# Migrating an older store ----------------------------------------------------------------------


def ensure(store: Store) -> None:
    """Give a store made before the derived tables existed, or by older identity rules, their tables, columns and contents."""
    if _current(store):
        return
    with store._transaction():
        if _current(store):  # another process brought it up to date while we waited
            return
        LOGGER.info("adding identities and topics to %s", store.path)
        for table in ("quotes", "entities"):
            if not _has_column(store, table, "identity_key"):
                store._execute(f"ALTER TABLE {table} ADD COLUMN identity_key TEXT")
        for statement in schema(store.layer_types).split(";"):
            if statement.strip():
                store._execute(statement)
        # Made by older rules: every derived row goes, and is derived again below.
        for table in ("identities", "identity_names", "article_topics"):
            store._execute(f"DELETE FROM {table}")
        store._execute("UPDATE quotes SET identity_key = NULL WHERE identity_key IS NOT NULL")
        store._execute("UPDATE entities SET identity_key = NULL WHERE identity_key IS NOT NULL")
        store._execute("UPDATE derived_version SET version = ?", (DERIVED_VERSION,))
        for row in store._execute("SELECT id, analysis FROM articles ORDER BY pk").fetchall():
            _backfill(store, row["id"], json.loads(row["analysis"]))


def _current(store: Store) -> bool:
    """True when the store's derived tables exist and were made by the rules of this Marsad."""
    if not _has_table(store, "derived_version"):
        return False
    return store._scalar("SELECT max(version) AS value FROM derived_version") == DERIVED_VERSION


def _backfill(store: Store, article_id: str, record: Mapping[str, Any]) -> None:
    found = article_identities(record)
    updates = [
        ("quotes", quote, key) for quote, key in zip(record.get("quotes") or [], found.quote_keys, strict=True) if key is not None
    ] + [("entities", ent, key) for ent, key in zip(record.get("entities") or [], found.entity_keys, strict=True) if key is not None]
    for table, item, key in updates:
        store._execute(
            f'UPDATE {table} SET identity_key = ? WHERE article_id = ? AND start = ? AND "end" = ?',
            (key, article_id, item["start"], item["end"]),
        )
    write(store, article_id, record, found)


def _has_table(store: Store, table: str) -> bool:
    if store.dialect == "sqlite":
        return bool(store._scalar("SELECT count(*) AS value FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)))
    return bool(store._scalar("SELECT to_regclass(?) IS NOT NULL AS value", (table,)))


def _has_column(store: Store, table: str, column: str) -> bool:
    if store.dialect == "sqlite":
        return any(row["name"] == column for row in store._execute(f"PRAGMA table_info({table})"))
    return bool(
        store._scalar(
            "SELECT count(*) AS value FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?",
            (table, column),
        )
    )
