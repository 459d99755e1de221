"""Options and helpers shared by the commands that use the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import store
from ..store import DEFAULT_PATH, Store, StoreError

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    """`--db PATH|URL`: the store, a SQLite file or a postgresql:// URL (default ./marsad.db, or $MARSAD_DB)."""
    return click.option(
        "--db",
        "db_path",
        metavar="PATH|URL",
        default=DEFAULT_PATH,
        envvar="MARSAD_DB",
        show_default=True,
        help="SQLite database file, or a postgresql:// URL.",
    )(function)


def open_store(db_path: str, *, create: bool = False) -> Store:
    """The store at `db_path` (file or URL); a missing or broken database is a clean CLI error, not a traceback."""
    try:
        return store.open_store(db_path, create=create)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def one_line(text: str) -> str:
    """`text` with its whitespace runs (newlines included) collapsed to single spaces."""
    return " ".join(text.split())
