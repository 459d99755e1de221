"""Feature strings for topic classification, shared by training and inference.

Features are cheap on purpose (topic inference must cost well under a millisecond per article):
normalized words, their clitic-stripped stems, a light suffix-stripped stem, and stem bigrams.
Latin-script words are lower-cased; digits are dropped (dates and scores say little about topic
and a lot about the source). For the same reason articles are read without month names, outlet
and agency names, and with one spelling of the words outlets spell their own way ("الأميركية" /
"الأمريكية"): a model that learns an outlet's house style files a new section of that outlet
under the sections it already knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize
from ..caches import WORD_TYPES
from .places import PlaceLexicon, place_features

WORD_RE = re.compile(r"[\u0621-\u064a]{2,}|[a-z]{2,}")
# Common noun/verb suffixes (normalized forms): plural, dual, possessive/object pronouns, nisba.
SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "يه", "ها", "هم", "هما", "نا", "ه", "ي")
MIN_LIGHT_STEM = 3
MAX_CHARS = 6000  # articles are classified from their first few thousand characters

# Stems an article is read without (normalized): months (Levantine and Western names: outlets pick
# one or the other), outlet and news agency names ("بي بي سي" is read as "بي", "سي").
IGNORED = frozenset("""
    كانون شباط اذار نيسان ايار حزيران تموز ايلول تشرين
    يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    cnn bbc afp بي سي سكاي نيوز فرانس رويترز برس اسوشيتد وكالات
""".split())
# House spellings folded to one form (inside words, after normalization).
SPELLINGS = (("\u0627\u0645\u064a\u0631\u0643", "\u0627\u0645\u0631\u064a\u0643"),  # اميرك -> امريك (American)
             ("\u062a\u0631\u0645\u0628", "\u062a\u0631\u0627\u0645\u0628"))  # ترمب -> ترامب (Trump)


@lru_cache(maxsize=WORD_TYPES)
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


@lru_cache(maxsize=WORD_TYPES)
def topic_word(word: str) -> tuple[tuple[str, ...], str, str] | None:
    """(features, stem, spelling-folded word) of one normalized word; None for an ignored word."""
    for variant, spelling in SPELLINGS:
        if variant in word:
            word = word.replace(variant, spelling)
    features, stem = _word_features(word)
    if stem in IGNORED:
        return None
    return features, stem, word


def analyze(text: str) -> list[str]:
    """Feature strings of a text (with repetitions: term frequency counts), without the topic
    reading's ignored words and folded spellings (the events classifier uses this one)."""
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


def analyze_topic(text: str, places: PlaceLexicon | None = None) -> tuple[list[str], list[str]]:
    """(feature strings, country codes of the places named) of a text, read as topic inference
    reads it: ignored words skipped (no bigram across them), spellings folded."""
    words = WORD_RE.findall(normalize(text[:MAX_CHARS]).lower())
    features: list[str] = []
    codes: list[str] = []
    previous = None
    for word in words:
        entry = topic_word(word)
        if entry is None:
            previous = None
            continue
        word_features, stem, folded = entry
        features.extend(word_features)
        if previous is not None:
            features.append("b:" + previous + "_" + stem)
        if places is not None:
            code = places.code(folded, stem, previous)
            if code:
                codes.append(code)
        previous = stem
    return features, codes


def _body(text: str, title: str) -> str:
    return text if text.startswith(title) else title + "\n" + text


def article_features(text: str, title: str | None = None) -> list[str]:
    """Word features of an article: its title counts twice (titles name the topic most plainly)."""
    if not title:
        return analyze_topic(text)[0]
    return analyze_topic(_body(text, title))[0] + analyze_topic(title)[0]


def article_place_features(text: str, title: str | None, places: PlaceLexicon) -> list[str]:
    """Place features of an article (see `places.place_features`)."""
    if not title:
        return place_features(analyze_topic(text, places)[1], [])
    return place_features(analyze_topic(_body(text, title), places)[1], analyze_topic(title, places)[1])
