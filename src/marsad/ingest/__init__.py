"""Ingest: bytes (text, HTML, RSS/Atom, JSONL; files, folders, stdin) to Article(text, meta), nothing else.

Names are imported from their modules on first use (PEP 562), so that `marsad.ingest.article`
(which the store needs for `text_id`) does not bring in HTML, feed and dateline readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import MAX_ARTICLE_BYTES, Article, text_id
    from .encodings import decode
    from .errors import IngestError, Messages
    from .feeds import read_feed
    from .html import read_html
    from .jsonl import read_jsonl
    from .sources import KINDS, iter_articles, read_file
    from .text import read_text

_HOMES = {
    "MAX_ARTICLE_BYTES": "article", "Article": "article", "text_id": "article", "decode": "encodings",
    "IngestError": "errors", "Messages": "errors", "read_feed": "feeds", "read_html": "html", "read_jsonl": "jsonl",
    "KINDS": "sources", "iter_articles": "sources", "read_file": "sources", "read_text": "text",
}

__all__ = [
    "KINDS",
    "MAX_ARTICLE_BYTES",
    "Article",
    "IngestError",
    "Messages",
    "decode",
    "iter_articles",
    "read_feed",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_text",
    "text_id",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
