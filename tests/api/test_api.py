"""JSON API: analyses by id, search, quotes, events; the OpenAPI document lists them."""

from __future__ import annotations

from dataclasses import fields

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.store import StoreError, open_store
from marsad.store.records import EventRecord, QuoteRecord, SearchHit
from tests.store.factories import geneva_analysis, make_analysis


def test_get_article_returns_analysis(client: TestClient) -> None:
    response = client.get("/api/articles/geneva")
    assert response.status_code == 200
    assert response.json() == geneva_analysis()


def test_missing_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_search(client: TestClient) -> None:
    hits = client.get("/api/articles", params={"q": "لافروف"}).json()
    assert [hit["id"] for hit in hits] == ["geneva"]
    hit = hits[0]
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["لافروف"]


def test_list_without_query(client: TestClient) -> None:
    assert {item["id"] for item in client.get("/api/articles").json()} == {"geneva", "evil"}


def test_quotes_and_events(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "لافروف"}).json()
    assert [q["speaker_name"] for q in quotes] == ["سيرغي لافروف"]
    events = client.get("/api/events", params={"place": "جنيف"}).json()
    assert [e["type"] for e in events] == ["negotiate"]


def test_lists_carry_every_field_of_the_store_records(client: TestClient) -> None:
    quote = client.get("/api/quotes").json()[0]
    event = client.get("/api/events").json()[0]
    hit = client.get("/api/articles", params={"q": "لافروف"}).json()[0]
    assert set(quote) == {f.name for f in fields(QuoteRecord)}
    assert set(event) == {f.name for f in fields(EventRecord)}
    assert set(hit) == {f.name for f in fields(SearchHit)}


def test_openapi_lists_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events"} <= set(paths)


def test_app_needs_existing_database(store_target: str) -> None:
    with pytest.raises(StoreError, match="no database at"):
        create_app(store_target)


def test_ids_with_slashes(store_target: str) -> None:
    with open_store(store_target) as store:
        store.add(make_analysis("نص من خلاصة", "https://example.org/news/item-1"))
    client = TestClient(create_app(store_target))
    assert client.get("/api/articles/https://example.org/news/item-1").json()["text"] == "نص من خلاصة"
    assert client.get("/articles/https%3A%2F%2Fexample.org%2Fnews%2Fitem-1").status_code == 200
    assert 'href="/articles/https%3A//example.org/news/item-1"' in client.get("/").text
