"""`marsad speakers`: who is quoted most, one line per identity (spellings folded), in a date range."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..store import listing
from .common import db_option, open_store
from .facets import facet_options, paging_options, report_page


@click.command()
@db_option
@facet_options
@paging_options
@click.option("--json", "--jsonl", "as_json", is_flag=True, help="One JSON object per speaker (JSONL).")
def speakers(
    db_path: str, date_from: str | None, date_to: str | None, source: str | None, topic: str | None, place: str | None,
    limit: int, offset: int, as_json: bool,
) -> None:
    """Speakers by number of quotes, most quoted first: key, name, quotes, articles, first and last date.

    One speaker is one identity: its spellings and a surname used alone count together. The total
    number of speakers goes to stderr; page through them with --offset and --limit.
    """
    filters = listing.Filters(date_from=date_from, date_to=date_to, source=source, topic=topic, place=place)
    with open_store(db_path) as store:
        page = listing.speakers(store, filters, limit=limit, offset=offset)
    for record in page.items:
        if as_json:
            click.echo(json.dumps(asdict(record), ensure_ascii=False))
        else:
            click.echo(f"{record.quotes}\t{record.articles}\t{record.name}\t{record.kind}\t{record.first_date or ''}\t{record.last_date or ''}\t{record.key}")
    report_page(page, "speakers")
