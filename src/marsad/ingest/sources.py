"""Paths to articles: files by type, folders recursively, '-' for stdin; bad items become errors."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .article import MAX_ARTICLE_BYTES, Article
from .errors import IngestError, Messages, unexpected
from .feeds import MAX_FEED_BYTES, read_feed
from .html import read_html
from .jsonl import iter_jsonl, read_jsonl
from .text import read_text

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".xml": "feed", ".rss": "feed", ".atom": "feed", ".jsonl": "jsonl"}
STDIN = "-"
LOGGER = logging.getLogger(__name__)


def iter_articles(paths: Iterable[str | os.PathLike[str]], *, stdin: BinaryIO | None = None) -> Iterator[Article | IngestError]:
    """Every article under `paths`, in order; an unreadable item is yielded as an IngestError, never raised.

    Folders are walked recursively in sorted order and only files with a known extension are read;
    a file named explicitly is read whatever its extension, its kind sniffed from its first bytes.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        if str(raw) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from guarded("<stdin>", read_stream(stream, source="<stdin>"))
            continue
        yield from guarded(str(raw), _read_path(Path(raw)))


def _read_path(path: Path) -> Iterator[Article | IngestError]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and child.suffix.lower() in KINDS and not hidden:
                yield from guarded(str(child), read_file(child))
    elif path.exists():
        yield from read_file(path)
    else:
        yield IngestError(str(path), Messages.NOT_FOUND)


def guarded(source: str, items: Iterator[Article | IngestError]) -> Iterator[Article | IngestError]:
    """`items`, with an exception escaping its reader turned into one IngestError for `source`.

    Readers report the errors they expect themselves; this catches the rest (a bug met on one odd
    input), so that one input can never end the batch. A reader that raised cannot go on, so
    what it had not yet read of that one input is lost, and only that.
    """
    try:
        yield from items
    except IngestError as error:
        yield error
    except Exception as error:  # noqa: BLE001 - one input's failure must not stop the batch
        LOGGER.debug("reading %s failed", source, exc_info=True)
        yield unexpected(source, error)


def read_file(path: Path) -> Iterator[Article | IngestError]:
    """Articles in one file (one for text/HTML, many for feeds and JSONL)."""
    source = str(path)
    kind = KINDS.get(path.suffix.lower())
    if kind == "jsonl":
        yield from read_jsonl(path)
        return
    try:
        size = path.stat().st_size
        limit = MAX_FEED_BYTES if kind == "feed" else MAX_ARTICLE_BYTES
        if size > limit and kind is not None:
            yield IngestError(source, Messages.FILE_TOO_LARGE.format(size=size, limit=limit, kind=kind))
            return
        with path.open("rb") as handle:
            data = handle.read(max(MAX_ARTICLE_BYTES, MAX_FEED_BYTES) + 1)
    except OSError as error:
        yield IngestError(source, Messages.UNREADABLE.format(reason=error.strerror or error))
        return
    yield from read_bytes(data, source=source, kind=kind or sniff_kind(data), article_id=path.stem, path=path)


def read_stream(stream: BinaryIO, *, source: str) -> Iterator[Article | IngestError]:
    """Articles from a byte stream whose kind is sniffed (stdin)."""
    head = stream.read(_SNIFF_BYTES)
    if sniff_kind(head) == "jsonl":
        yield from iter_jsonl(_chain_lines(head, stream), source=source)
        return
    data = head + stream.read(MAX_FEED_BYTES + 1 - len(head))
    yield from read_bytes(data, source=source, kind=sniff_kind(data), article_id=None, path=None)


def read_bytes(data: bytes, *, source: str, kind: str, article_id: str | None, path: Path | None) -> Iterator[Article | IngestError]:
    """Articles from the bytes of one input of a known kind ('text', 'html', 'feed', 'jsonl')."""
    yield from guarded(source, _read_kind(data, source=source, kind=kind, article_id=article_id, path=path))


def _read_kind(data: bytes, *, source: str, kind: str, article_id: str | None, path: Path | None) -> Iterator[Article | IngestError]:
    if kind == "feed":
        yield from read_feed(data, source=source, path=path)
    elif kind == "jsonl":
        yield from iter_jsonl(data.splitlines(keepends=True), source=source)
    elif kind == "html":
        yield read_html(data, source=source, article_id=article_id, path=path)
    else:
        yield read_text(data, source=source, article_id=article_id, path=path)


_SNIFF_BYTES = 64 * 1024


def sniff_kind(data: bytes) -> str:
    """Guess 'feed', 'html', 'jsonl' or 'text' from the first bytes of an input."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


def _chain_lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    rest = head.splitlines(keepends=True)
    if rest and not rest[-1].endswith(b"\n"):
        tail = rest.pop()
        following = stream.readline()
        rest.append(tail + following)
    yield from rest
    yield from stream
