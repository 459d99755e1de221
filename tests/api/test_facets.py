"""`/api/quotes`, `/api/events`, `/api/speakers`: facets, paging and the X-Total-Count header."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.identities import identity_key
from marsad.store import open_store
from tests.identities.factories import trump_articles
from tests.store.factories import geneva_analysis


@pytest.fixture
def client(store_target: str) -> TestClient:
    with open_store(store_target) as store:
        for analysis in [*trump_articles(), geneva_analysis()]:
            store.add(analysis)
    return TestClient(create_app(store_target))


def test_quotes_by_speaker_through_identities(client: TestClient) -> None:
    response = client.get("/api/quotes", params={"speaker": "ترامب", "limit": 2})
    assert response.headers["X-Total-Count"] == "4"
    assert [q["speaker_name"] for q in response.json()] == ["دونالد ترامب", "ترامب"]
    melania = client.get("/api/quotes", params={"speaker": "ميلانيا"}).json()
    assert [q["article_id"] for q in melania] == ["t2"]


def test_quote_facets_and_offset(client: TestClient) -> None:
    response = client.get("/api/quotes", params={"from": "2025-01-11", "to": "2025-01-14", "source": "alpha", "offset": 1})
    assert response.headers["X-Total-Count"] == "2"
    assert [q["article_id"] for q in response.json()] == ["t5"]
    assert client.get("/api/quotes", params={"from": "not a date"}).status_code == 422


def test_events_facets(client: TestClient) -> None:
    response = client.get("/api/events", params={"type": "negotiate", "place": "جنيف", "topic": "economy"})
    assert (response.headers["X-Total-Count"], response.json()) == ("0", [])
    assert client.get("/api/events", params={"place": "Geneva"}).headers["X-Total-Count"] == "1"


def test_speakers_list_and_one(client: TestClient) -> None:
    response = client.get("/api/speakers", params={"limit": 1})
    assert response.headers["X-Total-Count"] == "4"
    (top,) = response.json()
    assert (top["name"], top["quotes"], top["aliases"]) == ("دونالد ترامب", 4, [identity_key("ترامب")])
    one = client.get(f"/api/speakers/{identity_key('ترمب')}").json()
    assert one["key"] == top["key"]
    assert client.get("/api/speakers/nobody").status_code == 404


def test_openapi_lists_speakers_and_the_total_header(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert {"/api/speakers", "/api/speakers/{key}"} <= set(document["paths"])
    headers = document["paths"]["/api/quotes"]["get"]["responses"]["200"].get("headers", {})
    assert "X-Total-Count" in headers
