"""`marsad export`: the whole store as JSONL, Parquet or CSV tables, or a GDELT-style event table."""

from __future__ import annotations

import click

from ..export import FORMATS, ExportError, export as export_store
from .common import db_option, open_store


@click.command()
@db_option
@click.option("--format", "format_", type=click.Choice(FORMATS), required=True, help="jsonl: analyses; parquet, csv: one file per table; gdelt: events.")
@click.option("--out", required=True, metavar="PATH", help="A file for jsonl and gdelt ('-' for stdout), a folder for parquet and csv.")
def export(db_path: str, format_: str, out: str) -> None:
    """Write the whole store to PATH, streamed (never all in memory).

    jsonl: every analysis, one per line, as stored. parquet / csv: articles, entities, quotes,
    places, events and identities, one file per table. gdelt: one tab-separated row per event with
    ISO date, source, URL, CAMEO and PLOVER codes, actors and coordinates. Row counts go to stderr.
    """
    with open_store(db_path) as store:
        try:
            counts = export_store(store, format=format_, out=out)
        except (ExportError, OSError) as error:
            raise click.ClickException(str(error)) from error
    click.echo(", ".join(f"{count} {table}" for table, count in counts.items()) + f" -> {out}", err=True)
