"""`marsad ingest`: read files, folders, feeds, JSONL or stdin; analyze; store. Counts go to stderr."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import click

from ..ingest import Article, IngestError, iter_articles
from ..store import Store
from ..store.load import Analyzer, Outcome, load, pipeline_analyzer
from ..stories import StoryAssigner, follow
from .common import db_option, open_store
from .engine import check_ner_engine, dask_client, engine_options, ner_option, time_limit_option

if TYPE_CHECKING:
    from distributed import Client


@click.command()
@db_option
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@engine_options
@ner_option
@time_limit_option
@click.option("--stories/--no-stories", default=True, show_default=True, help="Place each new article in its story (and mark wire copies) as it is stored.")
def ingest(
    db_path: str, paths: tuple[str, ...], engine: str, scheduler: str | None, workers: int | None, ner_model: str, time_limit: float | None, stories: bool
) -> None:
    """Analyze the articles in PATH... and store them in the database.

    PATH may be a text, HTML, RSS/Atom or JSONL file, a folder (read recursively: .txt .html .htm
    .xml .rss .atom .jsonl), or '-' for stdin. Texts already stored are reported as duplicates.
    Each failed item is reported on stderr with its error; the exit status is 1 if any failed.
    With --engine dask the articles are analyzed on Dask workers and this process writes the store.
    """
    check_ner_engine(ner_model, engine)
    counts: Counter[str] = Counter()
    with dask_client(engine, scheduler, workers) as client:
        analyze = _pipeline_analyzer(ner_model, time_limit) if client is None else None
        with open_store(db_path, create=True) as store:
            items = iter_articles(paths)
            outcomes = load(store, items, analyze=analyze) if analyze is not None else _load_distributed(store, items, client)
            if stories:
                outcomes = follow(StoryAssigner(store), outcomes)
            for outcome in outcomes:
                counts[outcome.status] += 1
                if outcome.status == "failed":
                    click.echo(f"marsad ingest: {outcome.message}", err=True)
    click.echo(f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed -> {db_path}", err=True)
    if counts["failed"]:
        raise SystemExit(1)


def _pipeline_analyzer(ner_model: str, time_limit: float | None) -> Analyzer:
    try:
        return pipeline_analyzer(ner_model, time_limit=time_limit)
    except Exception as error:  # a missing model or resource: say so once, not once per article
        raise click.ClickException(f"cannot load the analysis pipeline ({type(error).__name__}: {error})") from error


def _load_distributed(store: Store, items: Iterable[Article | IngestError], client: Client) -> Iterator[Outcome]:
    from ..batch import load_distributed  # only with --engine dask: the default path never imports Dask

    return load_distributed(store, items, client=client)
