"""The `marsad_places` stage: place names in the text, resolved to coordinates, as `doc._.places`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..document import doc_text
from ..places.gazetteer import load_gazetteer
from ..places.matcher import words_from_text
from ..places.resolve import resolve

# Organisation mentions from the NER stage: a place inside one of several tokens is part of a
# name (جامعة القاهرة), not a place mention. A one-token ORG (NER calling "واشنطن" the US
# government) still counts as the place, as the annotation guide wants.
MIN_ORG_TOKENS = 2


def _boilerplate(doc: Doc) -> list[tuple[int, int]]:
    return [(span.start_char, span.end_char) for span in doc.spans.get("boilerplate", [])]


def _organisations(doc: Doc) -> list[tuple[int, int]]:
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "ORG" and len(ent) >= MIN_ORG_TOKENS]


def find_places(doc: Doc) -> Doc:
    """Set `doc._.places` (list of marsad.document.Place, text order)."""
    gazetteer = load_gazetteer()
    text = doc_text(doc)
    # Words are scanned on the text itself (same normalization as token.norm_), so that the
    # stage does not depend on how the tokenizer splits clitics and quote marks.
    doc._.places = resolve(words_from_text(text), gazetteer=gazetteer, skip=_boilerplate(doc),
                           organisations=_organisations(doc))
    return doc


@Language.component("marsad_places", requires=["token.norm"], assigns=["doc._.places"])
def marsad_places(doc: Doc) -> Doc:
    return find_places(doc)
