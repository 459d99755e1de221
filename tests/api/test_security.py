"""Security headers on every response, the opt-in access token, and bounded queries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.api.security import COOKIE, is_loopback

TOKEN = "s3cret-token/with:odd;chars"


@pytest.fixture
def locked(db_path: str) -> TestClient:
    return TestClient(create_app(db_path, token=TOKEN), follow_redirects=False)


@pytest.mark.parametrize("path", ["/", "/api/articles", "/api/articles/nope", "/static/marsad.css", "/nowhere"])
def test_every_response_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src" not in policy and "unsafe-inline" not in policy


def test_pages_hold_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/articles/evil"):
        html = client.get(path).text
        assert "<style" not in html and "style=" not in html
        assert "<script" not in html.replace("&lt;script", "")


@pytest.mark.parametrize("path", ["/", "/api/articles", "/api/quotes", "/static/marsad.css", "/docs", "/openapi.json"])
def test_with_a_token_every_route_refuses_without_it(locked: TestClient, path: str) -> None:
    response = locked.get(path)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.headers["x-frame-options"] == "DENY"
    assert locked.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_a_program_sends_the_token_as_bearer(locked: TestClient) -> None:
    assert locked.get("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_a_browser_opens_a_page_once_with_the_token_and_keeps_a_cookie(locked: TestClient) -> None:
    response = locked.get("/", params={"q": "جنيف", "token": TOKEN})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/?q=") and "token" not in response.headers["location"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert locked.get(response.headers["location"]).status_code == 200  # the client kept the cookie
    assert locked.get("/api/articles").status_code == 200


def test_a_wrong_token_in_the_query_sets_no_cookie(locked: TestClient) -> None:
    response = locked.get("/", params={"token": "nope"})
    assert response.status_code == 401 and "set-cookie" not in response.headers


@pytest.mark.parametrize(("path", "name"), [("/api/quotes", "speaker"), ("/api/articles", "q"), ("/api/events", "place"), ("/", "q")])
def test_a_50_kb_query_is_a_client_error(client: TestClient, path: str, name: str) -> None:
    response = client.get(path, params={name: "x" * 50_000})  # 50 KB: an Arabic one would pass the URL limit of the test client
    assert response.status_code == 422


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
