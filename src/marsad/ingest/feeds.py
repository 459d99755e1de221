"""RSS and Atom feeds: each item becomes one article (title, date, link; text from content or summary)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from .article import Article, check_length, make_meta, text_id
from .encodings import label
from .errors import IngestError, Messages, unexpected
from .html import fragment_to_text

# A feed holds many articles, so it may be larger than one article.
MAX_FEED_BYTES = 50 * 1024 * 1024


def read_feed(data: bytes, *, source: str, path: Path | None = None) -> Iterator[Article | IngestError]:
    """Articles from the bytes of an RSS/Atom feed; a bad item yields an IngestError, the rest continue."""
    if not data.strip():
        yield IngestError(source, Messages.EMPTY)
        return
    if len(data) > MAX_FEED_BYTES:
        yield IngestError(source, Messages.FILE_TOO_LARGE.format(size=len(data), limit=MAX_FEED_BYTES, kind="feed"))
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            reason = str(parsed.get("bozo_exception") or "not RSS or Atom").splitlines()[0]
            yield IngestError(source, Messages.FEED_MALFORMED.format(reason=reason))
        else:
            yield IngestError(source, Messages.FEED_EMPTY)
        return
    feed_title = parsed.feed.get("title") or None
    encoding = _encoding_label(parsed.get("encoding"))
    for index, entry in enumerate(parsed.entries, start=1):
        item_source = f"{source}#{index}"
        try:
            yield _read_entry(entry, index, source=item_source, feed_title=feed_title, encoding=encoding, path=path)
        except IngestError as error:
            yield error
        except Exception as error:  # noqa: BLE001 - one odd item must not cost the rest of the feed
            yield unexpected(item_source, error)


def _read_entry(entry: Any, index: int, *, source: str, feed_title: str | None, encoding: str | None, path: Path | None) -> Article:
    """One feed item as an Article; raises IngestError when it has no usable text."""
    text = fragment_to_text(_entry_markup(entry))
    title = fragment_to_text(entry.get("title", "")) or None
    if not text:
        raise IngestError(source, Messages.FEED_ITEM_NO_TEXT.format(index=index, title=f" ({title!r})" if title else ""))
    check_length(text, source=source)
    link = entry.get("link") or None
    meta = make_meta(
        title=title,
        date=_entry_date(entry),
        source=feed_title,
        encoding=encoding,
        url=link,
        author=entry.get("author") or None,
        path=str(path) if path else None,
    )
    return Article(id=link or entry.get("id") or text_id(text), text=text, meta=meta)


def _entry_markup(entry: Any) -> str:
    # Full content beats the summary, which many feeds truncate.
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"]
    return entry.get("summary", "") or ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return entry.get("published") or entry.get("updated") or None


def _encoding_label(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return label(encoding)
    except LookupError:
        return encoding
