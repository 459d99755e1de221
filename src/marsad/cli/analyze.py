"""`marsad analyze`: print the analysis JSON of one or more articles."""

from __future__ import annotations

import json
import sys

import click

from ..ingest import iter_articles, read_jsonl
from ..ingest.jsonl import iter_jsonl
from ..pipeline import analyze_stream, load_pipeline
from .engine import check_ner_engine, dask_client, engine_options, ner_option, time_limit_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Read PATHS as JSONL records {id, text, title?, date?, source?}, whatever their extension.")
@click.option("--indent", type=int, default=None, help="Pretty-print each JSON object with this indent (default: one object per line).")
@engine_options
@ner_option
@time_limit_option
def analyze(
    paths: tuple[str, ...], as_jsonl: bool, indent: int | None, engine: str, scheduler: str | None, workers: int | None, ner_model: str, time_limit: float | None
) -> None:
    """Analyze articles into JSON: entities, quotes, places, dates, events, boilerplate.

    PATHS are .txt, .html, RSS/Atom feed or .jsonl files, folders, or '-' for standard input.
    One JSON object is printed per article, one per line, in input order. A bad input is
    reported on stderr and skipped; the exit status is 1 if any input failed.
    With --engine dask the articles are analyzed on Dask workers; the output is the same, in the same order.
    """
    check_ner_engine(ner_model, engine)
    failed = 0
    articles = _jsonl_records(paths) if as_jsonl else iter_articles(paths)
    with dask_client(engine, scheduler, workers) as client:
        if client is None:
            results = analyze_stream(articles, nlp=load_pipeline(ner_model=ner_model), time_limit=time_limit)
        else:
            from ..batch import analyze_distributed

            results = analyze_distributed(articles, client=client)
        for result in results:
            if isinstance(result, Exception):
                failed += 1
                click.echo(f"marsad analyze: {result}", err=True)
                continue
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=indent) + "\n")
    sys.stdout.flush()
    if failed:
        click.echo(f"marsad analyze: {failed} failed", err=True)
        sys.exit(1)


def _jsonl_records(paths: tuple[str, ...]):
    for path in paths:
        if path == "-":
            yield from iter_jsonl(sys.stdin.buffer, source="<stdin>")
        else:
            yield from read_jsonl(path)
