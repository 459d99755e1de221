"""`marsad analyze` end to end through the click interface."""

import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli


@pytest.fixture()
def runner():
    return CliRunner()


def test_analyze_seed_prints_one_object_with_the_file_text(runner, seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    analysis = json.loads(lines[0])
    assert analysis["text"] == seed_text
    assert analysis["meta"]["encoding"] in ("utf-8", "utf_8", "ascii")


def test_analyze_jsonl_keeps_order_and_ids(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    records = [{"id": "b", "text": "قال الوزير إن الحل قريب."}, {"id": "a", "text": "وصل الوفد إلى جنيف."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outputs] == ["b", "a"]
    assert [o["text"] for o in outputs] == [r["text"] for r in records]


def test_analyze_batch_reports_bad_line_and_goes_on(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "ok", "text": "قال الوزير إن الحل قريب."}\n{not json\n{"id": "ok2", "text": "نص آخر."}\n', encoding="utf-8")
    result = runner.invoke(cli, ["analyze", "--jsonl", str(path)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok", "ok2"]
    assert "batch.jsonl" in result.stderr and "2" in result.stderr


def test_analyze_reads_stdin(runner):
    text = "قال الوزير إن الحل قريب."
    result = runner.invoke(cli, ["analyze", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == text


def test_analyze_empty_file_fails_with_one_line(runner, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    error, summary = result.stderr.strip().splitlines()  # the input's one line, then how many failed
    assert "empty.txt" in error and summary == "marsad analyze: 1 failed"


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.get_short_help_str(), f"{name} has no help text"
