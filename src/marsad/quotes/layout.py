"""A flat, index-friendly view of a `Doc` for quote finding: words, sentences, paragraphs, sections.

Quote finding walks tokens many times; plain lists of strings and ints are several times faster
than going through spaCy objects on every step, and they are built once per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from spacy.attrs import IDX, IS_SPACE, NORM, SENT_START
from spacy.tokens import Doc, Span

from ..arabic.tokenizer import QUOTE_MARKS
from ..document import doc_words

MARKS = frozenset(QUOTE_MARKS)
OPENING_ONLY = frozenset("\u00ab\u2039\u201e")  # « ‹ „
CLOSING_ONLY = frozenset("\u00bb\u203a")  # » ›
COMMAS = frozenset({"\u060c", ","})  # ARABIC COMMA
COLONS = frozenset({":"})
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
        idxs, sent_starts, spaces, norm_ids = doc.to_array([IDX, SENT_START, IS_SPACE, NORM]).T.tolist()
    else:
        idxs = sent_starts = spaces = norm_ids = []
    strings = doc.vocab.strings
    keep = [i for i, space in enumerate(spaces) if not space]
    texts = doc_words(doc)  # shared with the other stages: the strings are decoded once
    words = [texts[i] for i in keep]
    norms = [strings[norm_ids[i]] for i in keep]
    starts = [idxs[i] for i in keep]
    ends = [start + len(word) for start, word in zip(starts, words)]
    # doc index -> kept index of the first kept token at or after it
    position = list(accumulate((0, *(0 if space else 1 for space in spaces))))
    sentence_bounds: list[tuple[int, int]] = []
    sentence_start = 0
    for i in (i for i, flag in enumerate(sent_starts) if flag == 1):
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
    for ent in doc.ents:
        first, last = position[ent.start], position[ent.end]
        if first < last:
            entities.append((first, last, ent.label_, ent._.entity_id if Span.has_extension("entity_id") else None))

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
