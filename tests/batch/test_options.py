"""The engine options without a cluster: help, misuse, and a clear message when Dask is not installed."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from marsad.batch import BatchError, analyze_distributed
from marsad.cli import cli


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_help_documents_the_engine(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "--engine [in-process|dask]" in result.stdout and "--scheduler" in result.stdout and "--workers" in result.stdout


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_scheduler_needs_the_dask_engine(command: str, tmp_path) -> None:
    result = CliRunner().invoke(cli, [command, "--scheduler", "tcp://127.0.0.1:8786", str(tmp_path)])
    assert result.exit_code == 2
    assert "--engine dask" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_missing_dask_says_how_to_install_it(command: str, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    args = [command, "--engine", "dask", str(tmp_path)]
    if command == "ingest":
        args[1:1] = ["--db", str(tmp_path / "x.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "pip install 'marsad[dask]'" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_missing_dask_in_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(BatchError, match=r"marsad\[dask\]"):
        list(analyze_distributed([]))
