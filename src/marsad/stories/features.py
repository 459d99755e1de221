"""One stored analysis to what stories are matched on: a weighted term vector and a set of word shingles."""

from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .terms import terms, words
from .weights import Weights, default_weights

# A headline names the story: its terms count as often as this many mentions in the text.
TITLE_BOOST = 3
# The lead carries the story; later paragraphs drift into background shared with other stories.
LEAD_TERMS = 300
# Names of people, organizations and places, as whole keys ("@جون كيري"), beside their words.
NAME_WEIGHT = 1.0
NAME_LABELS = frozenset({"PERS", "ORG", "LOC"})
# Terms this common (idf below, about df > 25% of news articles) are function words for stories.
MIN_IDF = 2.4
# An article is found by the articles that share one of its heaviest terms: a report of the same
# story shares its names and key words, and short posting lists keep the cost per article low.
INDEX_TERMS = 30
# Copies are judged on the lead, as a reader does: a paper that reprints an agency text keeps its
# opening, while a round-up that repeats one item deep inside is not a copy of it.
COPY_LEAD_WORDS = 160
# Words per shingle: three survives light editing (a word changed every few), and two reports
# written apart still rarely share many.
SHINGLE = 3


@dataclass(slots=True)
class ArticleFeatures:
    """`vector` is l2-normalized; `shingles` are hashes of word SHINGLE-grams of the text as written."""

    id: str
    day: int  # date.toordinal() of the article's date
    order: int  # arrival order among articles of one day: who was first
    title: str | None
    vector: dict[str, float]
    top_terms: tuple[str, ...]  # the INDEX_TERMS heaviest terms of `vector`
    shingles: frozenset[int]


def article_day(analysis: Mapping[str, Any], *, default: date) -> int:
    """The article's date as an ordinal; `default` (the ingest day) when it has none or an unreadable one."""
    value = (analysis.get("meta") or {}).get("date")
    try:
        return date.fromisoformat(str(value)[:10]).toordinal() if value else default.toordinal()
    except ValueError:
        return default.toordinal()


def featurize(analysis: Mapping[str, Any], *, day: int, order: int, weights: Weights | None = None) -> ArticleFeatures:
    weights = weights or default_weights()
    text: str = analysis["text"]
    title = (analysis.get("meta") or {}).get("title") or ""
    counts: Counter[str] = Counter(terms(text)[:LEAD_TERMS])
    for term in terms(title):
        counts[term] += TITLE_BOOST
    vector = {}
    for term, count in counts.items():
        idf = weights(term)
        if idf >= MIN_IDF and not term.isdigit():
            vector[term] = (1.0 + math.log(count)) * idf
    names: Counter[str] = Counter()
    for ent in analysis.get("entities") or ():
        if ent.get("label") in NAME_LABELS:
            key = " ".join(terms(text[ent["start"] : ent["end"]]))
            if " " in key:  # one-word names are already terms
                names[key] += 1
    for key, count in names.items():
        vector["@" + key] = NAME_WEIGHT * (1.0 + math.log(count)) * max(weights(part) for part in key.split())
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return ArticleFeatures(
        id=str(analysis["id"]),
        day=day,
        order=order,
        title=title or None,
        vector={term: value / norm for term, value in vector.items()},
        top_terms=tuple(heapq.nlargest(INDEX_TERMS, vector, key=vector.__getitem__)),
        shingles=shingles(text),
    )


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word SHINGLE-grams of the lead of `text` (normalized words, proclitics kept)."""
    sequence = words(text)[:COPY_LEAD_WORDS]
    if len(sequence) < SHINGLE:
        return frozenset({_hash(" ".join(sequence))}) if sequence else frozenset()
    return frozenset(_hash(" ".join(sequence[i : i + SHINGLE])) for i in range(len(sequence) - SHINGLE + 1))


def _hash(shingle: str) -> int:
    # CRC-32, not hash(): the same in every process, so copy candidates do not depend on PYTHONHASHSEED.
    return zlib.crc32(shingle.encode("utf-8"))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two unit vectors, over the terms they share (a set intersection in C)."""
    return sum(a[term] * b[term] for term in a.keys() & b.keys())
