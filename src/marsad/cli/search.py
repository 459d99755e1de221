"""`marsad search`: articles matching a query, narrowed by facets, one page at a time, with highlighted snippets."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..store.records import SearchHit, SearchResults
from .common import db_option, one_line, open_store

SORTS = ("date", "relevance")


@click.command()
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Only articles dated on or before DATE (a month or year means its end).")
@click.option("--source", help="Only articles from this source (as ingested, e.g. alriyadh).")
@click.option("--topic", help="Only articles with this topic label.")
@click.option("--speaker", help="Only articles quoting this speaker; spelling variants match ('لافروف').")
@click.option("--place", help="Only articles naming this place, in Arabic (any spelling) or by its English name.")
@click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True, help="Newest first, or best first among the newest matches (words in very many articles narrow the match without being scored).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Hits to skip (for the next page).")
@click.option("--limit", "-n", type=click.IntRange(min=1, max=1000), default=20, show_default=True, help="Most articles to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit (JSONL), with highlight offsets.")
@click.argument("query", nargs=-1, required=True)
def search(db_path: str, offset: int, limit: int, sort: str, as_json: bool, query: tuple[str, ...], **facets: str | None) -> None:
    """Search articles for QUERY (all words must match).

    Hamza and alef forms, alef maksura, teh marbuta, diacritics and tatweel are ignored, and a
    word matches with or without a prefix such as و ب ل ال: الاميركي finds الأميركي. The total
    goes to stderr; above 10,000 matches it is an estimate, marked with "about".
    """
    with open_store(db_path) as store:
        try:
            results = store.search(" ".join(query), limit, offset=offset, sort=sort, **facets)
        except ValueError as error:
            raise click.BadParameter(str(error)) from error
    for hit in results.hits:
        click.echo(json.dumps(asdict(hit), ensure_ascii=False) if as_json else format_hit(hit))
    click.echo(format_total(results), err=True)


def format_total(results: SearchResults) -> str:
    """'hits 1-20 of 345' (or 'of about 120,000'), or 'no matching articles'."""
    if not results.total:
        return "no matching articles"
    about = "about " if results.total_estimated else ""
    if not results.hits:
        return f"no hits past {results.offset} of {about}{results.total:,}"
    return f"hits {results.offset + 1}-{results.offset + len(results.hits)} of {about}{results.total:,}"


def format_hit(hit: SearchHit) -> str:
    """Two lines: id, date and title; then the snippet with matches styled (on a terminal)."""
    parts = []
    position = 0
    for start, end in hit.highlights:
        parts.append(hit.snippet[position:start])
        parts.append(click.style(hit.snippet[start:end], bold=True, fg="yellow"))
        position = end
    parts.append(hit.snippet[position:])
    prefix = "…" if hit.snippet_start else ""
    suffix = "…" if hit.snippet_start + len(hit.snippet) < hit.text_length else ""
    header = "\t".join((hit.id, hit.date or "", hit.title or ""))
    return f"{header}\n    {prefix}{one_line(''.join(parts))}{suffix}"
