"""`marsad_events`: typed events with trigger, actors, place, date and modality per sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..events import extract_events


@Language.component("marsad_events", requires=["doc.ents", "doc._.places", "doc._.dates", "doc._.quotes"], assigns=["doc._.events"])
def events_component(doc: Doc) -> Doc:
    doc._.events = extract_events(doc)
    return doc
