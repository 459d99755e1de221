"""`marsad stories`: the stories of a store, one per line, with their articles, wire copies, speakers and places."""

from __future__ import annotations

import json
from datetime import date

import click

from ..stories import StoryAssigner
from ..stories.output import story_to_dict
from .common import db_option, open_store


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from error


@click.command()
@db_option
@click.option("--from", "date_from", metavar="YYYY-MM-DD", callback=_iso_date, help="Only stories with an article on or after this date.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", callback=_iso_date, help="Only stories with an article on or before this date.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per story: id, title, start, end, articles, speakers, places.")
@click.option("--update", is_flag=True, help="First place the stored articles that are in no story yet (ingested with --no-stories).")
def stories(db_path: str, date_from: str | None, date_to: str | None, as_jsonl: bool, update: bool) -> None:
    """List stories, latest first: articles that report one story across outlets, with wire copies marked.

    Each article of a story has `copy_of`: the id of the earliest article whose text it reprints, or
    null. Stories are made as articles are ingested (`marsad ingest`, on unless --no-stories).
    """
    with open_store(db_path, create=False) as store:
        if update:
            with StoryAssigner(store) as assigner:
                placed = sum(1 for _ in assigner.place_unplaced())
            click.echo(f"placed {placed} articles in stories", err=True)
        found, total = store.stories(date_from=date_from, date_to=date_to)
    for story in found:
        if as_jsonl:
            click.echo(json.dumps(story_to_dict(story), ensure_ascii=False))
        else:
            copies = sum(1 for article in story.articles if article.copy_of)
            click.echo(f"{story.id}\t{story.start}\t{story.end}\t{len(story.articles)} articles, {copies} copies\t{story.title or ''}")
    if not total:
        click.echo("no stories", err=True)
