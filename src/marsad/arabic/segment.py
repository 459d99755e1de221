"""Paragraphs, sentences, subheadings and site residue in raw news text.

Works on token sequences from our tokenizer so that every boundary is a token boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .normalize import normalize

SENTENCE_FINAL = frozenset({".", "\u061f", "?", "!", "\u2026", "..."})  # ARABIC QUESTION MARK
CLOSING_MARKS = frozenset({"\u201d", "\u201c", "\u00bb", '"', "'", "\u2019", ")", "]"})
# A line that ends like this is running prose, not a subheading.
PROSE_ENDINGS = SENTENCE_FINAL | CLOSING_MARKS | {":", "\u060c", ","}
SUBHEADING_MAX_TOKENS = 14
QUESTION_MARKS = frozenset({"\u061f", "?"})  # ARABIC QUESTION MARK
QUESTION_HEADING_MAX_TOKENS = 9
BOILERPLATE_MAX_TOKENS = 8
_NON_LETTERS = re.compile(r"[^\w\s]+")


@lru_cache(maxsize=1)
def boilerplate_phrases() -> frozenset[str]:
    data = resources.files("marsad.resources").joinpath("lexicons/boilerplate.txt").read_text("utf-8")
    lines = (line.strip() for line in data.splitlines())
    return frozenset(_fold(line) for line in lines if line and not line.startswith("#"))


def _fold(line: str) -> str:
    return " ".join(_NON_LETTERS.sub(" ", normalize(line)).split())


def is_boilerplate_line(line: str) -> bool:
    folded = _fold(line)
    if not folded:
        return False
    phrases = boilerplate_phrases()
    if folded in phrases:
        return True
    words = folded.split()
    if len(words) > BOILERPLATE_MAX_TOKENS:
        return False
    # Only multi-word phrases open a residue line ("تابعونا على ..."); a single word such as
    # "شارك" also starts real sentences ("شارك الوزير في ...").
    return any(" ".join(words[:n]) in phrases for n in range(2, min(len(words), 4) + 1))


def is_subheading_line(words: list[str], *, has_prose_before: bool, has_prose_after: bool) -> bool:
    """A short line with no final stop, standing between paragraphs of the body.

    A short question on a line of its own ("ماذا قال ترامب؟") heads a section the same way.
    """
    if not (has_prose_before and has_prose_after) or not words:
        return False
    if words[-1] in QUESTION_MARKS:
        return len(words) <= QUESTION_HEADING_MAX_TOKENS
    return len(words) <= SUBHEADING_MAX_TOKENS and words[-1] not in PROSE_ENDINGS
