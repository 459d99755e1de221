"""Fixtures for the quotes stage: documents through the structure stage only, or through the whole default pipeline."""

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


def _through_pipeline(nlp, fields):
    """Text -> one tuple of `fields(text, quote)` per quote of the whole default pipeline."""
    from marsad.pipeline import make_doc

    def run(text: str) -> list[tuple]:
        doc = nlp(make_doc(nlp, text, article_id="t", meta={}))
        return [fields(text, q) for q in doc._.quotes]

    return run


@pytest.fixture(scope="session")
def detected(nlp):
    """Text -> [(cue, content)] through the whole default pipeline."""
    return _through_pipeline(nlp, lambda text, q: (text[q.cue.start : q.cue.end], text[q.start : q.end]))


@pytest.fixture(scope="session")
def attributed(nlp):
    """Text -> [(cue, content, speaker name)] through the whole default pipeline."""
    return _through_pipeline(nlp, lambda text, q: (text[q.cue.start : q.cue.end], text[q.start : q.end], q.speaker.name))


@pytest.fixture(scope="session")
def spoken(nlp):
    """Text -> [(content, speaker name)] through the whole default pipeline."""
    return _through_pipeline(nlp, lambda text, q: (text[q.start : q.end], q.speaker.name))
