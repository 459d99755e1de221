"""A flat, index-friendly view of a `Doc` for quote finding: words, sentences, paragraphs, sections.

Quote finding walks tokens many times; plain lists of strings and ints are several times faster
than going through spaCy objects on every step, and they are built once per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, compress
from operator import add

import numpy
from spacy.attrs import IDX, IS_SPACE, NORM, SENT_START
from spacy.tokens import Doc, Span

from ..arabic.tokenizer import QUOTE_MARKS
from ..document import doc_words, strings_of

MARKS = frozenset(QUOTE_MARKS)
OPENING_ONLY = frozenset("\u00ab\u2039\u201e")  # « ‹ „
CLOSING_ONLY = frozenset("\u00bb\u203a")  # » ›
COMMAS = frozenset({"\u060c", ","})  # ARABIC COMMA
COLONS = frozenset({":"})
SEMICOLONS = frozenset({"\u061b", ";"})  # ARABIC SEMICOLON
SENTENCE_FINAL = frozenset({".", "\u061f", "?", "!", "\u2026", "..."})  # ARABIC QUESTION MARK


@dataclass(slots=True)
class Layout:
    """Token-level arrays of one document; token indices are `Doc` indices, spaces excluded."""

    words: list[str]  # token texts
    norms: list[str]  # token.norm_
    starts: list[int]  # character offsets
    ends: list[int]
    sentence: list[int]  # sentence number of each token
    sentence_bounds: list[tuple[int, int]]  # token [start, end) of each sentence
    paragraph: list[int]  # paragraph number of each token, -1 outside paragraphs (boilerplate)
    paragraph_bounds: list[tuple[int, int]]
    subheadings: set[int]  # paragraph numbers that are subheadings
    blocked: list[bool]  # inside boilerplate
    entities: list[tuple[int, int, str, str | None]]  # (start token, end token, label, entity_id)

    def __len__(self) -> int:
        return len(self.words)

    def surface(self, start: int, end: int) -> str:
        """The original text of tokens [start, end): words joined by the spaces between them."""
        parts = [self.words[start]]
        for k in range(start + 1, end):
            parts.append(" " * (self.starts[k] - self.ends[k - 1]))
            parts.append(self.words[k])
        return "".join(parts)


def layout_from_doc(doc: Doc) -> Layout:
    """Index the tokens of `doc` in one pass, skipping whitespace tokens (indices are re-based)."""
    # One array read: `doc.text` and Token objects would cost more than finding the quotes.
    if len(doc):
        columns = doc.to_array([IDX, IS_SPACE, NORM, SENT_START])
        idxs, spaces, norm_ids = columns[:, :3].T.tolist()
        sentence_starts = numpy.flatnonzero(columns[:, 3] == 1).tolist()
    else:
        idxs = spaces = norm_ids = sentence_starts = []
    # Columns filtered and mapped by `compress` and `map`, at C speed: a Python step per token
    # would cost more than the lookups themselves.
    is_kept = [not space for space in spaces]
    words = list(compress(doc_words(doc), is_kept))  # shared with the other stages: decoded once
    norms = strings_of(doc, list(compress(norm_ids, is_kept)))
    starts = list(compress(idxs, is_kept))
    ends = list(map(add, starts, map(len, words)))
    # doc index -> kept index of the first kept token at or after it
    position = list(accumulate(is_kept, initial=0))
    sentence_bounds: list[tuple[int, int]] = []
    sentence_start = 0
    for i in sentence_starts:
        kept = position[i]
        if kept > sentence_start:
            sentence_bounds.append((sentence_start, kept))
            sentence_start = kept
    sentence_bounds.append((sentence_start, len(words)))
    sentence_bounds = [bounds for bounds in sentence_bounds if bounds[0] < bounds[1]]
    sentence = [0] * len(words)
    for number, (first, last) in enumerate(sentence_bounds):
        sentence[first:last] = [number] * (last - first)

    paragraph = [-1] * len(words)
    paragraph_bounds: list[tuple[int, int]] = []
    paragraph_spans = doc.spans["paragraphs"] if "paragraphs" in doc.spans else [doc[:]]
    subheading_starts = {span.start for span in doc.spans["subheadings"]} if "subheadings" in doc.spans else set()
    subheadings: set[int] = set()
    for span in paragraph_spans:
        first, last = position[span.start], position[span.end]
        if first >= last:
            continue
        number = len(paragraph_bounds)
        paragraph[first:last] = [number] * (last - first)
        paragraph_bounds.append((first, last))
        if span.start in subheading_starts:  # question lines too: see arabic/segment.py
            subheadings.add(number)

    blocked = [False] * len(words)
    for span in doc.spans["boilerplate"] if "boilerplate" in doc.spans else []:
        first, last = position[span.start], position[span.end]
        blocked[first:last] = [True] * max(last - first, 0)

    entities = []
    with_ids = Span.has_extension("entity_id")
    for ent in doc.ents:
        first, last = position[ent.start], position[ent.end]
        if first < last:
            entities.append((first, last, ent.label_, ent._.entity_id if with_ids else None))

    return Layout(
        words=words,
        norms=norms,
        starts=starts,
        ends=ends,
        sentence=sentence,
        sentence_bounds=sentence_bounds,
        paragraph=paragraph,
        paragraph_bounds=paragraph_bounds,
        subheadings=subheadings,
        blocked=blocked,
        entities=entities,
    )
