"""`marsad_dates`: date mentions resolved against the article date (`doc._.meta["date"]`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..document import doc_text
from ..dates import find_dates


def boilerplate_ranges(doc: Doc) -> list[tuple[int, int]]:
    spans = doc.spans.get("boilerplate") if doc.spans is not None else None
    return [(span.start_char, span.end_char) for span in spans or []]


@Language.component("marsad_dates", assigns=["doc._.dates"])
def dates_component(doc: Doc) -> Doc:
    meta = doc._.meta or {}
    doc._.dates = find_dates(doc_text(doc), meta.get("date"), skip=boilerplate_ranges(doc))
    return doc
