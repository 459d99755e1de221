"""HTML pages: right-to-left Arabic, layers highlighted from offsets, article text always escaped, no inline script."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.web.render import Mark, mark_text

from .conftest import SCRIPT_TEXT
from marsad.identities.keys import identity_key

LAVROV = identity_key("سيرغي لافروف")  # the key a speaker is listed and linked under (spellings folded)

# What a Content-Security-Policy without 'unsafe-inline' would block.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style|\sstyle\s*=", re.IGNORECASE)
PAGES = [
    "/", "/articles", "/articles/geneva", "/articles/evil", "/speakers", "/speakers/" + quote(LAVROV), "/entities",
    "/entities/" + quote(LAVROV), "/places", "/places/2660646", "/events", "/search?q=" + quote("لافروف"), "/docs", "/nope",
]


def test_article_page_escapes_script_in_text(client: TestClient) -> None:
    html = client.get("/articles/evil").text
    assert "<script>" not in html
    assert '<span class="ent ent-pers f-n12" title="PERS">&lt;script&gt;</span>alert(&#39;x&#39;)&lt;/script&gt;' in html
    assert "<b>عنوان</b>" not in html
    assert "javascript:" not in html


def test_article_page_is_rtl_and_highlights_layers(client: TestClient) -> None:
    html = client.get("/articles/geneva").text
    assert '<html dir="rtl" lang="ar">' in html
    assert re.search(r'<span class="ent ent-pers [^"]*f-n\d+[^"]*" title="PERS[^"]*">سيرغي لافروف</span>', html)
    assert 'class="quote quote-indirect' in html and "— سيرغي لافروف" in html
    assert '<span class="anchor" id="p0"></span>' in html and "f-p0" in html  # the place's evidence anchor
    assert '<span class="trigger">المحادثات</span>' in html  # event evidence
    assert 'href="/speakers/' + quote("سيرغي لافروف") + '"' in html  # by name; /speakers/{name} redirects to the identity
    assert 'href="#q' in html and 'href="#e0"' in html and 'href="/places/2660646"' in html


def test_article_page_hides_offsets_and_labels_in_arabic(client: TestClient) -> None:
    html = client.get("/articles/geneva").text
    text = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\d+\s*[–-]\s*\d+", text.split("</h1>")[-1].replace("2024-03-12", ""))  # no "start–end" shown
    assert "وقع" in text  # modality "happened"
    assert "مدينة" in text  # place kind "city"


def test_places_are_one_row_per_place_with_their_mentions() -> None:
    from marsad.web.views import place_rows
    from tests.store.factories import make_analysis, span_of

    text = "زار جنيف ثم عاد الى جنيف وبعدها الى برن"
    analysis = make_analysis(text)
    geneva = {"name": "Geneva", "country_code": "CH", "lat": 46.2, "lon": 6.15, "geonames_id": 2660646, "kind": "city"}
    first, second = span_of(text, "جنيف"), span_of(text, "جنيف", 1)
    bern = span_of(text, "برن")
    analysis["places"] = [
        {"start": first[0], "end": first[1], **geneva}, {"start": second[0], "end": second[1], **geneva},
        {"start": bern[0], "end": bern[1], "name": None, "country_code": None, "lat": None, "lon": None, "geonames_id": None, "kind": None},
    ]
    rows = place_rows(analysis)
    assert [(row["text"], row["count"], row["anchors"]) for row in rows] == [("جنيف", 2, ["p0", "p1"]), ("برن", 1, ["p2"])]


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert not INLINE_SCRIPT.search(html), path
    assert not INLINE_HANDLER.search(html), path
    assert not INLINE_STYLE.search(html), path


def test_missing_pages_are_html_and_api_errors_json(client: TestClient) -> None:
    for path in ("/articles/nope", "/speakers/nobody", "/places/0", "/stories/none", "/nope"):
        response = client.get(path)
        assert response.status_code == 404 and response.headers["content-type"].startswith("text/html"), path
        assert '<html dir="rtl" lang="ar">' in response.text
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and response.json()["detail"]
    bad = client.get("/events", params={"from": "yesterday"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")


def test_docs_are_served_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "cdn" not in html.lower() and 'src="/static/vendor/swagger-ui/swagger-ui-bundle.js"' in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/js/docs.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "Marsad"


def test_index_lists_and_search_pages(client: TestClient) -> None:
    html = client.get("/").text
    assert 'href="/articles/geneva"' in html and "&lt;b&gt;عنوان&lt;/b&gt;" in html
    assert 'href="/speakers/' + quote(LAVROV) + '"' in html
    response = client.get("/", params={"q": "لافروف"}, follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"].startswith("/search?q=")
    html = client.get("/search", params={"q": "لافروف"}).text
    assert '<span class="hit">لافروف</span>' in html and "tl-search-data" in html
    html = client.get("/search", params={"q": "<script>"}).text
    assert "<script>" not in html


def test_speaker_place_and_event_pages(client: TestClient) -> None:
    html = client.get("/speakers/" + quote(LAVROV)).text
    assert 'href="/articles/geneva#q' in html and "tl-speaker-data" in html
    html = client.get("/places/2660646").text
    assert "جنيف" in html and "Geneva" in html and "map-place-data" in html
    html = client.get("/events").text
    assert 'href="/articles/geneva#e0"' in html


def test_mark_text_escapes_every_segment_and_handles_overlap() -> None:
    html = str(mark_text(SCRIPT_TEXT, [Mark(0, 4, "a", '"t"'), Mark(2, 14, "b")]))
    assert "<script>" not in html
    assert 'title="&#34;t&#34;"' in html
    assert html.count("<span") == 3  # [0,2) a, [2,4) a b, [4,14) b


def test_mark_text_anchors_each_fact_once() -> None:
    html = str(mark_text("abcdef", [Mark(0, 4, "a", anchor="q0"), Mark(2, 6, "b", anchor="p1")]))
    assert html.count('id="q0"') == 1 and html.count('id="p1"') == 1
    assert html.count("f-q0") == 2 and html.count("f-p1") == 2


def test_mark_text_ignores_bad_offsets() -> None:
    assert str(mark_text("نص", [Mark(5, 9, "x"), Mark(1, 0, "y")])) == "نص"


def test_a_server_error_is_an_html_page_for_browsers_and_json_for_the_api(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.api import create_app
    from marsad.web import views

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "home", broken)
    monkeypatch.setattr("marsad.api.routers.timeline.browse.speaker_days", broken)
    client = TestClient(create_app(db_path), raise_server_exceptions=False)
    page = client.get("/")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html") and "a bug" not in page.text
    api = client.get("/api/timeline", params={"speaker": "x"})
    assert api.status_code == 500 and api.json() == {"detail": "internal server error"}
