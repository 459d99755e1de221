"""`export(store, format=..., out=...)`: one writer per format, each streaming the store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MarsadError
from . import gdelt
from .tables import TABLES, batches, table_batches

if TYPE_CHECKING:
    from ..store import Store

FORMATS = ("jsonl", "parquet", "csv", "gdelt")
# pyarrow types of the portable column types of `rows.LAYER_TABLES`.
ARROW_TYPES = {"int": "int64", "bigint": "int64", "real": "float64", "bool": "bool_", "text": "string"}


class ExportError(MarsadError):
    """An export that cannot be written; the message says what to do."""


class Messages:
    UNKNOWN_FORMAT = "unknown export format {format!r}; choose one of {formats}"
    NO_PYARROW = "Parquet needs pyarrow; install it with `pip install 'marsad[parquet]'`"
    NOT_A_FOLDER = "{path} is a file; {format} writes one file per table into a folder, give a folder path"


def export(store: Store, *, format: str, out: str | Path) -> dict[str, int]:
    """Write the whole store to `out` in `format`; rows written per table (or "analyses", "events").

    jsonl: one analysis per line, exactly as stored (`out` a file, "-" for stdout).
    parquet, csv: one file per table (articles, entities, quotes, places, events, identities) in the folder `out`.
    gdelt: the events as a GDELT-style tab-separated table (`out` a file, "-" for stdout).
    """
    if format not in FORMATS:
        raise ExportError(Messages.UNKNOWN_FORMAT.format(format=format, formats=", ".join(FORMATS)))
    if format == "jsonl":
        with _text_out(out) as stream:
            return {"analyses": write_jsonl(store, stream)}
    if format == "gdelt":
        with _text_out(out) as stream:
            return {"events": gdelt.write_gdelt(store, stream)}
    folder = Path(out)
    if folder.is_file():
        raise ExportError(Messages.NOT_A_FOLDER.format(path=folder, format=format))
    folder.mkdir(parents=True, exist_ok=True)
    writer = _write_parquet if format == "parquet" else _write_csv
    return {table: writer(store, table, folder) for table in TABLES}


def write_jsonl(store: Store, stream: Any) -> int:
    """Every stored analysis as one JSON line, in ingest order."""
    count = 0
    for analysis in iter_analyses(store):
        stream.write(json.dumps(analysis, ensure_ascii=False) + "\n")
        count += 1
    return count


def iter_analyses(store: Store) -> Iterator[dict[str, Any]]:
    for low, high in batches(store):
        for row in store._execute("SELECT analysis FROM articles WHERE pk > ? AND pk <= ? ORDER BY pk", (low, high)).fetchall():
            yield json.loads(row["analysis"])


def _write_csv(store: Store, table: str, folder: Path) -> int:
    names = [name for name, _ in TABLES[table]]
    count = 0
    with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(names)
        for batch in table_batches(store, table):
            writer.writerows([_csv_value(row[name]) for name in names] for row in batch)
            count += len(batch)
    return count


def _csv_value(value: Any) -> Any:
    # Booleans as 1/0 on both backends (SQLite stores them so); None as an empty field.
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def _write_parquet(store: Store, table: str, folder: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ExportError(Messages.NO_PYARROW) from error
    columns = TABLES[table]
    schema = pa.schema([pa.field(name, getattr(pa, ARROW_TYPES[kind.rstrip("!")])(), nullable=not kind.endswith("!")) for name, kind in columns])
    count = 0
    with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
        for batch in table_batches(store, table):
            if table != "articles":  # SQLite's 0/1 as booleans
                for row in batch:
                    for name, kind in columns:
                        if kind.startswith("bool") and row[name] is not None:
                            row[name] = bool(row[name])
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


class _text_out:
    """`out` opened for UTF-8 text, or stdout for "-"."""

    def __init__(self, out: str | Path) -> None:
        self.out = out
        self.stream: Any = None

    def __enter__(self) -> Any:
        if str(self.out) == "-":
            return sys.stdout
        self.stream = open(self.out, "w", encoding="utf-8", newline="")
        return self.stream

    def __exit__(self, *exc_info: object) -> None:
        if self.stream is not None:
            self.stream.close()
