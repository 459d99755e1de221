"""Feature strings for topic classification, shared by training and inference.

Features are cheap on purpose (topic inference must cost well under a millisecond per article):
normalized words, their clitic-stripped stems, a light suffix-stripped stem, and stem bigrams.
Latin-script words are lower-cased; digits are dropped (dates and scores say little about topic
and a lot about the source).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize

WORD_RE = re.compile(r"[\u0621-\u064a]{2,}|[a-z]{2,}")
# Common noun/verb suffixes (normalized forms): plural, dual, possessive/object pronouns, nisba.
SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "يه", "ها", "هم", "هما", "نا", "ه", "ي")
MIN_LIGHT_STEM = 3
MAX_CHARS = 6000  # articles are classified from their first few thousand characters

@lru_cache(maxsize=100_000)
def _word_features(word: str) -> tuple[tuple[str, ...], str]:
    """(features of one normalized word, its stem for bigrams)."""
    stem = split_proclitics(word)[1] if word[0] >= "\u0621" else word  # Latin words keep their form
    features = ["w:" + word]
    if stem != word:
        features.append("s:" + stem)
    light = stem
    for suffix in SUFFIXES:
        if light.endswith(suffix) and len(light) - len(suffix) >= MIN_LIGHT_STEM:
            light = light[: -len(suffix)]
            break
    if light != stem:
        features.append("l:" + light)
    return tuple(features), stem


def analyze(text: str) -> list[str]:
    """Feature strings of a text (with repetitions: term frequency counts)."""
    words = WORD_RE.findall(normalize(text[:MAX_CHARS]).lower())
    features: list[str] = []
    previous = None
    for word in words:
        word_features, stem = _word_features(word)
        features.extend(word_features)
        if previous is not None:
            features.append("b:" + previous + "_" + stem)
        previous = stem
    return features


def article_features(text: str, title: str | None = None) -> list[str]:
    """Features of an article: its title counts twice (titles name the topic most plainly)."""
    if not title:
        return analyze(text)
    body = text if text.startswith(title) else title + "\n" + text
    return analyze(body) + analyze(title)
