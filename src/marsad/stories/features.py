"""One stored analysis to what stories are matched on: a weighted term vector and a set of word shingles."""

from __future__ import annotations

import heapq
import math
import re
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
# The opening sentence of a text, as word SHINGLE-grams hashed as the lead's shingles are: a paper
# that rewords an agency release keeps its first sentence nearly whole while it reorders or rewrites
# the rest (copies.SAME_OPENING). The first piece between full stops, colons or line breaks with at
# least OPENING_MIN_WORDS words (a dateline such as "city - agency" is shorter), at most
# OPENING_WORDS of it.
SENTENCE_END = re.compile(r"[.!?:\n\u061f]")  # U+061F ARABIC QUESTION MARK
OPENING_MIN_WORDS = 8
OPENING_WORDS = 40
OPENING_CHARS = 1500  # where the opening sentence is looked for
# Figures that name one event (a toll, a price, an index level, an amount): two reports of one
# event print the same ones, two reports of one kind of event on different days do not. Digits of
# any script, with a decimal part; one-digit counts and years (19xx, 20xx, 14xx hijri) say nothing.
NUMBER = re.compile(r"\d+(?:[.,٫]\d+)?")
YEAR = re.compile(r"(?:19|20|14)\d\d")
NUMBER_LEAD_CHARS = 600
# Added to the cosine per figure two leads share, for at most SHARED_NUMBERS_CAP figures (0.1 beat 0
# on the tuning half of the judged pairs; eval/stories/evaluate.py).
NUMBER_BONUS = 0.1
SHARED_NUMBERS_CAP = 2
# Two leads that each print at least CONFLICT_NUMBERS figures and share none report two events of
# one kind (two market closes, two tolls, two scores): their cosine, raised by the shared template
# words, is lowered by this much. Chosen on the tuning half of the judged pairs: 0.3 beat 0, 0.05,
# 0.1 and 0.2 (0.5 scored the same as 0.3), and 2 figures each beat 1 (3 tied).
NUMBER_CONFLICT_PENALTY = 0.3
CONFLICT_NUMBERS = 2
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# The day a report is about is the first resolved date of its opening (its "today", "yesterday" or
# date): two issues of a daily bulletin (weather, market close) share nearly all their words, and
# each names its own day; a paper that reprints an agency text the next day says "yesterday".
LEAD_DATE_CHARS = 150


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
    numbers: frozenset[str] = frozenset()  # the figures of the lead (see NUMBER)
    lead_date: int | None = None  # date.toordinal() of the day the opening names (see LEAD_DATE_CHARS)
    opening: frozenset[int] = frozenset()  # the shingles of the opening sentence (see OPENING_WORDS)


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
    return ArticleFeatures(
        id=str(analysis["id"]),
        day=day,
        order=order,
        title=title or None,
        vector=_unit(vector),
        top_terms=tuple(heapq.nlargest(INDEX_TERMS, vector, key=vector.__getitem__)),
        shingles=shingles(text),
        numbers=numbers(text),
        lead_date=lead_date(analysis),
        opening=opening(text),
    )


def lead_date(analysis: Mapping[str, Any]) -> int | None:
    """The first date of the opening resolved to a day, as an ordinal; None when it names none."""
    for mention in sorted(analysis.get("dates") or (), key=lambda mention: mention.get("start", 0)):
        if mention.get("start", LEAD_DATE_CHARS) >= LEAD_DATE_CHARS:
            break
        try:
            return date.fromisoformat(str(mention.get("value") or "")[:10]).toordinal()
        except ValueError:
            continue  # a month, a year or an unresolved date: not a day
    return None


def dates_conflict(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Whether the two read as two issues of a daily item: each opening names its own day of
    publication, and the days differ. Only then: the date stage sometimes resolves a relative date
    a day off (or an outlet's name with "اليوم" in it as today), and a looser rule (any two
    different opening days) lost true reprints to such misreadings."""
    return a.day != b.day and a.lead_date == a.day and b.lead_date == b.day


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return {term: value / norm for term, value in vector.items()}


def numbers(text: str) -> frozenset[str]:
    """The figures of the lead of `text` in ASCII digits, without one-digit numbers and years."""
    found = set()
    for match in NUMBER.finditer(normalize_digits(text[:NUMBER_LEAD_CHARS])):
        value = match.group().replace(",", ".").replace("٫", ".")
        if len(value.replace(".", "")) >= 2 and not YEAR.fullmatch(value):
            found.add(value)
    return frozenset(found)


def normalize_digits(text: str) -> str:
    return text.translate(_DIGITS)


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word SHINGLE-grams of the lead of `text` (normalized words, proclitics kept)."""
    sequence = words(text)[:COPY_LEAD_WORDS]
    if len(sequence) < SHINGLE:
        return frozenset({_hash(" ".join(sequence))}) if sequence else frozenset()
    return frozenset(_hash(" ".join(sequence[i : i + SHINGLE])) for i in range(len(sequence) - SHINGLE + 1))


def opening(text: str) -> frozenset[int]:
    """Hashes of the word SHINGLE-grams of the first sentence of `text` (see OPENING_MIN_WORDS), as
    `shingles` hashes them; empty when no sentence is that long."""
    for piece in SENTENCE_END.split(text[:OPENING_CHARS]):
        sequence = words(piece)
        if len(sequence) >= OPENING_MIN_WORDS:
            sequence = sequence[:OPENING_WORDS]
            return frozenset(_hash(" ".join(sequence[i : i + SHINGLE])) for i in range(len(sequence) - SHINGLE + 1))
    return frozenset()


def _hash(shingle: str) -> int:
    # CRC-32, not hash(): the same in every process, so copy candidates do not depend on PYTHONHASHSEED.
    return zlib.crc32(shingle.encode("utf-8"))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two unit vectors, over the terms they share (a set intersection in C)."""
    return sum(a[term] * b[term] for term in a.keys() & b.keys())


def similarity(a: ArticleFeatures, b: ArticleFeatures) -> float:
    """How likely two articles report one story: the cosine of their terms, raised by the figures
    their leads share, lowered when both leads print several figures and none of them agree."""
    score = cosine(a.vector, b.vector)
    if a.numbers and b.numbers:
        shared = len(a.numbers & b.numbers)
        if shared:
            score += NUMBER_BONUS * min(SHARED_NUMBERS_CAP, shared)
        elif len(a.numbers) >= CONFLICT_NUMBERS and len(b.numbers) >= CONFLICT_NUMBERS:
            score -= NUMBER_CONFLICT_PENALTY
    return score
