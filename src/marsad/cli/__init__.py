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

    cli.add_command(analyze.analyze)


_register()


def main() -> None:
    cli()
