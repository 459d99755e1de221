"""Every command documents itself: `--help` works and describes its arguments."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from marsad.cli import cli

COMMANDS = ["ingest", "search", "summary", "quotes", "events", "serve", "stories"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: cli {command}") or result.stdout.startswith(f"Usage: marsad {command}")
    assert "--db" in result.stdout


def test_commands_are_registered() -> None:
    assert set(COMMANDS) <= set(cli.list_commands(click.Context(cli)))
