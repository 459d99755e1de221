"""`marsad stories`, `marsad ingest --stories/--no-stories` and /api/stories over stores of made-up articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.cli import cli
from marsad.store import open_store
from tests.store.factories import fake_analyzer

from .test_store import fill
from .texts import AGENCY, TRIMMED, UNRELATED

STORY_KEYS = ["id", "title", "start", "end", "articles", "speakers", "places"]
ARTICLE_KEYS = ["id", "source", "date", "copy_of"]


@pytest.fixture
def db(store_target: str) -> str:
    with open_store(store_target) as store:
        fill(store)
    return store_target


@pytest.fixture(autouse=True)
def no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("marsad.cli.ingest.pipeline_analyzer", lambda ner_model="default", **options: fake_analyzer)


def stories_jsonl(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["stories", *args, "--jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_contract(db: str) -> None:
    lines = stories_jsonl("--db", db)
    assert [story["id"] for story in lines] == ["match", "agency"]
    for story in lines:
        assert list(story) == STORY_KEYS
        assert all(list(article) == ARTICLE_KEYS for article in story["articles"])
    agency = lines[1]
    assert [(a["id"], a["copy_of"]) for a in agency["articles"]] == [("agency", None), ("paper", "agency"), ("report", None)]
    assert (agency["start"], agency["end"]) == ("2024-05-01", "2024-05-02")
    assert agency["speakers"] == ["وكيل الوزارة"] and agency["places"] == ["منطقة القصيم"]


def test_date_range(db: str) -> None:
    assert [s["id"] for s in stories_jsonl("--db", db, "--from", "2024-05-03")] == ["match"]
    assert [s["id"] for s in stories_jsonl("--db", db, "--to", "2024-05-02")] == ["agency"]


def test_bad_date_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(cli, ["stories", "--db", db, "--from", "May 1"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_plain_listing(db: str) -> None:
    result = CliRunner().invoke(cli, ["stories", "--db", db])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("agency\t2024-05-01\t2024-05-02\t3 articles, 1 copies")


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database" in result.output


def write_jsonl(path: Path) -> Path:
    records = [
        {"id": "agency", "text": AGENCY, "date": "2024-05-01", "source": "wire"},
        {"id": "paper", "text": TRIMMED, "date": "2024-05-01", "source": "daily"},
        {"id": "match", "text": UNRELATED, "date": "2024-05-02", "source": "daily"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_places_stories_by_default(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", db, str(write_jsonl(tmp_path / "in.jsonl"))])
    assert result.exit_code == 0, result.output
    lines = stories_jsonl("--db", db)
    assert sorted((a["id"], a["copy_of"]) for s in lines for a in s["articles"]) == [("agency", None), ("match", None), ("paper", "agency")]
    with open_store(db) as store:
        assert store.get("paper")["story"] == {"id": "agency", "copy_of": "agency"}


def test_ingest_without_stories_then_update(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert CliRunner().invoke(cli, ["ingest", "--no-stories", "--db", db, str(write_jsonl(tmp_path / "in.jsonl"))]).exit_code == 0
    assert stories_jsonl("--db", db) == []
    result = CliRunner().invoke(cli, ["stories", "--db", db, "--update", "--jsonl"])
    assert result.exit_code == 0 and "placed 3 articles" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_api_lists_stories_a_page_at_a_time(db: str) -> None:
    client = TestClient(create_app(db))
    page = client.get("/api/stories", params={"limit": 1}).json()
    assert page["total"] == 2 and page["offset"] == 0 and page["limit"] == 1
    assert [s["id"] for s in page["stories"]] == ["match"]
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in second["stories"]] == ["agency"] and list(second["stories"][0]) == STORY_KEYS
    ranged = client.get("/api/stories", params={"from": "2024-05-01", "to": "2024-05-01"}).json()
    assert ranged["total"] == 1 and ranged["stories"][0]["id"] == "agency"


def test_api_one_story_and_the_article_that_says_its_story(db: str) -> None:
    client = TestClient(create_app(db))
    story = client.get("/api/stories/agency").json()
    assert story == stories_jsonl("--db", db)[1]
    assert client.get("/api/stories/none").status_code == 404
    assert client.get("/api/articles/paper").json()["story"] == {"id": "agency", "copy_of": "agency"}
    assert client.get("/api/stories", params={"from": "yesterday"}).status_code == 422


def test_api_schema_documents_stories(db: str) -> None:
    paths = TestClient(create_app(db)).get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}"} <= set(paths)
