"""HTML pages to article text and metadata with trafilatura; HTML fragments to plain text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from .article import MAX_ARTICLE_BYTES, Article, check_length, make_meta, text_id
from .encodings import decode, strip_bom
from .errors import IngestError, Messages

# `<meta charset="...">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "header", "footer", "pre"})
SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")
BLANK_LINES = re.compile(r"\n{3,}")
# Only the head of a page is searched for its declared charset, as browsers do.
_PRESCAN_BYTES = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if any."""
    head = data[:_PRESCAN_BYTES]
    match = XML_ENCODING.search(head) or META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def read_html(data: bytes, *, source: str, article_id: str | None = None, path: Path | None = None) -> Article:
    """One article from an HTML page: main text without boilerplate or comments, plus metadata."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise IngestError(source, Messages.TOO_LARGE.format(size=len(data), limit=MAX_ARTICLE_BYTES))
    declared = None if strip_bom(data)[1] else declared_charset(data)
    markup, encoding = decode(data, source=source, declared=declared)
    try:
        document = trafilatura.bare_extraction(markup, include_comments=False, with_metadata=True, favor_recall=True)
    except (ValueError, etree.LxmlError) as error:
        raise IngestError(source, Messages.HTML_NO_TEXT) from error
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        raise IngestError(source, Messages.HTML_NO_TEXT)
    check_length(text, source=source)
    meta = make_meta(
        title=document.title,
        date=document.date,
        source=document.sitename,
        encoding=encoding,
        url=document.url,
        author=document.author,
        path=str(path) if path else None,
    )
    return Article(id=article_id or document.url or text_id(text), text=text, meta=meta)


def fragment_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary): block elements become line breaks."""
    if "<" not in markup:
        return _tidy(unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
