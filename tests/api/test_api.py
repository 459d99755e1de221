"""JSON API: analyses by id, search, quotes, events; the OpenAPI document lists them."""

from __future__ import annotations

from dataclasses import fields

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.store import StoreError, is_postgres_url, open_store
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


def test_search_endpoint_pages_and_counts(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "لافروف", "limit": 5}).json()
    assert [hit["id"] for hit in page["hits"]] == ["geneva"]
    assert (page["total"], page["total_estimated"], page["offset"], page["limit"]) == (1, False, 0, 5)
    assert client.get("/api/search", params={"q": "لافروف", "offset": 1}).json()["hits"] == []


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"source": "test"}, True),
        ({"source": "other"}, False),
        ({"from": "2024-03", "to": "2024-03-12"}, True),
        ({"from": "2024-03-13"}, False),
        ({"speaker": "لافروف", "place": "Geneva"}, True),
        ({"place": "القاهرة"}, False),
        ({"sort": "date"}, True),
    ],
)
def test_search_endpoint_facets(client: TestClient, params: dict[str, str], found: bool) -> None:
    response = client.get("/api/search", params={"q": "جنيف", **params})
    assert response.status_code == 200
    assert [hit["id"] for hit in response.json()["hits"]] == (["geneva"] if found else [])


@pytest.mark.parametrize("params", [{"from": "last week"}, {"sort": "random"}, {"limit": 0}, {}])
def test_search_endpoint_refuses_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    query = {"q": "جنيف"} if params else {}
    assert client.get("/api/search", params={**query, **params}).status_code == 422


def test_postgres_requests_share_pooled_connections(client: TestClient, db_path: str) -> None:
    if not is_postgres_url(db_path):
        pytest.skip("SQLite opens a file per request")
    for _ in range(12):
        assert client.get("/api/search", params={"q": "جنيف"}).status_code == 200
    assert 1 <= client.app.state.pool.stats()["connections_num"] <= 2  # one request at a time: one connection, reused


def test_timeline_per_day_for_a_speaker_a_place_and_a_query(client: TestClient) -> None:
    from marsad.identities.keys import identity_key

    speaker = client.get("/api/timeline", params={"speaker": identity_key("سيرغي لافروف")}).json()
    assert speaker == {"days": ["2024-03-12"], "series": {"quotes": [1]}}
    place = client.get("/api/timeline", params={"place": "2660646"}).json()
    assert place == {"days": ["2024-03-12"], "series": {"mentions": [1], "events": [1]}}
    assert client.get("/api/timeline", params={"q": "لافروف"}).json()["series"] == {"articles": [1]}
    assert client.get("/api/timeline").status_code == 400
    assert client.get("/api/timeline", params={"q": "x", "place": "y"}).status_code == 400
