"""The SQLite store: one file holding each article's text, its analysis JSON, an FTS5 index, and
per-layer tables (entities, quotes, places, events) that later features can query."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..arabic.normalize import normalize
from ..errors import MarsadError
from ..ingest.article import text_id
from . import search
from .records import ArticleInfo, ArticleSummary, EventRecord, QuoteExcerpt, QuoteRecord, SearchHit, SpeakerQuotes, Summary

LOGGER = logging.getLogger(__name__)

DEFAULT_PATH = "marsad.db"
SCHEMA_VERSION = 1
EXCERPT_CHARS = 120
# bm25 weights of the FTS columns (title, body, stems): a match in the headline says most.
BM25_WEIGHTS = (3.0, 1.0, 0.5)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, stems, tokenize = 'unicode61');
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT,
    key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    speaker_name TEXT,
    speaker_key TEXT,
    speaker_type TEXT NOT NULL,
    entity_id TEXT
);
CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT,
    country_code TEXT,
    lat REAL,
    lon REAL,
    geonames_id INTEGER,
    kind TEXT,
    key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    modality TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    source_actor TEXT,
    source_entity_id TEXT,
    target_actor TEXT,
    target_entity_id TEXT,
    place_name TEXT,
    place_text TEXT,
    place_key TEXT,
    lat REAL,
    lon REAL,
    date TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE INDEX IF NOT EXISTS places_article ON places(article_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
"""


class StoreError(MarsadError):
    """A store operation that cannot be done; the message says why and what to do."""


class Messages:
    MISSING = "no database at {path}; create one with `marsad ingest --db {path} PATH...`"
    NOT_A_DATABASE = "{path} is not a Marsad database ({reason})"
    NOT_ANALYSIS = "analysis must be a dict with a \"text\" string (the output of doc_to_dict)"
    NEWER_SCHEMA = "{path} has schema version {version}, newer than this Marsad supports ({supported}); upgrade Marsad"
    MALFORMED = "analysis of {id!r} is malformed ({reason}); nothing was stored"
    ID_TAKEN = "article id {id!r} is already used by a different text; give this article another id (file name or JSONL \"id\")"


def content_hash(text: str) -> str:
    """The identity of an article's content: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """One SQLite file. Each article is written in one transaction; all SQL is parametrized."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(Messages.MISSING.format(path=self.path))
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                self._create_schema()
        except sqlite3.DatabaseError as error:
            raise StoreError(Messages.NOT_A_DATABASE.format(path=self.path, reason=error)) from error
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(Messages.NEWER_SCHEMA.format(path=self.path, version=version, supported=SCHEMA_VERSION))

    def _create_schema(self) -> None:
        # Only on a new file, so readers (the web app opens one store per request) never write.
        # One transaction: no half-created schema, and one sync instead of twenty. The default
        # rollback journal, not WAL: a single file to copy or delete; busy_timeout covers the
        # brief waits between one writer and its readers at this scale.
        self.conn.executescript(f"BEGIN;\n{SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Writing --------------------------------------------------------------------------------

    def find_hash(self, digest: str) -> str | None:
        """The id of the article whose text has this content hash, if stored."""
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        return row["id"] if row else None

    def contains_text(self, text: str) -> bool:
        return self.find_hash(content_hash(text)) is not None

    def add(self, analysis: Mapping[str, Any]) -> bool:
        """Store one analysis (the `doc_to_dict` contract); False if the same text is already stored."""
        text = analysis.get("text") if isinstance(analysis, Mapping) else None
        if not isinstance(text, str):
            raise StoreError(Messages.NOT_ANALYSIS)
        digest = content_hash(text)
        if self.find_hash(digest) is not None:
            return False
        record = dict(analysis)
        record["id"] = str(record.get("id") or text_id(text))
        article_id = record["id"]
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise StoreError(Messages.ID_TAKEN.format(id=article_id))
        meta = record.get("meta") or {}
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                cursor = self.conn.execute(
                    "INSERT INTO articles (id, content_hash, title, date, source, text, analysis, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (article_id, digest, meta.get("title"), meta.get("date"), meta.get("source"), text, json.dumps(record, ensure_ascii=False), _now()),
                )
                self.conn.execute(
                    "INSERT INTO articles_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                    (cursor.lastrowid, *search.index_fields(meta.get("title"), text)),
                )
                self._insert_layers(article_id, record)
            except BaseException as error:
                self.conn.execute("ROLLBACK")
                if isinstance(error, (KeyError, TypeError, IndexError, ValueError, AttributeError)):
                    raise StoreError(Messages.MALFORMED.format(id=article_id, reason=f"{type(error).__name__}: {error}")) from error
                raise
            self.conn.execute("COMMIT")
        except sqlite3.IntegrityError:
            # Another writer stored the same text between our check and our insert.
            if self.find_hash(digest) is not None:
                return False
            raise
        return True

    def _insert_layers(self, article_id: str, record: Mapping[str, Any]) -> None:
        text: str = record["text"]
        self.conn.executemany(
            'INSERT INTO entities (article_id, start, "end", text, label, entity_id, key) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [
                (article_id, ent["start"], ent["end"], text[ent["start"] : ent["end"]], ent["label"], ent.get("entity_id"), search.name_key(text[ent["start"] : ent["end"]]))
                for ent in record.get("entities") or []
            ],
        )
        quote_rows = []
        for quote in record.get("quotes") or []:
            speaker = quote.get("speaker") or {}
            name = speaker.get("name")
            quote_rows.append(
                (
                    article_id, quote["start"], quote["end"], text[quote["start"] : quote["end"]], bool(quote.get("direct")),
                    name, search.name_key(name) if name else None, speaker.get("type") or "unresolved", speaker.get("entity_id"),
                )
            )
        self.conn.executemany(
            'INSERT INTO quotes (article_id, start, "end", text, direct, speaker_name, speaker_key, speaker_type, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            quote_rows,
        )
        places = list(record.get("places") or [])
        self.conn.executemany(
            'INSERT INTO places (article_id, idx, start, "end", text, name, country_code, lat, lon, geonames_id, kind, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                (
                    article_id, index, place["start"], place["end"], text[place["start"] : place["end"]], place.get("name"), place.get("country_code"),
                    place.get("lat"), place.get("lon"), place.get("geonames_id"), place.get("kind"), place_key(text[place["start"] : place["end"]]),
                )
                for index, place in enumerate(places)
            ],
        )
        event_rows = []
        for index, event in enumerate(record.get("events") or []):
            trigger = event["trigger"]
            sentence = event.get("sentence") or trigger
            source = event.get("source") or {}
            target = event.get("target") or {}
            place_index = event.get("place")
            place = places[place_index] if isinstance(place_index, int) and 0 <= place_index < len(places) else None
            place_text = text[place["start"] : place["end"]] if place else None
            event_rows.append(
                (
                    article_id, index, event["type"], event.get("modality") or "happened",
                    trigger["start"], trigger["end"], text[trigger["start"] : trigger["end"]], sentence["start"], sentence["end"],
                    source.get("name"), source.get("entity_id"), target.get("name"), target.get("entity_id"),
                    place.get("name") if place else None, place_text, place_key(place_text) if place_text else None,
                    place.get("lat") if place else None, place.get("lon") if place else None, event.get("date"),
                )
            )
        self.conn.executemany(
            "INSERT INTO events (article_id, idx, type, modality, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end,"
            " source_actor, source_entity_id, target_actor, target_entity_id, place_name, place_text, place_key, lat, lon, date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            event_rows,
        )

    # Reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis of an article, exactly as added (with its id filled in)."""
        row = self.conn.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row["analysis"]) if row else None

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[ArticleInfo]:
        """Stored articles, newest date first."""
        rows = self.conn.execute(
            "SELECT id, title, date, source, ingested_at FROM articles ORDER BY date IS NULL, date DESC, pk LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [ArticleInfo(row["id"], row["title"], row["date"], row["source"], row["ingested_at"]) for row in rows]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every word of `query`, best first, with a snippet and highlight offsets.

        Hamza/alef forms, alef maksura, teh marbuta, diacritics and tatweel are ignored on both
        sides, and a word also matches with a proclitic (و ف ب ل ك ال) attached or removed.
        """
        terms = search.parse_query(query)
        if not terms:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.source, a.text, bm25(articles_fts, ?, ?, ?) AS score"
            " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY score, a.pk LIMIT ?",
            (*BM25_WEIGHTS, search.fts_expression(terms), limit),
        )
        hits = []
        for row in rows:
            text = row["text"]
            spans = search.highlights(text, terms)
            start, end = search.snippet_bounds(text, spans)
            hits.append(
                SearchHit(
                    id=row["id"], title=row["title"], date=row["date"], source=row["source"], score=-row["score"],
                    snippet=text[start:end], snippet_start=start, text_length=len(text),
                    highlights=[(s - start, e - start) for s, e in spans if start <= s and e <= end],
                )
            )
        return hits

    def quotes_by_speaker(self, name: str) -> list[QuoteRecord]:
        """Every quote whose speaker's name contains all words of `name`, across spelling variants."""
        wanted = search.name_key(name)
        if not wanted:
            return []
        pattern = "%" + _escape_like(wanted.split()[0]) + "%"
        rows = self.conn.execute(
            'SELECT q.*, a.title AS article_title, a.date AS article_date FROM quotes q JOIN articles a ON a.id = q.article_id'
            " WHERE q.speaker_key LIKE ? ESCAPE '\\' ORDER BY a.date IS NULL, a.date, a.pk, q.start",
            (pattern,),
        )
        return [_quote_record(row) for row in rows if search.name_matches(wanted, row["speaker_key"])]

    def quotes(self, article_id: str | None = None) -> list[QuoteRecord]:
        """All quotes, or those of one article, in text order."""
        sql = "SELECT q.*, a.title AS article_title, a.date AS article_date FROM quotes q JOIN articles a ON a.id = q.article_id"
        params: tuple[Any, ...] = ()
        if article_id is not None:
            sql += " WHERE q.article_id = ?"
            params = (article_id,)
        rows = self.conn.execute(sql + " ORDER BY a.date IS NULL, a.date, a.pk, q.start", params)
        return [_quote_record(row) for row in rows]

    def events(self, type: str | None = None, place: str | None = None) -> list[EventRecord]:
        """Events, optionally of one type and at one place (English name or Arabic, any spelling)."""
        sql = "SELECT e.*, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id"
        params: list[Any] = []
        if type:
            sql += " WHERE e.type = ? COLLATE NOCASE"
            params.append(type)
        rows = self.conn.execute(sql + " ORDER BY a.date IS NULL, a.date, a.pk, e.idx", params)
        records = []
        for row in rows:
            if place and not _place_matches(place, row["place_name"], row["place_key"]):
                continue
            records.append(
                EventRecord(
                    article_id=row["article_id"], date=row["date"] or row["article_date"], type=row["type"], modality=row["modality"],
                    trigger_start=row["trigger_start"], trigger_end=row["trigger_end"], trigger=row["trigger_text"],
                    sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
                    source_actor=row["source_actor"], target_actor=row["target_actor"],
                    place=row["place_name"] or row["place_text"], place_text=row["place_text"], lat=row["lat"], lon=row["lon"],
                )
            )
        return records

    def counts(self) -> dict[str, int]:
        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("articles", "entities", "quotes", "places", "events")}

    def summary(self) -> Summary:
        """Counts, and who said what: per article, each speaker with short excerpts of their quotes."""
        summaries: dict[str, ArticleSummary] = {}
        for info in self.conn.execute("SELECT id, title, date, source FROM articles ORDER BY date IS NULL, date, pk"):
            summaries[info["id"]] = ArticleSummary(info["id"], info["title"], info["date"], info["source"])
        speakers: dict[tuple[str, str], SpeakerQuotes] = {}
        for quote in self.quotes():
            key = (quote.article_id, quote.entity_id or search.name_key(quote.speaker_name or "") or f"?{quote.speaker_type}")
            speaker = speakers.get(key)
            if speaker is None:
                speaker = speakers[key] = SpeakerQuotes(quote.speaker_name, quote.speaker_type, quote.entity_id)
                summaries[quote.article_id].speakers.append(speaker)
            speaker.quotes.append(QuoteExcerpt(quote.start, quote.end, quote.direct, excerpt(quote.text)))
        return Summary(counts=self.counts(), articles=list(summaries.values()))

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, in ingest order."""
        for row in self.conn.execute("SELECT analysis FROM articles ORDER BY pk"):
            yield json.loads(row["analysis"])


def place_key(text: str) -> str:
    """A place's text normalized and without proclitics: 'بجنيف' -> 'جنيف'."""
    return " ".join(search.stem(word) for word in search.WORD.findall(normalize(text)))


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of `text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit] + "…"


def _place_matches(query: str, name: str | None, key: str | None) -> bool:
    if name and query.strip().casefold() == name.casefold():
        return True
    return bool(key) and place_key(query) == key


def _quote_record(row: sqlite3.Row) -> QuoteRecord:
    return QuoteRecord(
        article_id=row["article_id"], article_title=row["article_title"], date=row["article_date"],
        start=row["start"], end=row["end"], text=row["text"], direct=bool(row["direct"]),
        speaker_name=row["speaker_name"], speaker_type=row["speaker_type"], entity_id=row["entity_id"],
    )


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
