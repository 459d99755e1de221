"""The store: SQLite with an FTS5 index over normalized Arabic, plus per-layer tables."""

from .records import ArticleInfo, ArticleSummary, EventRecord, QuoteExcerpt, QuoteRecord, SearchHit, SpeakerQuotes, Summary
from .sqlite import DEFAULT_PATH, Store, StoreError, content_hash

__all__ = [
    "DEFAULT_PATH",
    "ArticleInfo",
    "ArticleSummary",
    "EventRecord",
    "QuoteExcerpt",
    "QuoteRecord",
    "SearchHit",
    "SpeakerQuotes",
    "Store",
    "StoreError",
    "Summary",
    "content_hash",
]
