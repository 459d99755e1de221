"""Reading and writing CoNLL columns: token first, tag last, a blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress
from pathlib import Path
from typing import TextIO

Sentence = list[tuple[str, str]]


def read_conll(handle: TextIO, *, with_tags: bool = True) -> Iterator[list[list[str]]]:
    """Yield sentences as lists of column lists; blank lines separate sentences."""
    sentence: list[list[str]] = []
    for line in handle:
        line = line.rstrip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        sentence.append(columns)
    if sentence:
        yield sentence


def read_tagged(path: str | Path) -> list[Sentence]:
    """Sentences of (token, tag) from a two-column (or wider, tag last) CoNLL file."""
    with open(path, encoding="utf-8") as handle:
        return [[(cols[0], cols[-1] if len(cols) > 1 else "O") for cols in sentence] for sentence in read_conll(handle)]


def entity_spans(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """Half-open (start, end, type) chunks with conlleval semantics.

    A chunk starts at B-X, or at I-X after O or after another type (so the 39 stray I- tags
    after O in ANERcorp count as B-); it ends before O, B-, or a change of type.
    """
    tags = tags if isinstance(tags, list) else list(tags)
    spans: set[tuple[int, int, str]] = set()
    start, kind, previous = -1, "", -2
    # Only the tags other than O are visited (most are O); a gap before one closes the chunk.
    for position in compress(range(len(tags)), map("O".__ne__, tags)):
        prefix, _, label = tags[position].partition("-")
        if start >= 0 and (position != previous + 1 or prefix == "B" or label != kind):
            spans.add((start, previous + 1, kind))
            start = -1
        if label and start < 0:
            start, kind = position, label
        previous = position
    if start >= 0:
        spans.add((start, previous + 1, kind))
    return spans


def repair_iob2(tags: list[str]) -> list[str]:
    """IOB2 with every chunk opened by B- (I-X after O or after another type becomes B-X)."""
    fixed = list(tags)
    previous = "O"
    for i, tag in enumerate(fixed):
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            fixed[i] = "B-" + tag[2:]
        previous = fixed[i]
    return fixed


def split_last(sentences: list, fraction: float) -> tuple[list, list]:
    """(head, tail): tail is the last contiguous `fraction` of tokens, cut at a sentence boundary.

    The ANERcorp dev split: random sentences share names with training and overstate F1.
    """
    total = sum(len(s) for s in sentences)
    seen = 0
    for index, sentence in enumerate(sentences):
        if seen >= total * (1 - fraction):
            return sentences[:index], sentences[index:]
        seen += len(sentence)
    return sentences, []
