"""The `marsad` command: thin wrappers over library functions, one module per command."""

from __future__ import annotations

import click

from ..errors import MarsadError


class MarsadGroup(click.Group):
    """Commands whose MarsadError (a bad query, say) ends in a clean "Error: ..." line, not a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MarsadError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=MarsadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def cli() -> None:
    """Marsad: analyze Arabic news into entities, quotes, places, dates and events."""


def _register() -> None:
    # One explicit place where commands are attached (no import-time side effects elsewhere).
    from . import analyze
    from . import evaluate as evaluate_cli
    from . import ner as ner_cli
    from . import events, ingest, quotes, search, serve, summary, watch
    from . import stories as stories_cli

    cli.add_command(analyze.analyze)
    cli.add_command(ner_cli.ner)
    cli.add_command(evaluate_cli.evaluate)
    cli.add_command(stories_cli.stories)
    for command in (ingest.ingest, search.search, summary.summary, quotes.quotes, events.events, serve.serve, watch.watch):
        cli.add_command(command)


_register()


def main() -> None:
    cli()
