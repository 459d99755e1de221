"""The unit of ingest: one article's clean text and its metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import Errors
from ..limits import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES
from .errors import IngestError

# The one size limit is on the text, in characters (`marsad.limits`); an input of more bytes than
# this cannot hold an article within it, so it is refused before it is decoded.
MAX_ARTICLE_BYTES = MAX_INPUT_BYTES
META_KEYS = ("title", "date", "source", "encoding")


@dataclass(slots=True)
class Article:
    """`text` is what the pipeline analyzes; `meta` holds title, date, source, encoding (+ url, author, path)."""

    id: str | None
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def check_length(text: str, *, source: str) -> str:
    """`text`, or an IngestError when it is over the article size limit (checked before any analysis)."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(source, Errors.E004.format(length=len(text), limit=MAX_ARTICLE_CHARS))
    return text


def text_id(text: str) -> str:
    """Fallback article id: the SHA-1 of the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def make_meta(*, title: str | None = None, date: str | None = None, source: str | None = None, encoding: str | None = None, **extra: Any) -> dict[str, Any]:
    """Metadata with the four contract keys always present and extras only when known."""
    meta: dict[str, Any] = {"title": title, "date": date, "source": source, "encoding": encoding}
    meta.update({key: value for key, value in extra.items() if value not in (None, "")})
    return meta
