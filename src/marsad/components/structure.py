"""Structure stage: paragraphs, sentences, subheadings and boilerplate, from line layout and punctuation."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..arabic.segment import CLOSING_MARKS, SENTENCE_FINAL, is_boilerplate_line, is_subheading_line
from ..document import doc_text, doc_words

ABBREVIATION_MAX_LETTERS = 1  # "د." (doctor), "م." : a dot right after one letter does not end a sentence


@Language.component(
    "marsad_structure",
    assigns=["token.is_sent_start", "doc.spans"],
)
def structure(doc: Doc) -> Doc:
    # Plain lists: Token objects are costly to create, and this runs on every token.
    words = doc_words(doc)
    text = doc_text(doc)
    starts, spaces = doc.to_array([IDX, SPACY]).T.tolist()
    lines = _line_ranges(words)
    paragraphs, boilerplate = [], []
    for start, end in lines:
        # The line's text as `doc[start:end].text` gives it, without reading its tokens.
        line = text[starts[start] : starts[end - 1] + len(words[end - 1])]
        (boilerplate if is_boilerplate_line(line) else paragraphs).append(doc[start:end])
    subheadings = [
        span
        for i, span in enumerate(paragraphs)
        if is_subheading_line(words[span.start : span.end], has_prose_before=i > 0, has_prose_after=i + 1 < len(paragraphs))
    ]
    doc.spans["paragraphs"] = paragraphs
    doc.spans["subheadings"] = subheadings
    doc.spans["boilerplate"] = boilerplate
    if words:
        flags = _sentence_starts(words, spaces, lines)
        doc.from_array([SENT_START], numpy.asarray(flags, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _line_ranges(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the non-empty lines, without surrounding whitespace tokens."""
    ranges = []
    start = last = None
    for i, word in enumerate(words):
        if word.isspace():
            if "\n" in word and start is not None:
                ranges.append((start, last + 1))
                start = None
            continue
        if start is None:
            start = i
        last = i
    if start is not None:
        ranges.append((start, last + 1))
    return ranges


def _sentence_starts(words: list[str], spaces: list[int], lines: list[tuple[int, int]]) -> list[int]:
    """1 where a sentence starts, -1 elsewhere (spaCy's SENT_START values)."""
    flags = [-1] * len(words)
    flags[0] = 1
    for start, end in lines:
        flags[start] = 1
        i = start
        while i < end:
            if words[i] in SENTENCE_FINAL and not _is_abbreviation_dot(words, spaces, i):
                j = i + 1
                # Closing marks and repeated stops stay with the sentence they close.
                while j < end and (words[j] in CLOSING_MARKS or words[j] in SENTENCE_FINAL):
                    j += 1
                if j < end:
                    flags[j] = 1
                i = j
            else:
                i += 1
    return flags


def _is_abbreviation_dot(words: list[str], spaces: list[int], i: int) -> bool:
    """A dot that is part of a word: "د." (doctor), or "العربية.نت" with no space on either side."""
    if words[i] != "." or i == 0 or spaces[i - 1]:
        return False
    previous = words[i - 1]
    if previous.isalpha() and len(previous) <= ABBREVIATION_MAX_LETTERS:
        return True
    return not spaces[i] and i + 1 < len(words) and words[i + 1].isalpha()
