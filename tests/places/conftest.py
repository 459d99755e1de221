"""Fixtures for the places stage: a blank Arabic pipeline whose token norms are set as the real
pipeline sets them, and a helper that runs the stage on a text."""

from __future__ import annotations

import pytest
import spacy

from marsad.arabic.normalize import normalize
from marsad.components.places import find_places
from marsad.document import register_extensions


@pytest.fixture(scope="session")
def blank_nlp():
    register_extensions()
    return spacy.blank("ar")


@pytest.fixture
def make_doc(blank_nlp):
    def make(text: str):
        doc = blank_nlp.make_doc(text)
        for token in doc:
            token.norm_ = normalize(token.text)
        return doc

    return make


@pytest.fixture
def places_of(make_doc):
    def run(text: str):
        return find_places(make_doc(text))._.places

    return run
