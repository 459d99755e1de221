"""Ingest: bytes (text, HTML, RSS/Atom, JSONL; files, folders, stdin) to Article(text, meta), nothing else."""

from .article import MAX_ARTICLE_BYTES, Article, text_id
from .encodings import decode
from .errors import IngestError, Messages
from .feeds import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .sources import KINDS, iter_articles, read_file
from .text import read_text

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
