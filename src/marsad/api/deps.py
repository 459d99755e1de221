"""Request dependencies: one store per request, lent by the app's pool (see `marsad.store.pool`)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from ..store import Store


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.pool.store() as store:
        yield store
