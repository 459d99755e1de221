"""`marsad summary`: counts, and who said what in each article."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..store import Summary
from .common import db_option, open_store

UNRESOLVED = "(speaker not identified)"


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="The summary as one JSON object.")
def summary(db_path: str, as_json: bool) -> None:
    """Who said what: per article, each speaker and short excerpts of what they said.

    Direct quotes are shown «in guillemets», reported speech after "~"; [start:end] is the
    quote's character span in the article text.
    """
    with open_store(db_path) as store:
        result = store.summary()
    click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2) if as_json else format_summary(result))


def format_summary(result: Summary) -> str:
    counts = ", ".join(f"{count} {name}" for name, count in result.counts.items())
    lines = [counts]
    for article in result.articles:
        lines.append("")
        heading = " | ".join(part for part in (article.date, article.title or article.id) if part)
        lines.append(f"== {heading}  [{article.id}]")
        if not article.speakers:
            lines.append("   (no quotes found)")
        for speaker in article.speakers:
            lines.append(f"   {speaker.name or UNRESOLVED} ({speaker.type}):")
            for quote in speaker.quotes:
                said = f"«{quote.excerpt}»" if quote.direct else f"~ {quote.excerpt}"
                lines.append(f"      {said}  [{quote.start}:{quote.end}]")
    return "\n".join(lines)
