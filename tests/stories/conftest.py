"""`store` runs each story test once on SQLite and once on PostgreSQL (see `store_target`)."""

from __future__ import annotations

import pytest


@pytest.fixture
def store(store_target: str):
    from marsad.store import open_store

    with open_store(store_target) as opened:
        yield opened
