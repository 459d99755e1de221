"""`marsad events`: list events, or export them as GDELT-like TSV."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

import click

from ..store import EventRecord, listing
from .common import db_option, open_store
from .facets import facet_options, paging_options, report_page

TSV_COLUMNS = (
    "article_id", "date", "type", "source_actor", "target_actor", "place", "lat", "lon",
    "modality", "trigger", "sentence_start", "sentence_end",
)


@click.command()
@db_option
@click.option("--type", "event_type", help="Only events of this type.")
@facet_options
@paging_options
@click.option("--tsv", is_flag=True, help="GDELT-like tab-separated export with a header row.")
@click.option("--json", "--jsonl", "as_json", is_flag=True, help="One JSON object per event (JSONL).")
def events(
    db_path: str, event_type: str | None, date_from: str | None, date_to: str | None, source: str | None, topic: str | None,
    place: str | None, limit: int, offset: int, tsv: bool, as_json: bool,
) -> None:
    """List events with their modality, actors, place and evidence offsets.

    The total number of matches goes to stderr; page through them with --offset and --limit
    (`marsad export --format gdelt` writes them all).
    """
    if tsv and as_json:
        raise click.UsageError("--tsv and --json cannot be combined")
    filters = listing.Filters(event_type=event_type, date_from=date_from, date_to=date_to, source=source, topic=topic, place=place)
    with open_store(db_path) as store:
        page = listing.events(store, filters, limit=limit, offset=offset)
    records = page.items
    if tsv:
        click.echo(to_tsv(records), nl=False)
    else:
        for record in records:
            if as_json:
                click.echo(json.dumps(asdict(record), ensure_ascii=False))
            else:
                actors = " -> ".join(actor for actor in (record.source_actor, record.target_actor) if actor)
                click.echo(f"{record.article_id}\t{record.date or ''}\t{record.type}\t{record.modality}\t{actors}\t{record.place or ''}\t{record.trigger}")
    report_page(page, "events")


def to_tsv(records: Iterable[EventRecord]) -> str:
    """Events as TSV: a header row, then one row per event; tabs and newlines in fields become spaces."""
    lines = ["\t".join(TSV_COLUMNS)]
    for record in records:
        values = asdict(record)
        lines.append("\t".join(_cell(values[column]) for column in TSV_COLUMNS))
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())
