"""Plain-text articles: the decoded bytes are the article text, exactly (only a BOM is dropped)."""

from __future__ import annotations

from pathlib import Path

from .article import MAX_ARTICLE_BYTES, Article, make_meta, text_id
from .encodings import decode
from .errors import IngestError, Messages

# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 200


def read_text(data: bytes, *, source: str, article_id: str | None = None, path: Path | None = None) -> Article:
    """One article from the bytes of a text file; the first short non-blank line is taken as title."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise IngestError(source, Messages.TOO_LARGE.format(size=len(data), limit=MAX_ARTICLE_BYTES))
    text, encoding = decode(data, source=source)
    if not text.strip():
        raise IngestError(source, Messages.BLANK)
    meta = make_meta(title=first_line_title(text), encoding=encoding, path=str(path) if path else None)
    return Article(id=article_id or text_id(text), text=text, meta=meta)


def first_line_title(text: str) -> str | None:
    """The first non-blank line, stripped, if it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None
