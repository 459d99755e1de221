"""Quotes stage: who said what, as `doc._.quotes` (list of `marsad.document.Quote`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..quotes import extract_quotes


@Language.component(
    "marsad_quotes",
    requires=["doc.sents", "doc.ents"],
    assigns=["doc._.quotes"],
)
def quotes(doc: Doc) -> Doc:
    doc._.quotes = extract_quotes(doc)
    return doc
