"""Facet and paging options shared by the listing commands (`quotes`, `events`, `speakers`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from ..store.listing import DEFAULT_LIMIT, Page

F = TypeVar("F", bound=Callable[..., Any])


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def facet_options(function: F) -> F:
    """Adds `--from`, `--to`, `--source`, `--topic`, `--place` (keyword arguments date_from, date_to, source, topic, place)."""
    options = [
        click.option("--from", "date_from", metavar="DATE", callback=_iso_date, help="Only articles dated on or after DATE (YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", callback=_iso_date, help="Only articles dated on or before DATE (YYYY-MM-DD)."),
        click.option("--source", help="Only articles from this outlet (as ingested, e.g. 'alriyadh')."),
        click.option("--topic", help="Only articles of this topic (e.g. 'economy', 'sport')."),
        click.option("--place", help="Only what happened at / articles naming this place (English name or Arabic, any spelling)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def paging_options(function: F) -> F:
    """Adds `--limit N` and `--offset N`."""
    function = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Skip this many matches.")(function)
    return click.option("--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True, help="Show at most this many matches.")(function)


def report_page(page: Page[Any], noun: str) -> None:
    """'showing 1-100 of 532 quotes' on stderr, so that a reader knows there is more to page through."""
    if not page.items:
        click.echo(f"no {noun}" + (f" (offset {page.offset} of {page.total})" if page.total else ""), err=True)
        return
    click.echo(f"showing {page.offset + 1}-{page.offset + len(page.items)} of {page.total} {noun}", err=True)
