"""The `marsad` command: thin wrappers over library functions, one module per command."""

from __future__ import annotations

import importlib

import click

from ..errors import MarsadError


class MarsadGroup(click.Group):
    """Commands whose MarsadError (a bad query, say) ends in a clean "Error: ..." line, not a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MarsadError as error:
            raise click.ClickException(str(error)) from error


# The one place where commands are attached: name -> module under marsad.cli (the command is the
# module's attribute of the same name). A command's module is imported only when it runs, so that
# `marsad search` loads the store and not spaCy and the pipeline (see tests/cli/test_imports.py).
COMMANDS = {
    "analyze": "analyze",
    "ner": "ner",
    "evaluate": "evaluate",
    "ingest": "ingest",
    "search": "search",
    "summary": "summary",
    "quotes": "quotes",
    "events": "events",
    "serve": "serve",
    "stories": "stories",
    "watch": "watch",
    "speakers": "speakers",
    "export": "export",
}


class LazyGroup(MarsadGroup):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(f"{__name__}.{COMMANDS[cmd_name]}")
            self.add_command(getattr(module, cmd_name), cmd_name)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def cli() -> None:
    """Marsad: analyze Arabic news into entities, quotes, places, dates and events."""


def main() -> None:
    cli()
