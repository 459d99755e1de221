"""`marsad search`: articles matching a query, with highlighted snippets."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..store import SearchHit
from .common import db_option, one_line, open_store


@click.command()
@db_option
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="Most articles to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit (JSONL), with highlight offsets.")
@click.argument("query", nargs=-1, required=True)
def search(db_path: str, limit: int, as_json: bool, query: tuple[str, ...]) -> None:
    """Search articles for QUERY (all words must match).

    Hamza and alef forms, alef maksura, teh marbuta, diacritics and tatweel are ignored, and a
    word matches with or without a prefix such as و ب ل ال: الاميركي finds الأميركي.
    """
    with open_store(db_path) as store:
        hits = store.search(" ".join(query), limit)
    for hit in hits:
        click.echo(json.dumps(asdict(hit), ensure_ascii=False) if as_json else format_hit(hit))
    if not hits:
        click.echo("no matching articles", err=True)


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
