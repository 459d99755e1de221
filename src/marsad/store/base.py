"""The store's behaviour, written once: writing an analysis, and every query, over a small dialect interface.

A backend (`sqlite.SQLiteStore`, `postgres.PostgresStore`) supplies the connection, the schema,
transactions, the article insert and the full-text index; everything else lives here. Statements are
written once with `?` placeholders; a backend converts them if its driver wants another style.
All values go to the driver as parameters, never into the SQL text.
"""

from __future__ import annotations

import hashlib
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any

from ..errors import MarsadError
from ..ingest.article import text_id
from . import derived, query, rows, search
from .queries import check_query
from .records import ArticleInfo, ArticleSummary, EventRecord, QuoteExcerpt, QuoteRecord, SearchResults, SpeakerQuotes, Summary
from .stories import StoryQueries

LOGGER = logging.getLogger(__name__)

SCHEMA_VERSION = 2
# Version 2 indexes facets and sort keys (`query.IndexEntry`); a version-1 store is reindexed when opened.
TABLES = ("articles", "entities", "quotes", "places", "events")
# What a malformed analysis raises while its rows are built or bound (a missing key, a wrong type).
MALFORMED_ERRORS: tuple[type[Exception], ...] = (KeyError, TypeError, IndexError, ValueError, AttributeError)


class StoreError(MarsadError):
    """A store operation that cannot be done; the message says why and what to do."""


class Messages:
    MISSING = "no database at {path}; create one with `marsad ingest --db {path} PATH...`"
    NOT_A_DATABASE = "{path} is not a Marsad database ({reason})"
    NOT_ANALYSIS = "analysis must be a dict with a \"text\" string (the output of doc_to_dict)"
    NEWER_SCHEMA = "{path} has schema version {version}, newer than this Marsad supports ({supported}); upgrade Marsad"
    MALFORMED = "analysis of {id!r} is malformed ({reason}); nothing was stored"
    ID_TAKEN = "article id {id!r} is already used by a different text; give this article another id (file name or JSONL \"id\")"
    NO_DRIVER = "a PostgreSQL database needs psycopg; install it with `pip install 'marsad[postgres]'`"
    CANNOT_MIGRATE = "cannot add identities and topics to {path} ({reason}); open it once with write access, e.g. `marsad ingest --db {path} -` with empty input"
    CANNOT_CONNECT = "cannot connect to {path} ({reason}); check that the server runs and the URL is right"


def content_hash(text: str) -> str:
    """The identity of an article's content: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(StoryQueries, ABC):
    """A Marsad database; open one with `marsad.store.open_store`. Each article is written in one transaction.

    `conn` is the backend's DB-API connection, there for ad-hoc SQL over the layer tables.
    """

    path: str  # what was opened, for messages (a PostgreSQL URL without its password)
    conn: Any
    dialect: str  # "sqlite" or "postgres", for the few statements that differ (`derived`)
    layer_types: Mapping[str, str]  # the portable column types in this backend's SQL
    # Errors of a write that lost a race for the same content hash or id (a unique constraint).
    conflict_errors: tuple[type[Exception], ...] = ()
    # Driver errors that mean a value cannot be stored as given; reported as a malformed analysis.
    value_errors: tuple[type[Exception], ...] = ()
    # Search totals are counted exactly up to this many matches, estimated above (`query.run`).
    count_limit: int = 10**9
    # Relevance ranks at most this many of the newest matches (`query.rank_window`).
    rank_window_limit: int = 10**9

    # The dialect --------------------------------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement written with `?` placeholders; a cursor whose rows map column names to values."""

    @abstractmethod
    def _executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each parameter tuple."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction: committed when the block ends, rolled back when it raises."""

    @abstractmethod
    def _insert_article(self, params: Sequence[Any]) -> int:
        """Insert one `articles` row (id, content_hash, title, date, source, text, analysis, ingested_at); its pk."""

    @abstractmethod
    def _index(self, pk: int, entry: query.IndexEntry) -> None:
        """Add the article with primary key `pk` to the full-text index."""

    @abstractmethod
    def _has_table(self, name: str) -> bool:
        """Whether the store has a table of this name (the story tables came after the first stores)."""

    @abstractmethod
    def _top(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int) -> list[tuple[int, float]]:
        """(sort key, score) of one page of matching articles; score is higher for better hits."""

    @abstractmethod
    def _count(self, match: query.Match, *, cap: int) -> tuple[int, int | None]:
        """How many articles match, counted up to `cap` (newest first), and the sort key of the last one counted."""

    @abstractmethod
    def _estimate(self, match: query.Match, *, counted: int, last_key: int | None) -> int:
        """An estimate of how many articles match, when more than `counted` do."""

    def _page(self, match: query.Match, *, sort: query.Sort, offset: int, limit: int, cap: int | None) -> query.Page:
        """The hits of one page with their articles, and the matches counted up to `cap` (None: no count).
        From `_top` and `_count`; a server backend may do it in fewer round trips."""
        return query.page(self, match, sort=sort, offset=offset, limit=limit, cap=cap)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return row["value"] if row else None

    # Writing --------------------------------------------------------------------------------

    def find_hash(self, digest: str) -> str | None:
        """The id of the article whose text has this content hash, if stored."""
        return self._scalar("SELECT id AS value FROM articles WHERE content_hash = ?", (digest,))

    def contains_text(self, text: str) -> bool:
        return self.find_hash(content_hash(text)) is not None

    def batch(self) -> AbstractContextManager[None]:
        """Many writes in one transaction (one commit, one sync to disk): each `add` inside it is a
        savepoint, so one that fails is undone alone and the rest commit when the block ends."""
        return self._transaction()

    def add(self, analysis: Mapping[str, Any]) -> bool:
        """Store one analysis (the `doc_to_dict` contract); False if the same text is already stored."""
        text = analysis.get("text") if isinstance(analysis, Mapping) else None
        if not isinstance(text, str):
            raise StoreError(Messages.NOT_ANALYSIS)
        # An unpaired surrogate ("\ud800" from a JSON escape) is no text: refuse it clearly rather
        # than fail inside the hashing or the database driver.
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise StoreError(Messages.MALFORMED.format(id=analysis.get("id"), reason=f"{type(error).__name__}: {error}")) from error
        digest = content_hash(text)
        if self.find_hash(digest) is not None:
            return False
        record = dict(analysis)
        record["id"] = str(record.get("id") or text_id(text))
        article_id = record["id"]
        try:
            payload = json.dumps(record, ensure_ascii=False)
            payload.encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError) as error:
            raise StoreError(Messages.MALFORMED.format(id=article_id, reason=f"{type(error).__name__}: {error}")) from error
        if self._scalar("SELECT 1 AS value FROM articles WHERE id = ?", (article_id,)):
            raise StoreError(Messages.ID_TAKEN.format(id=article_id))
        meta = record.get("meta") or {}
        try:
            with self._transaction():
                try:
                    layers = rows.layer_rows(article_id, record)
                    pk = self._insert_article(
                        (article_id, digest, meta.get("title"), meta.get("date"), meta.get("source"), text, payload, _now())
                    )
                    self._index(pk, query.index_entry(pk, record))
                    for table, table_rows in layers.tables().items():
                        if table_rows:
                            self._executemany(rows.insert_statement(table), table_rows)
                    derived.write(self, article_id, record, layers.identities)
                except (*MALFORMED_ERRORS, *self.value_errors) as error:
                    raise StoreError(Messages.MALFORMED.format(id=article_id, reason=f"{type(error).__name__}: {error}")) from error
        except self.conflict_errors:
            # Another writer stored the same text between our check and our insert.
            if self.find_hash(digest) is not None:
                return False
            raise
        return True

    # Reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis of an article, exactly as added (with its id filled in), and its
        `story` ({"id", "copy_of"}) once it is placed in one."""
        analysis = self._scalar("SELECT analysis AS value FROM articles WHERE id = ?", (article_id,))
        if analysis is None:
            return None
        record = json.loads(analysis)
        story = self.story_of(article_id)
        if story is not None:
            record["story"] = story
        return record

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[ArticleInfo]:
        """Stored articles, newest date first."""
        cursor = self._execute(
            "SELECT id, title, date, source, ingested_at FROM articles ORDER BY date IS NULL, date DESC, pk LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [ArticleInfo(row["id"], row["title"], row["date"], row["source"], row["ingested_at"]) for row in cursor]

    def count(self) -> int:
        return self._scalar("SELECT count(*) AS value FROM articles")

    def search(
        self, text: str, limit: int = 20, *, offset: int = 0, sort: str = "date", count: bool = True, **facets: str | None
    ) -> SearchResults:
        """Articles matching every word of `text`, one page of them, with snippets, highlight offsets and the total.

        Hamza/alef forms, alef maksura, teh marbuta, diacritics and tatweel are ignored on both
        sides, and a word also matches with a proclitic (و ف ب ل ك ال) attached or removed.
        `sort` is "date" (newest first; ties in ingest order; score 0), whose cost does not grow with
        the number of matches, or "relevance" (best first among the newest `query.rank_window`
        matches; scores rank hits within one backend, their scale differs between backends), whose
        cost is bounded by that window (on SQLite, words in many articles narrow without ranking: `fts_rank`). Facets, keyword-only, narrow the
        search inside the index (see `query.Facets`): date_from, date_to, source, topic, speaker,
        place. A bad date or sort raises ValueError.
        """
        text = check_query(text, what="the search query")
        return query.run(self, text, query.Facets(**facets), sort=query.check_sort(sort), offset=offset, limit=limit, count=count)

    def quotes_by_speaker(self, name: str) -> list[QuoteRecord]:
        """Every quote whose speaker's name contains all words of `name`, across spelling variants."""
        wanted = search.name_key(check_query(name, what="the speaker's name"))
        if not wanted:
            return []
        pattern = "%" + rows.escape_like(wanted.split()[0]) + "%"
        cursor = self._execute(
            "SELECT q.*, a.title AS article_title, a.date AS article_date FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.speaker_key LIKE ? ESCAPE '\\' ORDER BY a.date IS NULL, a.date, a.pk, q.start",
            (pattern,),
        )
        return [rows.quote_record(row) for row in cursor if search.name_matches(wanted, row["speaker_key"])]

    def quotes(self, article_id: str | None = None) -> list[QuoteRecord]:
        """All quotes, or those of one article, in text order."""
        sql = "SELECT q.*, a.title AS article_title, a.date AS article_date FROM quotes q JOIN articles a ON a.id = q.article_id"
        params: tuple[Any, ...] = ()
        if article_id is not None:
            sql += " WHERE q.article_id = ?"
            params = (article_id,)
        cursor = self._execute(sql + " ORDER BY a.date IS NULL, a.date, a.pk, q.start", params)
        return [rows.quote_record(row) for row in cursor]

    def events(self, type: str | None = None, place: str | None = None) -> list[EventRecord]:
        """Events, optionally of one type (any case) and at one place (English name or Arabic, any spelling)."""
        check_query(type, what="the event type")
        check_query(place, what="the place")
        sql = "SELECT e.*, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id"
        params: list[Any] = []
        if type:
            sql += " WHERE lower(e.type) = lower(?)"
            params.append(type)
        cursor = self._execute(sql + " ORDER BY a.date IS NULL, a.date, a.pk, e.idx", params)
        return [rows.event_record(row) for row in cursor if not place or rows.place_matches(place, row["place_name"], row["place_key"])]

    def counts(self) -> dict[str, int]:
        # Table names are our constants, not input.
        return {table: self._scalar(f"SELECT count(*) AS value FROM {table}") for table in TABLES}

    def summary(self) -> Summary:
        """Counts, and who said what: per article, each speaker with short excerpts of their quotes."""
        summaries: dict[str, ArticleSummary] = {}
        for info in self._execute("SELECT id, title, date, source FROM articles ORDER BY date IS NULL, date, pk"):
            summaries[info["id"]] = ArticleSummary(info["id"], info["title"], info["date"], info["source"])
        speakers: dict[tuple[str, str], SpeakerQuotes] = {}
        for quote in self.quotes():
            key = (quote.article_id, quote.entity_id or search.name_key(quote.speaker_name or "") or f"?{quote.speaker_type}")
            speaker = speakers.get(key)
            if speaker is None:
                speaker = speakers[key] = SpeakerQuotes(quote.speaker_name, quote.speaker_type, quote.entity_id)
                summaries[quote.article_id].speakers.append(speaker)
            speaker.quotes.append(QuoteExcerpt(quote.start, quote.end, quote.direct, rows.excerpt(quote.text)))
        return Summary(counts=self.counts(), articles=list(summaries.values()))

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, in ingest order."""
        for row in self._execute("SELECT analysis FROM articles ORDER BY pk"):
            yield json.loads(row["analysis"])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
