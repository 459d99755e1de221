"""Decoding: every encoding we promise, reported in meta, with the text exactly as written."""

from __future__ import annotations

import codecs

import pytest

from marsad.ingest import IngestError, decode, read_text
from marsad.ingest.encodings import arabic_score

from .conftest import ARTICLE

# iso-8859-6 has no «» nor shadda-free letters beyond the basic set; use a text it can hold.
PLAIN = "قال الوزير إن المحادثات مستمرة، وإن الحل السياسي هو الخيار الوحيد أمام الأطراف كافة؟\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("cp1256"), "windows-1256"),
        (PLAIN.encode("cp1256"), "windows-1256"),
        (PLAIN.encode("iso-8859-6"), "iso-8859-6"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "cp1256", "cp1256-plain", "iso-8859-6"],
)
def test_decode_detects_encoding(data: bytes, expected: str) -> None:
    text, encoding = decode(data, source="x.txt")
    assert encoding == expected
    assert text in (ARTICLE, PLAIN)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_read_text_keeps_text_exactly(encoding: str) -> None:
    article = read_text(ARTICLE.encode(encoding), source="x.txt", article_id="x")
    assert article.text == ARTICLE
    assert article.id == "x"
    assert article.meta["encoding"]
    assert article.meta["title"] == "محادثات جديدة في جنيف"


def test_read_text_keeps_crlf_and_spaces() -> None:
    raw = "  سطر أول\r\nسطر ثان  \r\n"
    assert read_text(raw.encode("cp1256"), source="x.txt").text == raw


def test_short_text_in_both_arabic_code_pages() -> None:
    # "من هو" is valid in both pages; a tie must go to the far more common Windows-1256.
    assert decode("من هو".encode("cp1256"), source="x")[1] == "windows-1256"
    assert decode("من هو".encode("iso-8859-6"), source="x") == ("من هو", "iso-8859-6")


def test_arabic_score_prefers_the_right_page() -> None:
    data = PLAIN.encode("iso-8859-6")
    assert arabic_score(data.decode("iso-8859-6")) > arabic_score(data.decode("cp1256"))


def test_declared_encoding_is_used_when_it_decodes() -> None:
    assert decode(PLAIN.encode("cp1256"), source="x", declared="windows-1256") == (PLAIN, "windows-1256")


def test_wrong_declared_latin1_is_overridden_for_arabic() -> None:
    assert decode(PLAIN.encode("cp1256"), source="x", declared="iso-8859-1") == (PLAIN, "windows-1256")


def test_wrong_declared_arabic_page_is_overridden() -> None:
    assert decode(PLAIN.encode("iso-8859-6"), source="x", declared="windows-1256") == (PLAIN, "iso-8859-6")


def test_unknown_declared_charset_falls_back_to_detection() -> None:
    assert decode(PLAIN.encode("cp1256"), source="x", declared="x-no-such-charset") == (PLAIN, "windows-1256")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xff\xfe\x00\xd8", "encoding"),
        (bytes(range(128, 256)) * 4, "cannot detect the text encoding"),
    ],
    ids=["empty", "nul-bytes", "control-chars", "bad-utf16", "unknown"],
)
def test_bad_bytes_raise_one_line_error(data: bytes, fragment: str) -> None:
    with pytest.raises(IngestError) as info:
        decode(data, source="bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: ")
    assert fragment in message
    assert "\n" not in message
