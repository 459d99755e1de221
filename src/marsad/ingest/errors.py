"""Ingest errors: one exception type, and every message it can carry, in one place."""

from __future__ import annotations

from ..errors import MarsadError


class IngestError(MarsadError):
    """One input that could not be read; `str(error)` is a one-line message naming it."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return type(self), (self.source, self.message)


class Messages:
    """Message templates; each says what is wrong and, where it helps, what to do."""

    EMPTY = "empty input (no text)"
    BLANK = "input contains only whitespace"
    BINARY = "looks like a binary file (NUL bytes); expected text, HTML, RSS/Atom or JSONL"
    UNKNOWN_ENCODING = (
        "cannot detect the text encoding; save it as UTF-8 (or Windows-1256, ISO-8859-6, UTF-16 with BOM)"
    )
    TOO_LARGE = (
        "input is {size:,} bytes, more than an article within the size limit can take ({limit:,} bytes:"
        " 4 per character at most); split it into smaller articles"
    )
    FILE_TOO_LARGE = "file is {size:,} bytes, over the {limit:,}-byte limit for a {kind} file"
    NOT_FOUND = "no such file or folder"
    UNREADABLE = "cannot read: {reason}"
    HTML_NO_TEXT = "no article text could be extracted from this HTML page"
    FEED_MALFORMED = "malformed feed: {reason}"
    FEED_EMPTY = "feed has no items"
    FEED_ITEM_NO_TEXT = "feed item {index}{title} has no text in its content or summary"
    JSONL_NOT_JSON = "line is not valid JSON: {reason}"
    JSONL_NOT_OBJECT = "line is a JSON {kind}, expected an object with a \"text\" field"
    JSONL_NO_TEXT = "record has no non-empty \"text\" string"
    JSONL_BAD_FIELD = "field {field!r} must be a string, got {kind}"
    JSONL_NOT_UTF8 = "line is not valid UTF-8 (JSONL must be UTF-8)"
    JSONL_SURROGATE = "field {field!r} holds an unpaired surrogate escape ({escape}) at character {index}: not valid Unicode text"
    JSONL_EMPTY = "JSONL file has no records"
    JSONL_TOO_DEEP = "line nests JSON arrays or objects too deeply to read"
    UNEXPECTED = "could not be read ({error}); the input was skipped, please report this with the input"


def unexpected(source: str, error: BaseException) -> IngestError:
    """The one-line IngestError for an exception no reader expected (a bug on one input, not a batch stopper)."""
    return IngestError(source, Messages.UNEXPECTED.format(error=" ".join(f"{type(error).__name__}: {error}".split())[:300]))
