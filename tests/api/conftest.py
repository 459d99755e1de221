"""An app over a store filled with hand-built analyses."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.store import open_store

from tests.store.factories import geneva_analysis, make_analysis

SCRIPT_TEXT = "قال المسؤول <script>alert('x')</script> إن الوضع & الأمن «مستقر»."


@pytest.fixture
def db_path(store_target: str) -> str:
    """A store on each backend, with the Geneva article and one full of markup."""
    path = store_target
    with open_store(path) as store:
        store.add(geneva_analysis())
        evil = make_analysis(SCRIPT_TEXT, "evil", title="<b>عنوان</b>")
        start = SCRIPT_TEXT.index("<script>")
        evil["entities"] = [{"start": start, "end": start + 8, "text": "<script>", "label": "PERS", "entity_id": None}]
        evil["meta"]["url"] = "javascript:alert(1)"
        store.add(evil)
    return path


@pytest.fixture
def client(db_path: str) -> TestClient:
    return TestClient(create_app(db_path))
