"""`marsad_ner`: tag each sentence with the NER model and set `doc.ents` (PERS, LOC, ORG, MISC)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ner.conll import entity_spans
from ..ner.tagger import Tagger

BOILERPLATE = "boilerplate"


def _sentences(doc: Doc):
    if doc.has_annotation("SENT_START"):
        return doc.sents
    return [doc[:]]


def _boilerplate_tokens(doc: Doc) -> set[int]:
    if BOILERPLATE not in doc.spans:
        return set()
    return {i for span in doc.spans[BOILERPLATE] for i in range(span.start, span.end)}


def entities(doc: Doc, tagger: Tagger) -> list[Span]:
    """Entity spans over `doc`, its sentences tagged as one document; whitespace tokens skipped."""
    sentences: list[list[int]] = []
    words: list[list[str]] = []
    for sentence in _sentences(doc):
        # One pass over Token objects: creating them is the costly part of reading a Doc.
        pairs = [(token.i, token.text) for token in sentence if not token.is_space]
        if pairs:
            sentences.append([i for i, _ in pairs])
            words.append([text for _, text in pairs])
    tags = tagger.tag_document(words)
    found: list[Span] = []
    for positions, sentence_tags in zip(sentences, tags):
        for start, end, label in sorted(entity_spans(sentence_tags)):
            found.append(Span(doc, positions[start], positions[end - 1] + 1, label=label))
    return found


@Language.component("marsad_ner", requires=["token.is_sent_start"], assigns=["doc.ents"])
def marsad_ner(doc: Doc) -> Doc:
    """Set `doc.ents`; no entity may overlap a span of `doc.spans["boilerplate"]`."""
    excluded = _boilerplate_tokens(doc)
    found = entities(doc, Tagger.load())
    if excluded:
        found = [ent for ent in found if not any(i in excluded for i in range(ent.start, ent.end))]
    doc.ents = found
    return doc
