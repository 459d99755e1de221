"""`marsad ingest|analyze --engine dask`: the CLI over the batch engine, into a SQLite store that `marsad search` reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli

from .conftest import EXAMPLES


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_ingest_on_a_scheduler_then_search(runner: CliRunner, dask_client, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "junk.txt").write_bytes(b"\x00\x01binary")
    db = str(tmp_path / "x.db")
    address = dask_client.scheduler.address
    result = runner.invoke(cli, ["ingest", "--db", db, "--engine", "dask", "--scheduler", address, str(folder)])
    assert result.exit_code == 1, result.output
    assert "8 new, 0 duplicate, 1 failed" in result.stderr
    assert any("junk.txt" in line for line in result.stderr.splitlines() if line.startswith("marsad ingest: "))
    found = runner.invoke(cli, ["search", "--db", db, "جنيف"])
    assert found.exit_code == 0
    assert "geneva-talks" in found.stdout


def test_analyze_on_a_local_cluster_prints_what_in_process_prints(runner: CliRunner, dask_client) -> None:
    path = str(EXAMPLES / "wire-batch.jsonl")
    distributed = runner.invoke(cli, ["analyze", "--engine", "dask", "--workers", "1", path])
    in_process = runner.invoke(cli, ["analyze", path])
    assert distributed.exit_code == 0, distributed.output
    assert distributed.stdout == in_process.stdout
    assert len([json.loads(line) for line in distributed.stdout.splitlines()]) >= 2
