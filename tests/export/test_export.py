"""Exports read back to what the store holds: JSONL, CSV, Parquet, and the GDELT-style event table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.export import ExportError, export, tables
from marsad.export.gdelt import COLUMNS, codes
from marsad.store import Store, open_store
from tests.identities.factories import article, person, trump_articles
from tests.store.factories import geneva_analysis, span_of

ATTACK = "قصفت طائرات حربية مواقع في مدينة حلب، وقال دونالد ترامب إن الهجوم مرفوض."


def attack_analysis() -> dict:
    analysis = article("attack", ATTACK, date="2025-01-15", source="gamma")
    analysis["meta"]["url"] = "https://example.org/news/1"
    analysis["entities"] = [person(ATTACK, "دونالد ترامب", "E1")]
    place = span_of(ATTACK, "حلب")
    analysis["places"] = [
        {"start": place[0], "end": place[1], "text": "حلب", "name": "Aleppo", "country_code": "SY", "lat": 36.2, "lon": 37.16,
         "geonames_id": 170063, "kind": "city", "confidence": 1.0}
    ]
    trigger = span_of(ATTACK, "قصفت")
    actor = span_of(ATTACK, "دونالد ترامب")
    analysis["events"] = [
        {"type": "ATTACK", "trigger": {"start": trigger[0], "end": trigger[1], "text": "قصفت"}, "sentence": {"start": 0, "end": len(ATTACK)},
         "modality": "happened", "source": None, "target": {"name": "دونالد ترامب", "entity_id": "E1", "start": actor[0], "end": actor[1]},
         "place": 0, "date": None}
    ]
    return analysis


@pytest.fixture
def store(store_target: str):
    with open_store(store_target) as opened:
        for analysis in [*trump_articles(), geneva_analysis(), attack_analysis()]:
            opened.add(analysis)
        yield opened


def _db_rows(store: Store, table: str) -> list[dict]:
    return [row for batch in tables.table_batches(store, table) for row in batch]


def test_jsonl_is_every_analysis_as_stored(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "dump.jsonl"
    assert export(store, format="jsonl", out=out) == {"analyses": 7}
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [analysis["id"] for analysis in lines] == ["t1", "t2", "t3", "t4", "t5", "geneva", "attack"]
    assert all(analysis == store.get(analysis["id"]) for analysis in lines)


def test_jsonl_reingests_into_the_same_store(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "dump.jsonl"
    export(store, format="jsonl", out=out)
    with open_store(tmp_path / "again.db") as again:
        for line in out.read_text(encoding="utf-8").splitlines():
            assert again.add(json.loads(line))
        assert again.counts() == store.counts()


def test_csv_tables_read_back(store: Store, tmp_path: Path) -> None:
    counts = export(store, format="csv", out=tmp_path / "csv")
    assert counts == {**store.counts(), "identities": 5}
    for table, columns in tables.TABLES.items():
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as stream:
            read = list(csv.DictReader(stream))
        expected = [{name: _as_csv(row[name]) for name, _ in columns} for row in _db_rows(store, table)]
        assert read == expected, table


def _as_csv(value: object) -> str:
    if value is None:
        return ""
    return str(int(value)) if isinstance(value, bool) else str(value)


def test_parquet_tables_read_back(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export(store, format="parquet", out=tmp_path / "pq")
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    expected = _db_rows(store, "quotes")
    for row in expected:
        row["direct"] = bool(row["direct"])
    assert quotes == expected
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert articles.column("topic").to_pylist() == ["politics", "culture", "economy", "politics", "economy", None, None]
    assert articles.column("url").to_pylist()[-1] == "https://example.org/news/1"
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 2


def test_small_batches_give_the_same_dump(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export(store, format="csv", out=tmp_path / "one")
    monkeypatch.setattr(tables, "BATCH_ARTICLES", 2)
    export(store, format="csv", out=tmp_path / "two")
    for table in tables.TABLES:
        assert (tmp_path / "one" / f"{table}.csv").read_bytes() == (tmp_path / "two" / f"{table}.csv").read_bytes()


def test_gdelt_rows_carry_codes_place_actor_and_url(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, format="gdelt", out=out) == {"events": 2}
    with open(out, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert list(rows[0]) == list(COLUMNS)
    negotiate, attack = rows
    assert (negotiate["EventCode"], negotiate["SQLDATE"], negotiate["ActionGeo_FullName"]) == ("", "20240312", "Geneva")
    assert attack["GLOBALEVENTID"] == "attack:0"
    assert (attack["ISODATE"], attack["SQLDATE"]) == ("2025-01-15", "20250115")  # the article's date: the event has none
    assert (attack["EventCode"], attack["EventRootCode"], attack["QuadClass"], attack["PLOVER"]) == ("190", "19", "4", "FIGHT")
    assert (attack["ActionGeo_CountryCode"], attack["ActionGeo_Lat"], attack["ActionGeo_Long"]) == ("SY", "36.2", "37.16")
    assert (attack["Actor2Name"], attack["Actor2Identity"]) == ("دونالد ترامب", "دونلد ترمب")
    assert (attack["SourceName"], attack["SOURCEURL"]) == ("gamma", "https://example.org/news/1")
    assert ATTACK[int(attack["TriggerStart"]) : int(attack["TriggerEnd"])] == attack["Trigger"]


def test_gdelt_codes_agree_with_the_event_lexicon() -> None:
    from marsad.events.lexicon import TYPES_FILE

    lexicon: dict[str, tuple[set[str], set[str]]] = {}
    for line in TYPES_FILE.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("type\t"):
            kind, cameo, plover = line.split("\t")[:3]
            lexicon[kind] = (set(cameo.split("|")), set(plover.split("|")))
    assert set(codes()) == set(lexicon)
    for kind, found in codes().items():
        cameos, plovers = lexicon[kind]
        assert any(found.cameo.startswith(code) for code in cameos), kind
        assert found.cameo.startswith(found.root) and found.quad_class in "1234"
        assert found.plover in plovers, kind


def test_unknown_format_and_file_for_folder(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="choose one of"):
        export(store, format="xml", out=tmp_path / "x")
    (tmp_path / "file").write_text("")
    with pytest.raises(ExportError, match="folder"):
        export(store, format="csv", out=tmp_path / "file")


def test_cli_export(store: Store, store_target: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", store_target, "--format", "gdelt", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert "2 events -> -" in result.stderr


def test_cli_export_help() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--format", "--out", "jsonl", "parquet", "csv", "gdelt"):
        assert option in result.stdout
