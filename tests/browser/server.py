"""`marsad serve`'s app on a free local port in a thread, for a browser to load; optionally under a strict Content-Security-Policy."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from marsad.api import create_app

# The policy the pages must work under: no inline script or style, nothing from another origin.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def strict_csp(app: Any) -> Any:
    """`app` with STRICT_CSP on every response that does not set its own (a stand-in where the app sets none)."""

    async def wrapped(scope: dict, receive: Any, send: Any) -> None:
        async def send_with_policy(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                if not any(name.lower() == b"content-security-policy" for name, _ in headers):
                    headers.append((b"content-security-policy", STRICT_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_policy if scope["type"] == "http" else send)

    return wrapped


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(db: str | Path, *, csp: bool = True) -> Iterator[str]:
    """The app over `db` at the yielded base URL, until the block ends."""
    app = create_app(db)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(strict_csp(app) if csp else app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
