"""Progress bars: drawn with rate and total on a terminal, silent when stderr is a file or a pipe."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.cli.progress import Progress, count_inputs, wants_bar
from tests.store.factories import fake_analyzer


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_shows_count_and_rate() -> None:
    stream = Terminal()
    with Progress(total=4, unit="articles", stream=stream) as shown:
        assert list(shown.track(range(4))) == [0, 1, 2, 3]
        shown.note("marsad ingest: one failed")
    output = stream.getvalue()
    assert "4/4" in output and "articles/s" in output and "100%" in output
    assert "marsad ingest: one failed\n" in output


def test_no_bar_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(total=4, unit="articles", stream=stream) as shown:
        assert list(shown.track(range(4))) == [0, 1, 2, 3]
        shown.note("marsad ingest: one failed")
    assert stream.getvalue() == "marsad ingest: one failed\n"


@pytest.mark.parametrize("asked, expected_file, expected_tty", [(None, False, True), (True, True, True), (False, False, False)])
def test_wants_bar(asked: bool | None, expected_file: bool, expected_tty: bool) -> None:
    assert wants_bar(asked, io.StringIO()) is expected_file
    assert wants_bar(asked, Terminal()) is expected_tty


def test_count_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert count_inputs([tmp_path]) == 3
    assert count_inputs([tmp_path / "a.txt", tmp_path / "b.jsonl"]) == 3
    assert count_inputs([tmp_path / "a.txt", "-"]) is None
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert count_inputs([tmp_path]) is None


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("marsad.cli.ingest.pipeline_analyzer", lambda ner_model="default", **options: fake_analyzer)
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"p{i}", "text": f"نص رقم {i}"}, ensure_ascii=False) for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_is_quiet_when_stderr_is_not_a_terminal(articles: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), str(articles)])
    assert result.exit_code == 0
    assert result.stderr == f"3 new, 0 duplicate, 0 failed -> {tmp_path / 'x.db'}\n"


def test_ingest_draws_the_bar_when_asked(articles: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), "--progress", str(articles)])
    assert result.exit_code == 0
    assert "3/3" in result.stderr and "articles/s" in result.stderr
    assert result.stderr.endswith("3 new, 0 duplicate, 0 failed -> " + str(tmp_path / "x.db") + "\n")


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_help_mentions_progress(command: str) -> None:
    assert "--progress / --no-progress" in CliRunner().invoke(cli, [command, "--help"]).stdout
