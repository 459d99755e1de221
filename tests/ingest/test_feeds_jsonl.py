"""RSS/Atom items and JSONL records become articles; bad lines and items are reported by position."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.ingest import Article, IngestError, read_feed, read_jsonl

RSS = """<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0"><channel><title>نشرة تجريبية</title>
<item><title>الخبر الأول</title><link>https://example.org/1</link><pubDate>Mon, 25 Mar 2024 08:15:00 +0000</pubDate>
<description><![CDATA[<p>قال المتحدث إن <b>الاجتماع</b> انتهى.</p><p>وأضاف أن الجولة التالية قريبة.</p>]]></description></item>
<item><title>الخبر الثاني</title><guid isPermaLink="false">item-2</guid><description>نص الخبر الثاني &amp; تفاصيله.</description></item>
<item><title>بلا نص</title><link>https://example.org/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أتوم</title>
<entry><title>مدخل</title><id>urn:x:1</id><updated>2024-03-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;نص كامل للمدخل.&lt;/p&gt;</content><summary>ملخص</summary></entry></feed>"""


def test_rss_items_become_articles() -> None:
    items = list(read_feed(RSS.encode("cp1256"), source="feed.xml"))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "https://example.org/1"
    assert first.text == "قال المتحدث إن الاجتماع انتهى.\nوأضاف أن الجولة التالية قريبة."
    assert first.meta["title"] == "الخبر الأول"
    assert first.meta["date"] == "2024-03-25T08:15:00Z"
    assert first.meta["source"] == "نشرة تجريبية"
    assert first.meta["url"] == "https://example.org/1"
    assert first.meta["encoding"] == "windows-1256"
    assert second.id == "item-2" and second.text == "نص الخبر الثاني & تفاصيله."
    assert isinstance(third, IngestError) and "feed.xml#3" in str(third) and "no text" in str(third)


def test_atom_prefers_content_over_summary() -> None:
    (entry,) = read_feed(ATOM.encode(), source="a.atom")
    assert entry.text == "نص كامل للمدخل." and entry.id == "urn:x:1"


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "نص أول", "title": "عنوان", "date": "2024-01-01", "source": "وكالة"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "title": "بلا نص"}),
        "",
        json.dumps({"text": "نص بلا معرف"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "x", "title": 5}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert [a.text for a in articles] == ["نص أول", "نص بلا معرف"]
    assert articles[0].meta == {"title": "عنوان", "date": "2024-01-01", "source": "وكالة", "encoding": "utf-8"}
    assert len(articles[1].id) == 40  # sha1 of the text
    assert [e.split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:6", f"{path}:7"]
    assert all("\n" not in e for e in errors)


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (error,) = read_jsonl(path)
    assert isinstance(error, IngestError) and "no records" in str(error)


def test_jsonl_unpaired_surrogate_escape_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "\\ud800 نص"}\n{"id": "b", "text": "نص سليم"}\n', encoding="utf-8")
    first, second = list(read_jsonl(path))
    assert isinstance(first, IngestError) and "surrogate" in str(first) and ":1:" in str(first)
    assert isinstance(second, Article) and second.text == "نص سليم"
