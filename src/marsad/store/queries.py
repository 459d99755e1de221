"""Bounds on what a reader may ask the store: a query too long to run is refused with a clear message."""

from __future__ import annotations

from ..errors import MarsadError

# Far above any name or search (a full name is ~30 characters); SQLite refuses a LIKE pattern of
# 50,000 bytes ("LIKE or GLOB pattern too complex"), and long FTS queries cost time for nothing.
MAX_QUERY_CHARS = 500


class QueryError(MarsadError):
    """A query the store refuses to run; the message says why."""


class Messages:
    TOO_LONG = "{what} is {length:,} characters long; at most {limit:,} are allowed"


def check_query(value: str | None, *, what: str) -> str | None:
    """`value`, or a QueryError when it is too long to run."""
    if value is not None and len(value) > MAX_QUERY_CHARS:
        raise QueryError(Messages.TOO_LONG.format(what=what, length=len(value), limit=MAX_QUERY_CHARS))
    return value
