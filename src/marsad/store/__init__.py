"""The store: articles, their analyses and per-layer tables, with full-text search over normalized Arabic.

`open_store(target)` opens a SQLite file (FTS5 index) or, for a postgresql:// URL, a PostgreSQL
database (tsvector index); both are a `Store` with the same methods and results.
"""

from .backends import is_postgres_url, open_store
from .base import Store, StoreError, content_hash
from .records import ArticleInfo, ArticleSummary, EventRecord, QuoteExcerpt, QuoteRecord, SearchHit, SpeakerQuotes, Summary
from .sqlite import DEFAULT_PATH, SQLiteStore

__all__ = [
    "DEFAULT_PATH",
    "ArticleInfo",
    "ArticleSummary",
    "EventRecord",
    "QuoteExcerpt",
    "QuoteRecord",
    "SQLiteStore",
    "SearchHit",
    "SpeakerQuotes",
    "Store",
    "StoreError",
    "Summary",
    "content_hash",
    "is_postgres_url",
    "open_store",
]
