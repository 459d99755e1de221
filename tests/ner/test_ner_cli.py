import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli

CONLL = "جورج\tB-PERS\tx\nبوش\tI-PERS\tx\nفي\tO\tx\nواشنطن\tB-LOC\tx\n\n\nمرحبا\tO\tx\n"


@pytest.mark.parametrize("args", [["ner", "--help"], ["evaluate", "--help"], ["evaluate", "ner", "--help"]])
def test_help(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_ner_prints_one_line_per_token_and_keeps_blank_lines(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ner", "--conll", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[4:6] == ["", ""]
    tokens = [line.split("\t")[0] for line in lines if line]
    assert tokens == ["جورج", "بوش", "في", "واشنطن", "مرحبا"]
    assert all(len(line.split("\t")) == 2 for line in lines if line)


def test_ner_reads_stdin():
    result = CliRunner().invoke(cli, ["ner", "--conll", "-"], input="واشنطن\n")
    assert result.exit_code == 0
    assert result.output.startswith("واشنطن\t")


def test_ner_missing_file_fails_clearly(tmp_path):
    result = CliRunner().invoke(cli, ["ner", "--conll", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "nope.txt" in result.output


def test_evaluate_ner_json(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "ner", "--json", str(path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.splitlines()[0])
    assert set(scores) >= {"PERS", "LOC", "ORG", "MISC", "micro"}
