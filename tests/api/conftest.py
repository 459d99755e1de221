"""An app over a store filled with hand-built analyses."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.store import Store

from tests.store.factories import geneva_analysis, make_analysis

SCRIPT_TEXT = "قال المسؤول <script>alert('x')</script> إن الوضع & الأمن «مستقر»."


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "api.db"
    with Store(path) as store:
        store.add(geneva_analysis())
        evil = make_analysis(SCRIPT_TEXT, "evil", title="<b>عنوان</b>")
        start = SCRIPT_TEXT.index("<script>")
        evil["entities"] = [{"start": start, "end": start + 8, "text": "<script>", "label": "PERS", "entity_id": None}]
        evil["meta"]["url"] = "javascript:alert(1)"
        store.add(evil)
    return path


@pytest.fixture
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path))
