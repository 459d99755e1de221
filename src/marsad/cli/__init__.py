"""The `marsad` command: thin wrappers over library functions, one module per command."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def cli() -> None:
    """Marsad: analyze Arabic news into entities, quotes, places, dates and events."""


def _register() -> None:
    # One explicit place where commands are attached (no import-time side effects elsewhere).
    from . import analyze
    from . import evaluate as evaluate_cli
    from . import ner as ner_cli
    from . import events, export, ingest, quotes, search, serve, speakers, summary

    cli.add_command(analyze.analyze)
    cli.add_command(ner_cli.ner)
    cli.add_command(evaluate_cli.evaluate)
    for command in (ingest.ingest, search.search, summary.summary, quotes.quotes, speakers.speakers, events.events, serve.serve):
        cli.add_command(command)
    cli.add_command(export.export)


_register()


def main() -> None:
    cli()
