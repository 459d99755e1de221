"""Structure stage: paragraphs, sentences, subheadings and boilerplate, from line layout and punctuation."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..arabic.segment import CLOSING_MARKS, SENTENCE_FINAL, is_boilerplate_line, is_subheading_line

ABBREVIATION_MAX_LETTERS = 1  # "د." (doctor), "م." : a dot after one letter does not end a sentence


@Language.component(
    "marsad_structure",
    assigns=["token.is_sent_start", "doc.spans"],
)
def structure(doc: Doc) -> Doc:
    lines = _line_spans(doc)
    paragraphs: list[Span] = []
    boilerplate: list[Span] = []
    for span in lines:
        if is_boilerplate_line(span.text):
            boilerplate.append(span)
        else:
            paragraphs.append(span)
    subheadings = []
    for i, span in enumerate(paragraphs):
        words = [token.text for token in span]
        if is_subheading_line(words, has_prose_before=i > 0, has_prose_after=i + 1 < len(paragraphs)):
            subheadings.append(span)
    doc.spans["paragraphs"] = paragraphs
    doc.spans["subheadings"] = subheadings
    doc.spans["boilerplate"] = boilerplate
    _set_sentence_starts(doc, lines)
    return doc


def _line_spans(doc: Doc) -> list[Span]:
    """One span per non-empty line, without surrounding whitespace tokens."""
    spans = []
    start = None
    last_content = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text and start is not None:
                spans.append(doc[start : last_content + 1])
                start = None
            continue
        if start is None:
            start = token.i
        last_content = token.i
        if "\n" in token.whitespace_:  # never happens with spaCy's tokenizer, kept for safety
            spans.append(doc[start : token.i + 1])
            start = None
    if start is not None:
        spans.append(doc[start : last_content + 1])
    return spans


def _set_sentence_starts(doc: Doc, lines: list[Span]) -> None:
    if len(doc) == 0:
        return
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = False
    for line in lines:
        doc[line.start].is_sent_start = True
        i = line.start
        while i < line.end:
            token = doc[i]
            if token.text in SENTENCE_FINAL and not _is_abbreviation_dot(doc, i):
                j = i + 1
                # Closing marks and repeated stops stay with the sentence they close.
                while j < line.end and (doc[j].text in CLOSING_MARKS or doc[j].text in SENTENCE_FINAL):
                    j += 1
                if j < line.end:
                    doc[j].is_sent_start = True
                i = j
            else:
                i += 1
    # A whitespace token opening a line belongs to the previous sentence.
    for token in doc:
        if token.is_space and token.i > 0:
            token.is_sent_start = False


def _is_abbreviation_dot(doc: Doc, i: int) -> bool:
    if doc[i].text != "." or i == 0:
        return False
    previous = doc[i - 1]
    return not previous.whitespace_ and previous.is_alpha and len(previous.text) <= ABBREVIATION_MAX_LETTERS
