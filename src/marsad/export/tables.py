"""The store's tables as rows, read a batch of articles at a time on either backend.

A plain cursor is not enough: psycopg fetches a whole result into memory. Each batch is a range
of article primary keys, so every table is read in ingest order without holding more than one
batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..store.derived import DERIVED_TABLES
from ..store.rows import LAYER_TABLES

if TYPE_CHECKING:
    from ..store import Store

BATCH_ARTICLES = 500
# (column, portable type) of each exported table, as in `rows.LAYER_TABLES`.
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "text!"), ("title", "text"), ("date", "text"), ("source", "text"), ("url", "text"), ("topic", "text"),
    ("content_hash", "text!"), ("ingested_at", "text!"), ("text", "text!"),
)
IDENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "text!"), ("name", "text!"), *((name, kind) for name, kind in DERIVED_TABLES["identities"] if name != "key"),
)
TABLES: dict[str, tuple[tuple[str, str], ...]] = {"articles": ARTICLE_COLUMNS, **LAYER_TABLES, "identities": IDENTITY_COLUMNS}


def batches(store: Store, size: int | None = None) -> Iterator[tuple[int, int]]:
    """Half-open ranges (low, high] of article pks, `size` (default BATCH_ARTICLES) articles each, in ingest order."""
    size = size or BATCH_ARTICLES
    low = 0
    while True:
        found = store._execute("SELECT pk FROM articles WHERE pk > ? ORDER BY pk LIMIT ?", (low, size)).fetchall()
        if not found:
            return
        high = found[-1]["pk"]
        yield low, high
        low = high


def article_rows(store: Store, low: int, high: int) -> list[dict[str, Any]]:
    """Articles with pk in (low, high]: their columns, the URL from the analysis, the topic."""
    rows = []
    for row in store._execute(
        "SELECT a.*, t.topic FROM articles a LEFT JOIN article_topics t ON t.article_id = a.id WHERE a.pk > ? AND a.pk <= ? ORDER BY a.pk",
        (low, high),
    ):
        meta = json.loads(row["analysis"]).get("meta") or {}
        rows.append({name: (meta.get("url") if name == "url" else row[name]) for name, _ in ARTICLE_COLUMNS})
    return rows


def layer_rows(store: Store, table: str, low: int, high: int) -> list[dict[str, Any]]:
    """Rows of a layer table for the articles with pk in (low, high], in article then text order."""
    names = [name for name, _ in LAYER_TABLES[table]]
    order = "t.idx" if "idx" in names else "t.start"
    cursor = store._execute(
        f"SELECT t.* FROM {table} t JOIN articles a ON a.id = t.article_id WHERE a.pk > ? AND a.pk <= ? ORDER BY a.pk, {order}",
        (low, high),
    )
    return [{name: row[name] for name in names} for row in cursor]


def identity_rows(store: Store, size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """The identities table with each one's most frequent spelling, `size` rows at a time, by key."""
    last = ""
    while True:
        found = store._execute(
            "SELECT i.*, (SELECT n.name FROM identity_names n WHERE n.key = i.key ORDER BY n.count DESC, n.name LIMIT 1) AS name"
            " FROM identities i WHERE i.key > ? ORDER BY i.key LIMIT ?",
            (last, size),
        ).fetchall()
        if not found:
            return
        yield [{name: row[name] for name, _ in IDENTITY_COLUMNS} for row in found]
        last = found[-1]["key"]


def table_batches(store: Store, table: str) -> Iterator[list[dict[str, Any]]]:
    """Every row of an exported table, a batch at a time."""
    if table == "identities":
        yield from identity_rows(store)
        return
    for low, high in batches(store):
        yield article_rows(store, low, high) if table == "articles" else layer_rows(store, table, low, high)
