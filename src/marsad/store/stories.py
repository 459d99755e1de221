"""The story tables: which story each article is in and which article it copies, and the queries over them.

Written once for both backends, like the layer tables. The tables are additive: a store made before
them gets them from its first writer that places stories (`ensure_story_tables`), and readers of such
a store see no stories until then. Story ids are the id of the article that started the story.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Portable column types, as in rows.LAYER_TABLES ("!" = NOT NULL); "key" = the table's primary key.
STORY_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "stories": (("id", "key"), ("title", "text"), ("start_date", "text!"), ("end_date", "text!"), ("size", "int!")),
    "story_articles": (
        # `ord` orders the articles of one day by arrival: the first of a copy group is its original.
        ("article_id", "key"), ("story_id", "text!"), ("copy_of", "text"), ("date", "text!"), ("ord", "bigint!"),
    ),
}
STORY_INDEXES = (
    ("story_articles_story", "story_articles", "story_id"),
    ("story_articles_date", "story_articles", "date"),
    ("stories_start", "stories", "start_date"),
    ("stories_end", "stories", "end_date"),
)
TOP_NAMES = 5
# Speakers a story lists: those the article names (not "a source said", not an unresolved pronoun).
NAMED_SPEAKERS = ("person", "organization", "group")
# LIMIT for "all": both dialects take a LIMIT with OFFSET, and neither has one word for no limit.
NO_LIMIT = 2**62


def story_schema(types: Mapping[str, str]) -> str:
    """CREATE statements of the story tables in one backend's SQL (`types` as for rows.layer_schema)."""
    statements = []
    for table, columns in STORY_TABLES.items():
        definitions = []
        for name, kind in columns:
            if kind == "key":
                definition = f"    {name} {types['text']} PRIMARY KEY"
            else:
                definition = f"    {name} {types[kind.rstrip('!')]}" + (" NOT NULL" if kind.endswith("!") else "")
            if table == "story_articles" and name == "article_id":
                definition += " REFERENCES articles(id) ON DELETE CASCADE"
            definitions.append(definition)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n" + ",\n".join(definitions) + "\n);")
    statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table}({column});" for name, table, column in STORY_INDEXES]
    return "\n".join(statements)


@dataclass(slots=True)
class StoryArticle:
    id: str
    source: str | None
    date: str
    copy_of: str | None


@dataclass(slots=True)
class Story:
    """One story: `articles` by date and arrival; `speakers` and `places` the most quoted and named in them."""

    id: str
    title: str | None
    start: str
    end: str
    articles: list[StoryArticle] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Placement:
    """Where one article went: its story, the article it copies, and the copies re-pointed to it."""

    article_id: str
    story_id: str
    copy_of: str | None
    date: str
    ord: int
    title: str | None
    repointed: Sequence[str] = ()


@dataclass(slots=True)
class Placed:
    """An article as placed before: what the story index needs to take it back into its window."""

    pk: int
    analysis: dict[str, Any]
    story_id: str
    copy_of: str | None
    date: str
    ord: int


class StoryQueries:
    """The story part of `Store`, over the same dialect methods (`_execute`, `_transaction`, `_has_table`)."""

    _execute: Any
    _executemany: Any
    _transaction: Any
    _has_table: Any
    _story_types: Mapping[str, str]

    # Writing --------------------------------------------------------------------------------

    def ensure_story_tables(self) -> None:
        """Create the story tables in a store made before them; nothing when they are there."""
        if not self._has_table("story_articles"):
            with self._transaction():
                for statement in story_schema(self._story_types).split(";"):
                    if statement.strip():
                        self._execute(statement)

    def place_articles(self, placements: Sequence[Placement]) -> None:
        """Record where each article went, in one transaction (one sync for a whole batch)."""
        if not placements:
            return
        with self._transaction():
            for placement in placements:
                self._place(placement)

    def _place(self, placement: Placement) -> None:
        self._execute(
            "INSERT INTO story_articles (article_id, story_id, copy_of, date, ord) VALUES (?, ?, ?, ?, ?)",
            (placement.article_id, placement.story_id, placement.copy_of, placement.date, placement.ord),
        )
        if placement.repointed:
            self._executemany(
                "UPDATE story_articles SET copy_of = ? WHERE article_id = ?", [(placement.article_id, other) for other in placement.repointed]
            )
        date, title = placement.date, placement.title
        row = self._execute("SELECT start_date, end_date, size, title FROM stories WHERE id = ?", (placement.story_id,)).fetchone()
        if row is None:
            self._execute("INSERT INTO stories (id, title, start_date, end_date, size) VALUES (?, ?, ?, ?, 1)", (placement.story_id, title, date, date))
            return
        # The story's title is its earliest article's headline.
        new_title = title if date < row["start_date"] and title else row["title"]
        self._execute(
            "UPDATE stories SET title = ?, start_date = ?, end_date = ?, size = ? WHERE id = ?",
            (new_title, min(date, row["start_date"]), max(date, row["end_date"]), row["size"] + 1, placement.story_id),
        )

    # Reading --------------------------------------------------------------------------------

    def placed_between(self, date_from: str, date_to: str) -> Iterator[Placed]:
        """The articles already placed in stories, dated from `date_from` to `date_to` (inclusive)."""
        if not self._has_table("story_articles"):
            return
        cursor = self._execute(
            "SELECT a.pk, a.analysis, s.story_id, s.copy_of, s.date, s.ord FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " WHERE s.date >= ? AND s.date <= ? ORDER BY s.date, s.ord",
            (date_from, date_to),
        )
        for row in cursor.fetchall():
            yield Placed(row["pk"], json.loads(row["analysis"]), row["story_id"], row["copy_of"], row["date"], row["ord"])

    def unplaced(self, *, article_id: str | None = None) -> Iterator[tuple[int, dict[str, Any], str]]:
        """(pk, analysis, ingested_at) of the stored articles in no story yet (or of `article_id`, if in
        none), by date then ingest order."""
        clauses, params = [], []
        if self._has_table("story_articles"):
            clauses.append("NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)")
        if article_id is not None:
            clauses.append("a.id = ?")
            params.append(article_id)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        # The keys first, then one analysis at a time: the caller writes to the store between reads,
        # and a whole archive's analyses should not sit in memory.
        keys = [row["pk"] for row in self._execute(f"SELECT a.pk FROM articles a{where} ORDER BY a.date IS NULL, a.date, a.pk", params).fetchall()]
        for pk in keys:
            row = self._execute("SELECT analysis, ingested_at FROM articles WHERE pk = ?", (pk,)).fetchone()
            yield pk, json.loads(row["analysis"]), row["ingested_at"]

    def story_of(self, article_id: str) -> dict[str, str | None] | None:
        """{"id", "copy_of"} of the article's story, or None when it is in none."""
        if not self._has_table("story_articles"):
            return None
        row = self._execute("SELECT story_id, copy_of FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return {"id": row["story_id"], "copy_of": row["copy_of"]} if row else None

    def stories(self, *, date_from: str | None = None, date_to: str | None = None, offset: int = 0, limit: int | None = None) -> tuple[list[Story], int]:
        """Stories overlapping the date range, latest first, a page of them and how many there are in all."""
        if not self._has_table("stories"):
            return [], 0
        where, params = _overlap(date_from, date_to)
        total = self._execute(f"SELECT count(*) AS value FROM stories{where}", params).fetchone()["value"]
        sql = f"SELECT id, title, start_date, end_date FROM stories{where} ORDER BY end_date DESC, start_date DESC, id"
        rows = self._execute(sql + " LIMIT ? OFFSET ?", (*params, NO_LIMIT if limit is None else limit, offset)).fetchall()
        return self._fill([Story(row["id"], row["title"], row["start_date"], row["end_date"]) for row in rows]), total

    def story(self, story_id: str) -> Story | None:
        if not self._has_table("stories"):
            return None
        row = self._execute("SELECT id, title, start_date, end_date FROM stories WHERE id = ?", (story_id,)).fetchone()
        return self._fill([Story(row["id"], row["title"], row["start_date"], row["end_date"])])[0] if row else None

    def _fill(self, stories: list[Story]) -> list[Story]:
        """Add each story's articles, top speakers and top places (one query per table for the page)."""
        if not stories:
            return stories
        by_id = {story.id: story for story in stories}
        marks = ", ".join("?" * len(by_id))
        ids = list(by_id)
        for row in self._execute(
            "SELECT s.story_id, s.article_id, a.source, s.date, s.copy_of FROM story_articles s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.story_id IN ({marks}) ORDER BY s.date, s.ord",
            ids,
        ).fetchall():
            by_id[row["story_id"]].articles.append(StoryArticle(row["article_id"], row["source"], row["date"], row["copy_of"]))
        speakers: dict[str, Counter[str]] = defaultdict(Counter)
        names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for row in self._execute(
            "SELECT s.story_id, q.speaker_key, q.speaker_name FROM story_articles s JOIN quotes q ON q.article_id = s.article_id"
            f" WHERE s.story_id IN ({marks}) AND q.speaker_key IS NOT NULL AND q.speaker_type IN (?, ?, ?)",
            (*ids, *NAMED_SPEAKERS),
        ).fetchall():
            speakers[row["story_id"]][row["speaker_key"]] += 1
            names[(row["story_id"], row["speaker_key"])][row["speaker_name"]] += 1
        places: dict[str, Counter[str]] = defaultdict(Counter)
        place_texts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for row in self._execute(
            "SELECT s.story_id, p.name, p.key, p.text FROM story_articles s JOIN places p ON p.article_id = s.article_id"
            f" WHERE s.story_id IN ({marks})",
            ids,
        ).fetchall():
            # One place however it is spelled: its gazetteer name when resolved, else its folded text.
            group = row["name"] or row["key"]
            places[row["story_id"]][group] += 1
            place_texts[(row["story_id"], group)][row["text"]] += 1
        for story in stories:
            story.speakers = [_commonest(names[(story.id, key)]) for key, _ in _top(speakers[story.id])]
            story.places = [_commonest(place_texts[(story.id, group)]) for group, _ in _top(places[story.id])]
        return stories


def _top(counts: Counter[str]) -> list[tuple[str, int]]:
    # Ties by name, so that the same store always lists the same names.
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_NAMES]


def _commonest(counts: Counter[str]) -> str:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _overlap(date_from: str | None, date_to: str | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause for stories that overlap [date_from, date_to]; either end may be open."""
    clauses, params = [], []
    if date_from:
        clauses.append("end_date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("start_date <= ?")
        params.append(date_to)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
