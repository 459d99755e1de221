"""Plain records the store returns: search hits, quotes, events, and the who-said-what summary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ArticleInfo:
    id: str
    title: str | None
    date: str | None
    source: str | None
    ingested_at: str


@dataclass(slots=True)
class SearchHit:
    """A matching article; `highlights` are half-open offsets into `snippet`, which starts at `snippet_start` in the text."""

    id: str
    title: str | None
    date: str | None
    source: str | None
    score: float  # 0 in date order
    snippet: str
    snippet_start: int
    text_length: int  # of the whole article, to tell whether the snippet is cut at its end
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class QuoteRecord:
    article_id: str
    article_title: str | None
    date: str | None
    start: int
    end: int
    text: str
    direct: bool
    speaker_name: str | None
    speaker_type: str
    entity_id: str | None
    identity_key: str | None = None  # the speaker's identity (`marsad.identities`), None when it has none
    source: str | None = None  # the article's outlet


@dataclass(slots=True)
class EventRecord:
    article_id: str
    date: str | None  # the event's own date, else the article's
    type: str
    modality: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    source_actor: str | None
    target_actor: str | None
    place: str | None  # the place's English name, else its text in the article
    place_text: str | None
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class QuoteExcerpt:
    start: int
    end: int
    direct: bool
    excerpt: str


@dataclass(slots=True)
class SpeakerQuotes:
    name: str | None  # None: the article does not say who
    type: str
    entity_id: str | None
    quotes: list[QuoteExcerpt] = field(default_factory=list)


@dataclass(slots=True)
class ArticleSummary:
    id: str
    title: str | None
    date: str | None
    source: str | None
    speakers: list[SpeakerQuotes] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    counts: dict[str, int]
    articles: list[ArticleSummary] = field(default_factory=list)


@dataclass(slots=True)
class SearchResults:
    """One page of search hits and the number of all matches.

    `total` is exact unless `total_estimated`: above 10,000 matches on SQLite (`query.COUNT_LIMIT`),
    2,000 on PostgreSQL, it is estimated (SQLite: extrapolated from the days the counted matches
    span; PostgreSQL: the planner's estimate from the word statistics). `ranked_window` says that the query matched more articles
    than relevance ranks (`query.rank_window`, the newest), so the best hits are the best of those.
    """

    query: str
    hits: list[SearchHit]
    total: int
    total_estimated: bool = False
    offset: int = 0
    limit: int = 20
    sort: str = "date"
    ranked_window: bool = False
