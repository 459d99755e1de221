import pytest
import spacy
from spacy.tokens import Span

from marsad.document import Place, register_extensions


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    return spacy.blank("ar")


@pytest.fixture
def make_doc(nlp):
    """Doc from text; `ents` as (surface, label, entity_id), `places` as surfaces; one sentence."""

    def build(text, *, ents=(), places=(), dates=None, sentences=None):
        doc = nlp(text)
        spans = []
        for surface, label, entity_id in ents:
            start = text.index(surface)
            span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
            span._.entity_id = entity_id
            spans.append(span)
        doc.ents = spans
        doc._.places = [
            Place(start=text.index(p), end=text.index(p) + len(p), name=p, country_code=None, lat=None, lon=None, geonames_id=None, kind="city")
            for p in places
        ]
        doc._.dates = dates
        if sentences:
            for token in doc:
                token.is_sent_start = token.i == 0 or token.idx in sentences
        return doc

    return build


@pytest.fixture
def boilerplate():
    def mark(doc, start_token, end_token):
        doc.spans["boilerplate"] = [Span(doc, start_token, end_token)]
        return doc

    return mark
