"""Fixtures for the quotes stage: documents built by hand through the structure stage only."""

from __future__ import annotations

import pytest

from marsad.document import Quote


@pytest.fixture(scope="session")
def structure_nlp():
    from marsad.pipeline import build_pipeline

    return build_pipeline(("marsad_structure",))


@pytest.fixture(scope="session")
def find_quotes(structure_nlp):
    """Text -> list of (quote text, speaker name, direct) through `extract_quotes`."""
    from marsad.quotes import extract_quotes

    def find(text: str) -> list[Quote]:
        return extract_quotes(structure_nlp(text))

    return find


@pytest.fixture(scope="session")
def quoted():
    """(content, speaker name) pairs of `quotes` in `text`."""

    def pairs(text: str, quotes: list[Quote]) -> list[tuple[str, str | None]]:
        return [(text[quote.start : quote.end], quote.speaker.name) for quote in quotes]

    return pairs
