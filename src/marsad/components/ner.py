"""`marsad_ner`: tag each sentence with the NER model and set `doc.ents` (PERS, LOC, ORG, MISC)."""

from __future__ import annotations

from itertools import compress
from pathlib import Path

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import doc_words
from ..ner.conll import entity_spans
from ..ner.tagger import Tagger

BOILERPLATE = "boilerplate"


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of `doc.sents` (the whole doc without sentence starts)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))] if len(doc) else []
    # As `doc.sents` splits: before each token after the first whose sent_start is 1.
    starts = [0, *(numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()]
    return list(zip(starts, [*starts[1:], len(doc)]))


def _boilerplate_tokens(doc: Doc) -> set[int]:
    if BOILERPLATE not in doc.spans:
        return set()
    return {i for span in doc.spans[BOILERPLATE] for i in range(span.start, span.end)}


def entities(doc: Doc, tagger: Tagger) -> list[Span]:
    """Entity spans over `doc`, its sentences tagged as one document; whitespace tokens skipped."""
    sentences: list[list[int]] = []
    words: list[list[str]] = []
    # Token texts as strings, no Token objects: creating them is the costly part of reading a
    # Doc. `str.isspace` is spaCy's `token.is_space`.
    texts = doc_words(doc)
    kept = [not text.isspace() for text in texts]
    for start, end in _sentence_bounds(doc):
        positions = list(compress(range(start, end), kept[start:end]))
        if positions:
            sentences.append(positions)
            words.append(list(compress(texts[start:end], kept[start:end])))
    tags = tagger.tag_document(words)
    found: list[Span] = []
    for positions, sentence_tags in zip(sentences, tags):
        if sentence_tags.count("O") == len(sentence_tags):  # most sentences: no entity
            continue
        for start, end, label in sorted(entity_spans(sentence_tags)):
            found.append(Span(doc, positions[start], positions[end - 1] + 1, label=label))
    return found


def load_tagger(model: str) -> Tagger:
    """"default" (the fast CRF), "accurate" (encoder + CRF, opt-in), or a model folder."""
    if model == "default":
        return Tagger.load()
    if model == "accurate":
        from ..ner.accurate import load_accurate

        return load_accurate()
    return Tagger.load(Path(model))


class NamedEntities:
    """Sets `doc.ents`; no entity may overlap a span of `doc.spans["boilerplate"]`."""

    def __init__(self, model: str) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        excluded = _boilerplate_tokens(doc)
        # Loaded on first use (cached per process), so that building a pipeline stays cheap.
        found = entities(doc, load_tagger(self.model))
        if excluded:
            found = [ent for ent in found if not any(i in excluded for i in range(ent.start, ent.end))]
        doc.ents = found
        return doc


@Language.factory("marsad_ner", default_config={"model": "default"}, requires=["token.is_sent_start"], assigns=["doc.ents"])
def make_ner(nlp: Language, name: str, model: str) -> NamedEntities:
    return NamedEntities(model)
