"""Search keys in Python: neither FTS5 nor PostgreSQL folds Arabic, so index and query both go through `normalize`.

The index holds, per article, the normalized words and their stems (proclitics split off), so a
query for الاميركي finds الأميركي and والأميركي. Highlights are found again in the original text
through `normalized_view`, so snippets and offsets always point at the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import TRANSLATION, normalize
from .records import SearchHit

WORD = re.compile(r"\w+")
# A word of the original text as `normalize` will see it: word characters and the marks it
# deletes (harakat, tatweel), which join the letters around them once deleted.
DELETED = "".join(chr(code) for code, to in TRANSLATION.items() if to is None)
ORIGINAL_WORD = re.compile(f"[\\w{re.escape(DELETED)}]+")
ARTICLE = "\u0627\u0644"  # ALEF LAM
TATWEEL = "\u0640"  # ARABIC TATWEEL
# Name keys fold what spelling of names varies in, beyond `normalize`.
NAME_FOLD = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a", "\u0621": None})  # WAW WITH HAMZA -> WAW, YEH WITH HAMZA -> YEH, HAMZA dropped
SNIPPET_BEFORE = 80
SNIPPET_AFTER = 160
SCAN_BACKOFF = 8  # characters: more than the longest proclitic run a stem can follow
# Weights of the indexed fields (title, body, stems): a match in the headline says most.
FIELD_WEIGHTS = (3.0, 1.0, 0.5)


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: its normalized form and its stem."""

    word: str
    stem: str


def stem(word: str) -> str:
    """The stem of a normalized word: proclitics (و ف ب ل ك ال) split off."""
    return split_proclitics(word)[1] or word


def index_fields(title: str | None, text: str) -> tuple[str, str, str]:
    """The indexed fields (title, body, stems) of an article, all normalized."""
    norm_title = normalize(title or "")
    body = normalize(text)
    stems = " ".join(stem(word) for word in WORD.findall(f"{norm_title} {body}"))
    return norm_title, body, stems


def parse_query(query: str) -> list[Term]:
    """The words of a query, normalized (diacritics, hamza and alef forms folded)."""
    return [Term(word, stem(word)) for word in WORD.findall(normalize(query))]


def hit(row: Mapping[str, Any], terms: list[Term], score: float) -> SearchHit:
    """A search hit for an article row (id, title, date, source, text): a snippet around the first match, with highlights."""
    text = row["text"]
    spans = highlights(text, terms, within=SNIPPET_AFTER)
    start, end = snippet_bounds(text, spans)
    return SearchHit(
        id=row["id"], title=row["title"], date=row["date"], source=row["source"], score=float(score),
        snippet=text[start:end], snippet_start=start, text_length=len(text),
        highlights=[(s - start, e - start) for s, e in spans if start <= s and e <= end],
    )


def highlights(text: str, terms: list[Term], *, within: int | None = None) -> list[tuple[int, int]]:
    """Half-open spans of `text` (original offsets) whose words match a query term; with `within`,
    only those starting at most that many characters after the first (all a snippet can show)."""
    words = {term.word for term in terms}
    stems = {term.stem for term in terms}
    spans: list[tuple[int, int]] = []
    start = 0
    if within is not None:
        start = _scan_start(text, words, stems)
        if start is None:
            return spans
    for match in ORIGINAL_WORD.finditer(text, start):
        if within is not None and spans and match.start() > spans[0][0] + within:
            break
        word = _normalized_word(match.group())
        if word and (word in words or _stem(word) in stems):
            start = match.start() + len(match.group()) - len(match.group().lstrip(DELETED))
            spans.append((start, _extend_over_marks(text, match.end())))
    return spans


def _scan_start(text: str, words: set[str], stems: set[str]) -> int | None:
    """Where a word-by-word scan for the first match may start, found by C-speed substring search
    in the folded text; None when no word matches. A matching word contains its stem, and folding
    only deletes characters, so the match lies at or after its offset in the folded text."""
    folded = normalize(text)
    first = None
    for wanted in stems:
        position = folded.find(wanted)
        while position != -1 and (first is None or position < first):
            # The folded word around this occurrence: a match only if it is a query word or has its stem.
            start, end = position, position + len(wanted)
            while start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                start -= 1
            while end < len(folded) and (folded[end].isalnum() or folded[end] == "_"):
                end += 1
            word = folded[start:end]
            if word in words or _stem(word) in stems:
                first = start
                break
            position = folded.find(wanted, end)
    if first is None:
        return None
    # Back off, then to a space, so that the scan starts at a word's beginning.
    space = text.rfind(" ", 0, max(0, first - SCAN_BACKOFF))
    return space + 1


@lru_cache(maxsize=65536)
def _normalized_word(word: str) -> str:
    return normalize(word)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


def _extend_over_marks(text: str, end: int) -> int:
    # A word's trailing harakat belong to it; a highlight that split them off would orphan them.
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == TATWEEL):
        end += 1
    return end


def snippet_bounds(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A window of `text` around the first span, cut at whitespace."""
    if not spans:
        end = _cut_back(text, min(len(text), SNIPPET_BEFORE + SNIPPET_AFTER))
        return 0, end
    first = spans[0][0]
    start = max(0, first - SNIPPET_BEFORE)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), max(spans[0][1], first + SNIPPET_AFTER))
    return start, _cut_back(text, end, floor=spans[0][1])


def _cut_back(text: str, end: int, *, floor: int = 0) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", floor, end)
    return space if space > floor else end


def name_key(name: str) -> str:
    """A spelling-insensitive key for a person's name: folded, and without the article on each word."""
    tokens = []
    for word in WORD.findall(normalize(name).translate(NAME_FOLD)):
        if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= 2:
            word = word[len(ARTICLE) :]
        tokens.append(word)
    return " ".join(tokens)


def name_matches(query_key: str, key: str) -> bool:
    """True when every word of the query's name key is a word of `key` ('لافروف' in 'سيرغي لافروف')."""
    wanted = query_key.split()
    return bool(wanted) and set(wanted) <= set(key.split())
