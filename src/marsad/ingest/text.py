"""Plain-text articles: the decoded bytes are the article text, exactly (only a BOM is dropped)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..dates.resolve import find_dates
from .article import MAX_ARTICLE_BYTES, Article, check_length, make_meta, text_id
from .encodings import decode
from .errors import IngestError, Messages

# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 200
# A dateline ("جنيف - الثلاثاء 12 آذار/مارس 2024") sits in the first lines of the text.
DATELINE_CHARS = 300
FULL_DATE_LENGTH = len("2024-03-12")
LOGGER = logging.getLogger(__name__)


def read_text(data: bytes, *, source: str, article_id: str | None = None, path: Path | None = None) -> Article:
    """One article from the bytes of a text file; the first short non-blank line is taken as title."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise IngestError(source, Messages.TOO_LARGE.format(size=len(data), limit=MAX_ARTICLE_BYTES))
    text, encoding = decode(data, source=source)
    if not text.strip():
        raise IngestError(source, Messages.BLANK)
    check_length(text, source=source)
    meta = make_meta(title=first_line_title(text), encoding=encoding, path=str(path) if path else None)
    if not meta.get("date"):
        meta["date"] = dateline_date(text)
    return Article(id=article_id or text_id(text), text=text, meta=meta)


def first_line_title(text: str) -> str | None:
    """The first non-blank line, stripped, if it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def dateline_date(text: str) -> str | None:
    """The first complete calendar date near the top of the text (its dateline), ISO 8601.

    The dateline is a guess that only fills in missing metadata: if reading it fails, the article
    is read without a date rather than not at all."""
    try:
        mentions = find_dates(text[:DATELINE_CHARS])
    except Exception:  # noqa: BLE001 - a bug in date rules must not cost the article
        LOGGER.warning("reading the dateline failed; the article has no date", exc_info=True)
        return None
    for mention in mentions:
        if mention.value and len(mention.value) == FULL_DATE_LENGTH:
            return mention.value
    return None
