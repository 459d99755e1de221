"""Request dependencies: one store connection per request, opened on the app's database."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from ..store import Store, open_store


def get_store(request: Request) -> Iterator[Store]:
    store = open_store(request.app.state.db, create=False)
    try:
        yield store
    finally:
        store.close()
