"""`marsad quotes`: every quote by one speaker across articles, with its evidence span."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from .common import db_option, one_line, open_store


@click.command()
@db_option
@click.option("--speaker", "-s", required=True, help="The speaker's name or part of it; spelling variants match ('لافروف').")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote (JSONL).")
def quotes(db_path: str, speaker: str, as_json: bool) -> None:
    """Every quote by --speaker, with article id, date and the quote's character span."""
    with open_store(db_path) as store:
        records = store.quotes_by_speaker(speaker)
    for record in records:
        if as_json:
            click.echo(json.dumps(asdict(record), ensure_ascii=False))
        else:
            kind = "direct" if record.direct else "indirect"
            click.echo(f"{record.article_id}\t{record.date or ''}\t{record.start}:{record.end}\t{record.speaker_name}\t{kind}\t{one_line(record.text)}")
    if not records:
        click.echo(f"no quotes by {speaker!r}", err=True)
