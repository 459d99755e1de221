"""`marsad ingest`: read files, folders, feeds, JSONL or stdin; analyze; store. Counts go to stderr."""

from __future__ import annotations

from collections import Counter

import click

from ..ingest import iter_articles
from ..store.load import load, pipeline_analyzer
from .common import db_option, open_store


@click.command()
@db_option
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def ingest(db_path: str, paths: tuple[str, ...]) -> None:
    """Analyze the articles in PATH... and store them in the database.

    PATH may be a text, HTML, RSS/Atom or JSONL file, a folder (read recursively: .txt .html .htm
    .xml .rss .atom .jsonl), or '-' for stdin. Texts already stored are reported as duplicates.
    Each failed item is reported on stderr with its error; the exit status is 1 if any failed.
    """
    counts: Counter[str] = Counter()
    try:
        analyze = pipeline_analyzer()
    except Exception as error:  # a missing model or resource: say so once, not once per article
        raise click.ClickException(f"cannot load the analysis pipeline ({type(error).__name__}: {error})") from error
    with open_store(db_path, create=True) as store:
        for outcome in load(store, iter_articles(paths), analyze=analyze):
            counts[outcome.status] += 1
            if outcome.status == "failed":
                click.echo(f"marsad ingest: {outcome.message}", err=True)
    click.echo(f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed -> {db_path}", err=True)
    if counts["failed"]:
        raise SystemExit(1)
