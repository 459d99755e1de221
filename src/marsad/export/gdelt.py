"""A GDELT-style event table: one tab-separated row per event, with CAMEO and PLOVER codes.

Columns follow GDELT 2.0's event export where Marsad has the field (GLOBALEVENTID, SQLDATE,
Actor1Name, EventCode, EventRootCode, QuadClass, ActionGeo_*, SOURCEURL), plus an ISO date, the
PLOVER name, the actors' identity keys and the trigger's evidence offsets. Country codes are ISO
3166-1 alpha-2, not GDELT's FIPS codes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .tables import article_rows, batches

if TYPE_CHECKING:
    from ..store import Store

CODES_FILE = Path(__file__).resolve().parent.parent / "resources" / "events" / "gdelt.tsv"
COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "ISODATE", "Actor1Name", "Actor1Identity", "Actor2Name", "Actor2Identity",
    "EventCode", "EventRootCode", "QuadClass", "PLOVER", "MarsadType", "Modality",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "SourceName", "SOURCEURL", "ArticleID", "TriggerStart", "TriggerEnd", "Trigger",
)
# The actor's identity: the identity of an entity of the article with the actor's entity id.
_ACTOR_IDENTITY = "(SELECT max(x.identity_key) FROM entities x WHERE x.article_id = e.article_id AND x.entity_id = e.{role}_entity_id)"
EVENTS_SQL = (
    "SELECT e.*, a.date AS article_date, a.source AS article_source,"
    f" {_ACTOR_IDENTITY.format(role='source')} AS source_identity, {_ACTOR_IDENTITY.format(role='target')} AS target_identity,"
    " (SELECT max(p.country_code) FROM places p WHERE p.article_id = e.article_id AND p.key = e.place_key) AS country_code"
    " FROM events e JOIN articles a ON a.id = e.article_id WHERE a.pk > ? AND a.pk <= ? ORDER BY a.pk, e.idx"
)


@dataclass(frozen=True, slots=True)
class Codes:
    cameo: str
    root: str
    quad_class: str
    plover: str


@lru_cache(maxsize=1)
def codes() -> dict[str, Codes]:
    """Marsad event type (upper case) -> its GDELT codes, from resources/events/gdelt.tsv."""
    table = {}
    lines = [line for line in CODES_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        kind, cameo, root, quad_class, plover = line.split("\t")
        table[kind] = Codes(cameo, root, quad_class, plover)
    return table


def write_gdelt(store: Store, out: TextIO) -> int:
    """Every event of the store as a row of `out` (tab-separated, header first); the number of events."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in _rows(store):
        writer.writerow(row)
        count += 1
    return count


def _rows(store: Store) -> Iterator[list[Any]]:
    for low, high in batches(store):
        urls = {row["id"]: row["url"] for row in article_rows(store, low, high)}
        for event in store._execute(EVENTS_SQL, (low, high)).fetchall():
            yield _row(event, urls.get(event["article_id"]))


def _row(event: Any, url: str | None) -> list[Any]:
    iso = (event["date"] or event["article_date"] or "")[:10]
    found = codes().get(event["type"].upper())
    return [
        f"{event['article_id']}:{event['idx']}", iso.replace("-", "") if len(iso) == 10 else "", iso,
        _one_line(event["source_actor"]), event["source_identity"], _one_line(event["target_actor"]), event["target_identity"],
        found.cameo if found else "", found.root if found else "", found.quad_class if found else "", found.plover if found else "",
        event["type"], event["modality"],
        _one_line(event["place_name"] or event["place_text"]), event["country_code"], event["lat"], event["lon"],
        event["article_source"], url, event["article_id"], event["trigger_start"], event["trigger_end"], _one_line(event["trigger_text"]),
    ]


def _one_line(value: str | None) -> str | None:
    # GDELT readers split on tabs and newlines; a name never needs either.
    return " ".join(value.split()) if value else value
