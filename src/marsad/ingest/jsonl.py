"""JSONL batches: one `{"id", "text", "title"?, "date"?, "source"?}` object per line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .article import MAX_ARTICLE_BYTES, Article, check_length, make_meta, text_id
from .errors import IngestError, Messages, unexpected

OPTIONAL_FIELDS = ("title", "date", "source", "url", "author")


def read_jsonl(path: str | Path) -> Iterator[Article | IngestError]:
    """Articles from a JSONL file; a bad line yields an IngestError naming file and line, the rest continue."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield IngestError(str(path), Messages.UNREADABLE.format(reason=error.strerror or error))
        return
    with handle:
        yield from iter_jsonl(handle, source=str(path))


def iter_jsonl(lines: Iterable[bytes], *, source: str) -> Iterator[Article | IngestError]:
    """Articles from JSONL lines (bytes, as read from a binary file or stdin)."""
    records = 0
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        try:
            yield parse_record(line, source=f"{source}:{number}")
        except IngestError as error:
            yield error
        except Exception as error:  # noqa: BLE001 - one odd line must not cost the rest of the file
            yield unexpected(f"{source}:{number}", error)
    if records == 0:
        yield IngestError(source, Messages.JSONL_EMPTY)


def parse_record(line: bytes, *, source: str) -> Article:
    """One JSONL line to an Article; raises IngestError with a message naming what is wrong."""
    if len(line) > MAX_ARTICLE_BYTES:
        raise IngestError(source, Messages.TOO_LARGE.format(size=len(line), limit=MAX_ARTICLE_BYTES))
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IngestError(source, Messages.JSONL_NOT_UTF8) from error
    try:
        record = json.loads(decoded, parse_int=_parse_int)
    except json.JSONDecodeError as error:
        raise IngestError(source, Messages.JSONL_NOT_JSON.format(reason=error.msg)) from error
    except RecursionError as error:
        raise IngestError(source, Messages.JSONL_TOO_DEEP) from error
    if not isinstance(record, dict):
        raise IngestError(source, Messages.JSONL_NOT_OBJECT.format(kind=type(record).__name__))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(source, Messages.JSONL_NO_TEXT)
    fields = {name: _string_field(record, name, source) for name in OPTIONAL_FIELDS}
    for name, value in (("text", text), *fields.items()):
        _check_unicode(name, value, source)
    check_length(text, source=source)
    record_id = record.get("id")
    article_id = str(record_id) if isinstance(record_id, (str, int)) and str(record_id).strip() else text_id(text)
    meta = make_meta(encoding="utf-8", **fields)
    return Article(id=article_id, text=text, meta=meta)


class BigInt(str):
    """A JSON integer too long for Python's `int` (over 4,300 digits), kept as its digits: an id
    may be any run of digits, and `str(record_id)` gives them back unchanged."""


def _parse_int(digits: str) -> int | str:
    try:
        return int(digits)
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return BigInt(digits)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(name: str, value: str | None, source: str) -> None:
    """JSON may escape half a surrogate pair ("\\ud800"); such a string is no text and could not be
    stored or printed as UTF-8."""
    if value is None:
        return
    match = _SURROGATE.search(value)
    if match is not None:
        escape = f"\\u{ord(match.group()):04x}"
        raise IngestError(source, Messages.JSONL_SURROGATE.format(field=name, escape=escape, index=match.start()))


def _string_field(record: dict[str, Any], name: str, source: str) -> str | None:
    value = record.get(name)
    if isinstance(value, BigInt):
        raise IngestError(source, Messages.JSONL_BAD_FIELD.format(field=name, kind="int"))
    if value is None or isinstance(value, str):
        return value or None
    raise IngestError(source, Messages.JSONL_BAD_FIELD.format(field=name, kind=type(value).__name__))
