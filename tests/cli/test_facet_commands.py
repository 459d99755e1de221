"""`marsad quotes`, `events` and `speakers` with facets and paging, over hand-built articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.store import open_store
from tests.identities.factories import trump_articles
from tests.store.factories import geneva_analysis


@pytest.fixture
def db(store_target: str) -> str:
    with open_store(store_target) as store:
        for analysis in [*trump_articles(), geneva_analysis()]:
            store.add(analysis)
    return store_target


@pytest.mark.parametrize("command", ["speakers", "quotes", "events"])
def test_help_lists_the_facets(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--from", "--to", "--source", "--topic", "--place", "--limit", "--offset", "--json"):
        assert option in result.stdout


def test_quotes_by_spelling_variant_pages_with_total(db: str) -> None:
    result = CliRunner().invoke(cli, ["quotes", "--db", db, "--speaker", "ترمب", "--limit", "3", "--offset", "1", "--jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker_name"] for r in records] == ["ترامب", "ترمب", "دونالد ترامب رغبته"]
    assert {r["identity_key"] for r in records} >= {"دونلد ترمب"}
    assert "showing 2-4 of 4 quotes" in result.stderr


def test_quotes_without_speaker_by_facets(db: str) -> None:
    result = CliRunner().invoke(cli, ["quotes", "--db", db, "--topic", "economy", "--from", "2025-01-01"])
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["t3", "t5"]


def test_bad_date_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(cli, ["quotes", "--db", db, "--from", "12/01/2025"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_speakers_by_number_of_quotes(db: str) -> None:
    result = CliRunner().invoke(cli, ["speakers", "--db", db, "--jsonl", "--limit", "2"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["quotes"]) for r in records] == [("دونالد ترامب", 4), ("إيفانكا ترامب", 1)]  # ties by key
    assert "showing 1-2 of 4 speakers" in result.stderr


def test_speakers_in_a_date_range_as_text(db: str) -> None:
    result = CliRunner().invoke(cli, ["speakers", "--db", db, "--from", "2025-01-11", "--to", "2025-01-11"])
    assert result.stdout.split("\t")[:3] == ["1", "1", "ميلانيا ترامب"]


def test_events_facets_and_total(db: str) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--place", "Geneva", "--source", "test", "--json"])
    assert [json.loads(line)["type"] for line in result.stdout.splitlines()] == ["negotiate"]
    assert "of 1 events" in result.stderr
    result = CliRunner().invoke(cli, ["events", "--db", db, "--source", "alpha"])
    assert result.stdout == "" and "no events" in result.stderr
