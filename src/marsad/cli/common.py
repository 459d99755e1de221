"""Options and helpers shared by the commands that use the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..store import DEFAULT_PATH, Store, StoreError

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    """`--db PATH`: the SQLite store (default ./marsad.db, or $MARSAD_DB)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=DEFAULT_PATH,
        envvar="MARSAD_DB",
        show_default=True,
        help="SQLite database file.",
    )(function)


def open_store(db_path: str, *, create: bool = False) -> Store:
    """The store at `db_path`; a missing or broken database is a clean CLI error, not a traceback."""
    try:
        return Store(db_path, create=create)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def one_line(text: str) -> str:
    """`text` with its whitespace runs (newlines included) collapsed to single spaces."""
    return " ".join(text.split())
