"""The words a story is recognised by: normalized Arabic words without proclitics, from titles, texts and names."""

from __future__ import annotations

import re

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize

# Arabic or Latin letters and digits; a word of one letter says nothing about a story.
WORD = re.compile(r"\w\w+")
MAX_CACHED = 200_000
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A normalized word without its proclitics (و ف ب ل ك ال), cached: the same words recur in every article."""
    cached = _STEMS.get(word)
    if cached is None:
        cached = split_proclitics(word)[1] or word
        if len(_STEMS) < MAX_CACHED:
            _STEMS[word] = cached
    return cached


def words(text: str) -> list[str]:
    """The normalized words of `text`, in order, as written (proclitics kept): what copies share."""
    return WORD.findall(normalize(text).lower())


def terms(text: str) -> list[str]:
    """The stems of the words of `text`, in order: what stories share."""
    return [stem(word) for word in words(text)]
