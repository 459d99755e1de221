"""Opening a store: a postgresql:// (or postgres://) URL selects PostgreSQL, anything else is a SQLite file."""

from __future__ import annotations

from pathlib import Path

from .base import Messages, Store, StoreError
from .sqlite import DEFAULT_PATH, SQLiteStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.lower().startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path = DEFAULT_PATH, *, create: bool = True) -> Store:
    """The store at `target`: a SQLite file path (or ":memory:"), or a PostgreSQL URL.

    With `create=False` a missing database, or one without Marsad's tables, is a StoreError
    instead of a new, empty store.
    """
    if is_postgres_url(target):
        try:
            from .postgres import PostgresStore
        except ModuleNotFoundError as error:
            if not (error.name or "").startswith("psycopg"):
                raise
            raise StoreError(Messages.NO_DRIVER) from error
        return PostgresStore(str(target), create=create)
    return SQLiteStore(target, create=create)
