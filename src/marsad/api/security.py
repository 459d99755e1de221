"""Serving beyond loopback: security headers on every response, and an opt-in access token on every route.

One ASGI middleware, independent of the pages and routers behind it, so that pages can change
freely. With a token set (`marsad serve --token`, or `$MARSAD_TOKEN`), every request must carry it:
  * programs send `Authorization: Bearer TOKEN`;
  * a browser opens any page once with `?token=TOKEN`: the answer is a redirect to the same address
    without the token, setting a cookie (HttpOnly, SameSite=Strict) that carries it from then on,
    so the token stays out of the address bar, history, logs and Referer headers.
Tokens are compared in constant time (`hmac.compare_digest`). Without a token nothing is asked.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "marsad_token"
QUERY_PARAMETER = "token"
# Pages use no script and only the stylesheet in /static; nothing may frame them.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages run an inline script and load Swagger UI / ReDoc from a CDN.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline'"
    " https://cdn.jsdelivr.net https://fonts.googleapis.com; font-src https://fonts.gstatic.com; img-src 'self' data:"
    " https://fastapi.tiangolo.com https://cdn.redoc.ly; connect-src 'self'; worker-src blob:; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
UNAUTHORIZED = "this Marsad server needs an access token: send 'Authorization: Bearer TOKEN', or open any page once with ?token=TOKEN"


class Messages:
    NO_TOKEN_BEYOND_LOOPBACK = (
        "warning: serving on {host}, reachable from other machines, without an access token: anyone who can reach"
        " it can read every stored article. Set one with --token or $MARSAD_TOKEN."
    )
    EMPTY_TOKEN = "the access token must not be empty"


class SecurityMiddleware:
    """Adds the security headers to every HTTP response; with `token`, answers 401 to requests without it."""

    def __init__(self, app: ASGIApp, *, token: str | None = None) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope.get("path", "").startswith(DOCS_PATHS) or scope.get("path") == "/openapi.json" else CONTENT_SECURITY_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(name, value) for name, value in message.get("headers", []) if name.lower() not in _OURS]
                headers += [*HEADERS, (b"content-security-policy", policy.encode("ascii"))]
                message["headers"] = headers
            await send(message)

        if self.token is None or self._has_token(scope):
            await self.app(scope, receive, send_with_headers)
            return
        query = _query(scope)
        offered = query.get(QUERY_PARAMETER)
        if offered is not None and self._matches(offered):
            await _redirect_with_cookie(scope, query, offered, send_with_headers)
            return
        await _unauthorized(send_with_headers)

    def _has_token(self, scope: Scope) -> bool:
        headers = dict(scope.get("headers") or [])
        authorization = headers.get(b"authorization", b"")
        scheme, _, credentials = authorization.partition(b" ")
        if scheme.lower() == b"bearer" and self._matches(credentials.strip()):
            return True
        cookie = headers.get(b"cookie")
        if cookie:
            morsel = _cookies(cookie).get(COOKIE)
            if morsel is not None and self._matches(unquote(morsel)):
                return True
        return False

    def _matches(self, offered: str | bytes) -> bool:
        if isinstance(offered, str):
            offered = offered.encode("utf-8", "surrogateescape")
        return self.token is not None and hmac.compare_digest(offered, self.token)


_OURS = frozenset({b"x-content-type-options", b"x-frame-options", b"referrer-policy", b"content-security-policy"})


def _cookies(header: bytes) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header.decode("latin-1"))
    except Exception:  # noqa: BLE001 - a malformed cookie header is no token
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def _query(scope: Scope) -> dict[str, str]:
    raw = scope.get("query_string", b"").decode("latin-1")
    return dict(parse_qsl(raw, keep_blank_values=True))


async def _redirect_with_cookie(scope: Scope, query: dict[str, str], token: str, send: Send) -> None:
    """303 to the same path without `?token=`, setting the cookie the browser sends from then on."""
    rest = urlencode([(name, value) for name, value in query.items() if name != QUERY_PARAMETER])
    location = scope.get("root_path", "") + scope.get("path", "/") + (f"?{rest}" if rest else "")
    secure = "; Secure" if scope.get("scheme") == "https" else ""
    cookie = f"{COOKIE}={quote(token, safe='')}; Path=/; HttpOnly; SameSite=Strict{secure}"
    await send({"type": "http.response.start", "status": 303, "headers": [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("utf-8")), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


async def _unauthorized(send: Send) -> None:
    body = json.dumps({"detail": UNAUTHORIZED}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"www-authenticate", b"Bearer"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or name to bind) is reachable from this machine only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
