"""`marsad events`: list events, or export them as GDELT-like TSV."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

import click

from ..store import EventRecord
from .common import db_option, open_store

TSV_COLUMNS = (
    "article_id", "date", "type", "source_actor", "target_actor", "place", "lat", "lon",
    "modality", "trigger", "sentence_start", "sentence_end",
)


@click.command()
@db_option
@click.option("--type", "event_type", help="Only events of this type.")
@click.option("--place", help="Only events at this place (English name or Arabic, any spelling).")
@click.option("--tsv", is_flag=True, help="GDELT-like tab-separated export with a header row.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (JSONL).")
def events(db_path: str, event_type: str | None, place: str | None, tsv: bool, as_json: bool) -> None:
    """List events with their modality, actors, place and evidence offsets."""
    if tsv and as_json:
        raise click.UsageError("--tsv and --json cannot be combined")
    with open_store(db_path) as store:
        records = store.events(type=event_type, place=place)
    if tsv:
        click.echo(to_tsv(records), nl=False)
        return
    for record in records:
        if as_json:
            click.echo(json.dumps(asdict(record), ensure_ascii=False))
        else:
            actors = " -> ".join(actor for actor in (record.source_actor, record.target_actor) if actor)
            click.echo(f"{record.article_id}\t{record.date or ''}\t{record.type}\t{record.modality}\t{actors}\t{record.place or ''}\t{record.trigger}")
    if not records:
        click.echo("no events", err=True)


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
