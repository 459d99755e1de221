"""`make demo` end to end with the real pipeline: ingest examples/, then summary and search, on each backend."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from marsad.cli import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_demo(store_target: str) -> None:
    db = store_target
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "--db", db, str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    assert "8 new, 0 duplicate, 0 failed" in result.stderr
    again = runner.invoke(cli, ["ingest", "--db", db, str(EXAMPLES)])
    assert "0 new, 8 duplicate, 0 failed" in again.stderr
    summary = runner.invoke(cli, ["summary", "--db", db])
    assert summary.exit_code == 0
    assert "8 articles" in summary.stdout and "ماتسون" in summary.stdout
    quotes = runner.invoke(cli, ["quotes", "--db", db, "--speaker", "فولكوف"])
    assert {line.split("\t")[0] for line in quotes.stdout.splitlines()} == {"moscow-briefing", "geneva-talks"}
    search = runner.invoke(cli, ["search", "--db", db, "الاميركية"])
    assert search.stdout.startswith("moscow-briefing\t")
