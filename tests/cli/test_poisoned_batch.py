"""A batch with one poisoned item of each kind between good ones: every good article comes out, each bad one is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.limits import MAX_ARTICLE_CHARS

GOOD = ["قال وزير الخارجية إن المحادثات مستمرة", "وأكد المتحدث أن الوفد سيعود غدا", "وقال مصدر مسؤول إن الاجتماع انتهى"]


def _poisoned_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD[0], encoding="utf-8")
    # A superscript digit in the dateline: it passes str.isdigit() and broke int() in the date rules.
    (folder / "b-digit.txt").write_text("في ² آذار 2016 قال لافروف", encoding="utf-8")
    lines = [
        json.dumps({"id": "c-good", "text": GOOD[1]}, ensure_ascii=False),
        '{"id": ' + "9" * 5000 + ', "text": "قال الوزير إن الرد قادم"}',  # an id past Python's 4,300-digit int limit
        "[" * 100_000,  # nesting past the JSON parser's recursion limit
        '{"id": "surrogate", "text": "\\ud800 قال"}',
        json.dumps({"id": "too-long", "text": "ا" * (MAX_ARTICLE_CHARS + 1)}, ensure_ascii=False),
        json.dumps({"id": "d-good", "text": GOOD[2]}, ensure_ascii=False),
    ]
    (folder / "c-records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "e-binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "f-good.txt").write_text(GOOD[0] + " أمس", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_every_good_article_comes_out_of_a_poisoned_batch(command: str, tmp_path: Path) -> None:
    folder = _poisoned_folder(tmp_path)
    args = [command, str(folder)] if command == "analyze" else [command, "--db", str(tmp_path / "m.db"), str(folder)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith(f"marsad {command}: ")]
    if command == "analyze":
        ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
        assert ids == ["a-good", "b-digit", "c-good", "9" * 5000, "d-good", "f-good"]
        assert errors[-1] == "marsad analyze: 4 failed"
        failed = errors[:-1]
    else:
        assert result.stderr.strip().splitlines()[-1].startswith("6 new, 0 duplicate, 4 failed")
        failed = errors
    assert len(failed) == 4
    assert any("too deeply" in line for line in failed)
    assert any("surrogate" in line for line in failed)
    assert any("1,000,000-character limit" in line for line in failed)
    assert any("binary" in line for line in failed)


def test_quotes_with_a_50_kb_speaker_is_a_clear_error(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "m.db"
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    assert runner.invoke(cli, ["ingest", "--db", str(db), str(tmp_path / "a.txt")]).exit_code == 0
    result = runner.invoke(cli, ["quotes", "--db", str(db), "--speaker", "ل" * 50_000])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "50,000 characters long; at most 500" in result.stderr


def test_analyze_reports_an_article_over_its_time_limit_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", "--time-limit", "0.000001", str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and "limit per article" in result.stderr
