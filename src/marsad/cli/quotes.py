"""`marsad quotes`: quotes across articles, by speaker identity and facets, with their evidence spans."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..identities.resolve import speaker_filters
from ..store import listing
from .common import db_option, one_line, open_store
from .facets import facet_options, paging_options, report_page


@click.command()
@db_option
@click.option("--speaker", "-s", help="A speaker's name or part of it; spellings fold ('ترمب' finds 'ترامب', 'ترامب' alone is the Trump most quoted).")
@facet_options
@paging_options
@click.option("--json", "--jsonl", "as_json", is_flag=True, help="One JSON object per quote (JSONL).")
def quotes(
    db_path: str, speaker: str | None, date_from: str | None, date_to: str | None, source: str | None, topic: str | None,
    place: str | None, limit: int, offset: int, as_json: bool,
) -> None:
    """Quotes by --speaker and the facets given, with article id, date and the quote's character span.

    The total number of matches goes to stderr; page through them with --offset and --limit.
    """
    with open_store(db_path) as store:
        filters = speaker_filters(store, speaker, date_from=date_from, date_to=date_to, source=source, topic=topic, place=place)
        page = listing.quotes(store, filters, limit=limit, offset=offset)
    for record in page.items:
        if as_json:
            click.echo(json.dumps(asdict(record), ensure_ascii=False))
        else:
            kind = "direct" if record.direct else "indirect"
            click.echo(f"{record.article_id}\t{record.date or ''}\t{record.start}:{record.end}\t{record.speaker_name}\t{kind}\t{one_line(record.text)}")
    if not page.items and speaker and not page.total:
        click.echo(f"no quotes by {speaker!r}", err=True)
        return
    report_page(page, "quotes")
