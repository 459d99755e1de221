"""`marsad ingest`, `search`, `summary`, `quotes`, `events`, `serve` over a temporary database (SQLite and PostgreSQL).

The pipeline is replaced by a stand-in analyzer so these tests stay fast; see test_demo.py for the real one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.store import open_store
from tests.store.factories import fake_analyzer, geneva_analysis

ARTICLE = "قال المتحدث باسم الخارجية الأميركية إن الوفد سيصل إلى جنيف غدا.\n"


@pytest.fixture(autouse=True)
def no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("marsad.cli.ingest.pipeline_analyzer", lambda ner_model="default", **options: fake_analyzer)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(store_target: str) -> str:
    """A store with the Geneva article, on each backend."""
    with open_store(store_target) as store:
        store.add(geneva_analysis())
    return store_target


def test_ingest_counts_new_duplicate_failed(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_bytes(ARTICLE.encode("cp1256"))  # same text: a duplicate
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    lines = [json.dumps({"id": "j1", "text": "نص أول"}, ensure_ascii=False), "not json"]
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(cli, ["ingest", "--db", str(db), str(folder)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "2 new, 1 duplicate, 2 failed" in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("marsad ingest: ")]
    assert len(errors) == 2
    assert any("c.txt" in line and "binary" in line for line in errors)
    assert any("d.jsonl:2" in line and "not valid JSON" in line for line in errors)


def test_ingest_is_idempotent(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "x.db"
    first = runner.invoke(cli, ["ingest", "--db", str(db), str(path)])
    second = runner.invoke(cli, ["ingest", "--db", str(db), str(path)])
    assert first.exit_code == second.exit_code == 0
    assert "1 new, 0 duplicate, 0 failed" in first.stderr
    assert "0 new, 1 duplicate, 0 failed" in second.stderr
    with open_store(db) as store:
        assert store.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.txt", b"", "empty input"),
        ("bin.txt", b"\x00\x00\x00", "binary"),
        ("bad.html", b"<html><body></body></html>", "no article text"),
        ("bad.rss", b"<rss><channel><title>x & <<", "malformed feed"),
        ("noise.txt", bytes(range(128, 256)) * 4, "cannot detect the text encoding"),
    ],
)
def test_ingest_single_bad_input_fails(runner: CliRunner, tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), str(path)])
    assert result.exit_code == 1
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("marsad ingest: ")]
    assert str(path) in error and fragment in error


def test_ingest_analysis_failure_does_not_stop_batch(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(article):
        if "boom" in article.text:
            raise RuntimeError("kaput")
        return fake_analyzer(article)

    monkeypatch.setattr("marsad.cli.ingest.pipeline_analyzer", lambda ner_model="default", **options: flaky)
    (tmp_path / "1.txt").write_text("boom نص", encoding="utf-8")
    (tmp_path / "2.txt").write_text("نص سليم", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), str(tmp_path / "1.txt"), str(tmp_path / "2.txt")])
    assert result.exit_code == 1
    assert "1 new, 0 duplicate, 1 failed" in result.stderr
    assert "analysis failed (RuntimeError: kaput)" in result.stderr


def test_ingest_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), "-"], input=ARTICLE.encode("cp1256"))
    assert result.exit_code == 0, result.stderr
    assert "1 new" in result.stderr


@pytest.mark.parametrize("query", ["لافروف", "لافْروف", "جنيف"])
def test_search(runner: CliRunner, db: str, query: str) -> None:
    result = runner.invoke(cli, ["search", "--db", str(db), query])
    assert result.exit_code == 0
    assert result.stdout.startswith("geneva\t2024-03-12\tمحادثات جنيف\n")


def test_search_json(runner: CliRunner, db: str) -> None:
    result = runner.invoke(cli, ["search", "--db", str(db), "--json", "لافروف"])
    hit = json.loads(result.stdout)
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["لافروف"]


def test_search_no_hits_is_not_a_failure(runner: CliRunner, db: str) -> None:
    result = runner.invoke(cli, ["search", "--db", str(db), "باريس"])
    assert result.exit_code == 0 and result.stdout == "" and "no matching" in result.stderr


def test_missing_database_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["search", "x"], ["summary"], ["quotes", "--speaker", "x"], ["events"]):
        result = runner.invoke(cli, [*command, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 1
        assert "no database at" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_summary(runner: CliRunner, db: str) -> None:
    result = runner.invoke(cli, ["summary", "--db", str(db)])
    assert result.exit_code == 0
    assert "1 articles" in result.stdout and "سيرغي لافروف (person):" in result.stdout
    data = json.loads(runner.invoke(cli, ["summary", "--db", str(db), "--json"]).stdout)
    assert data["articles"][0]["speakers"][0]["name"] == "سيرغي لافروف"


def test_quotes_by_speaker(runner: CliRunner, db: str) -> None:
    result = runner.invoke(cli, ["quotes", "--db", str(db), "--speaker", "لافروف"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    article_id, date, span, speaker, kind, text = line.split("\t")
    start, end = map(int, span.split(":"))
    assert (article_id, date, speaker, kind) == ("geneva", "2024-03-12", "سيرغي لافروف", "indirect")
    assert geneva_analysis()["text"][start:end] == text


def test_events_tsv(runner: CliRunner, db: str) -> None:
    result = runner.invoke(cli, ["events", "--db", str(db), "--tsv"])
    header, row = result.stdout.splitlines()
    assert header.split("\t")[:3] == ["article_id", "date", "type"]
    cells = dict(zip(header.split("\t"), row.split("\t")))
    assert cells["type"] == "negotiate" and cells["place"] == "Geneva" and cells["lat"] == "46.2"
    assert cells["source_actor"] == "سيرغي لافروف" and cells["target_actor"] == ""
    result = runner.invoke(cli, ["events", "--db", str(db), "--type", "attack", "--tsv"])
    assert result.stdout.splitlines()[1:] == []
    result = runner.invoke(cli, ["events", "--db", str(db), "--place", "جنيف", "--json"])
    assert json.loads(result.stdout)["type"] == "negotiate"


def test_serve_refuses_missing_database(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database at" in result.stderr


def test_ingest_reports_pipeline_that_cannot_load(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ner_model="default", **options):
        raise FileNotFoundError("models/x.npz")

    monkeypatch.setattr("marsad.cli.ingest.pipeline_analyzer", broken)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "x.db"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "cannot load the analysis pipeline (FileNotFoundError: models/x.npz)" in result.stderr


def test_ingest_then_search_on_postgres(runner: CliRunner, postgres_url: str) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    first = runner.invoke(cli, ["ingest", "--db", postgres_url, str(examples)])
    assert first.exit_code == 0, first.stderr
    assert "8 new, 0 duplicate, 0 failed" in first.stderr
    again = runner.invoke(cli, ["ingest", "--db", postgres_url, str(examples)])
    assert "0 new, 8 duplicate, 0 failed" in again.stderr
    search = runner.invoke(cli, ["search", "--db", postgres_url, "--json", "الاميركية"])
    assert search.exit_code == 0, search.stderr
    hits = [json.loads(line) for line in search.stdout.splitlines()]
    assert hits and all("الأميركية" in {hit["snippet"][s:e] for s, e in hit["highlights"]} for hit in hits)


def test_postgres_server_that_is_down_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    url = f"postgresql://marsad:s3cret@/news?host={tmp_path}"
    for command in (["search", "x"], ["ingest", str(tmp_path)], ["serve"]):
        result = runner.invoke(cli, [*command, "--db", url])
        assert result.exit_code == 1
        assert "cannot connect to postgresql://marsad:***@/news" in result.stderr
        assert "Traceback" not in result.stderr and "s3cret" not in result.stderr


def test_serve_warns_when_published_without_a_token(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    db = tmp_path / "m.db"
    (tmp_path / "a.txt").write_text("قال الوزير إن المحادثات مستمرة", encoding="utf-8")
    assert runner.invoke(cli, ["ingest", "--db", str(db), str(tmp_path / "a.txt")]).exit_code == 0
    published = runner.invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert published.exit_code == 0 and "without an access token" in published.stderr
    with_token = runner.invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={"MARSAD_TOKEN": "abc"})
    assert with_token.exit_code == 0 and "without an access token" not in with_token.stderr
    local = runner.invoke(cli, ["serve", "--db", str(db)])
    assert "without an access token" not in local.stderr
