"""HTML pages: right-to-left Arabic, layers highlighted from offsets, article text always escaped."""

from __future__ import annotations

from fastapi.testclient import TestClient

from marsad.web.render import Mark, mark_text

from .conftest import SCRIPT_TEXT


def test_article_page_escapes_script_in_text(client: TestClient) -> None:
    html = client.get("/articles/evil").text
    assert "<script>" not in html
    assert '<span class="ent ent-pers" title="PERS">&lt;script&gt;</span>alert(&#39;x&#39;)&lt;/script&gt;' in html
    assert "<b>عنوان</b>" not in html
    assert "javascript:" not in html


def test_article_page_is_rtl_and_highlights_layers(client: TestClient) -> None:
    html = client.get("/articles/geneva").text
    assert '<html dir="rtl" lang="ar">' in html
    assert '<span class="ent ent-pers" title="PERS">سيرغي لافروف</span>' in html
    assert 'class="quote quote-indirect"' in html and "— سيرغي لافروف" in html
    assert 'class="quote quote-indirect place" title="— سيرغي لافروف · Geneva, CH">جنيف</span>' in html
    assert '<span class="trigger">المحادثات</span>' in html  # event evidence
    assert "46.200, 6.150" in html  # places table
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html  # the map of places


def test_missing_article_page_is_404(client: TestClient) -> None:
    assert client.get("/articles/nope").status_code == 404


def test_index_lists_and_searches(client: TestClient) -> None:
    html = client.get("/").text
    assert 'href="/articles/geneva"' in html and "&lt;b&gt;عنوان&lt;/b&gt;" in html
    html = client.get("/", params={"q": "لافروف"}).text
    assert '<span class="hit">لافروف</span>' in html
    html = client.get("/", params={"q": "<script>"}).text
    assert "<script>" not in html


def test_mark_text_escapes_every_segment_and_handles_overlap() -> None:
    html = str(mark_text(SCRIPT_TEXT, [Mark(0, 4, "a", '"t"'), Mark(2, 14, "b")]))
    assert "<script>" not in html
    assert 'title="&#34;t&#34;"' in html
    assert html.count("<span") == 3  # [0,2) a, [2,4) a b, [4,14) b


def test_mark_text_ignores_bad_offsets() -> None:
    assert str(mark_text("نص", [Mark(5, 9, "x"), Mark(1, 0, "y")])) == "نص"
