"""Fixtures for store tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def store(tmp_path):
    from marsad.store import Store

    with Store(tmp_path / "test.db") as opened:
        yield opened
