"""Fixtures for ingest tests: a short Arabic article in every encoding we read."""

from __future__ import annotations

import pytest

ARTICLE = (
    "محادثات جديدة في جنيف\n\n"
    "قال المبعوث الأممي إن المحادثات «بنّاءة»، وأضاف أن الجولة المقبلة ستعقد في الثالث من آذار؟\n"
)


@pytest.fixture
def article_text() -> str:
    return ARTICLE
