"""Clitic-aware forms of Arabic words: conjunction, preposition and article prefixes split off.

Rules guided by word frequencies from news text, not a morphological analyzer: a proclitic is
split off when what remains is a word in its own right and, for the rarer clitics, clearly more
common than the whole ("وزير" stays whole because "زير" is rare; "وحلب" splits because "حلب" is
common; "كيري" stays whole because ك+يري needs overwhelming evidence). Lexicon lookups that
must not miss should still try every form `stem_candidates` gives, most literal first.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from ..caches import WORD_TYPES
from .normalize import normalize

MIN_STEM = 3
CONJUNCTIONS = ("\u0648", "\u0641")  # WAW, FEH
PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # BEH, LAM, KAF
ARTICLE = "\u0627\u0644"  # ALEF LAM
LAM_LAM = "\u0644\u0644"  # li- + al- contracted ("للبحث")
# How much more frequent the stem must be than the whole word before a clitic is split off.
STEM_RATIO = {"\u0648": 0.2, "\u0641": 0.2, "\u0628": 2.0, "\u0644": 2.0, "\u0643": 20.0}


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    """Normalized word -> count in the ANT news corpus (see training/lexicon/)."""
    path = resources.files("marsad.resources").joinpath("lexicons/word_counts.tsv.gz")
    with path.open("rb") as raw:
        # One split of the whole file, then pairs: half the time of a split per line (80,000 lines,
        # read by every command that stems a word, `marsad search` included). Words hold no spaces.
        fields = gzip.decompress(raw.read()).decode("utf-8").split()
    return dict(zip(fields[::2], map(int, fields[1::2])))


def _splits(clitic: str, word: str, stem: str, counts: dict[str, int]) -> bool:
    if len(stem) < MIN_STEM:
        return False
    word_count, stem_count = counts.get(word, 0), counts.get(stem, 0)
    if stem_count == 0:
        # Neither form is known: a rare name or word; only the conjunctions are split blindly.
        return word_count == 0 and clitic in CONJUNCTIONS
    return stem_count >= STEM_RATIO[clitic] * word_count


@lru_cache(maxsize=WORD_TYPES)
def split_proclitics(word: str) -> tuple[str, str]:
    """Split a normalized word into (proclitics, stem): "وبالمدينه" -> ("وبال", "مدينه")."""
    counts = word_counts()
    prefix, rest = "", word
    if rest[:1] in CONJUNCTIONS and (rest[1:3] in (ARTICLE, LAM_LAM) or _splits(rest[0], rest, rest[1:], counts)):
        prefix, rest = rest[0], rest[1:]
    if rest.startswith(LAM_LAM) and len(rest) - 2 >= MIN_STEM - 1:
        return prefix + LAM_LAM, rest[2:]
    if rest[:1] in PREPOSITIONS:
        if rest[1:3] == ARTICLE and len(rest) - 3 >= MIN_STEM - 1:
            return prefix + rest[:3], rest[3:]
        if _splits(rest[0], rest, rest[1:], counts):
            prefix, rest = prefix + rest[0], rest[1:]
    if rest.startswith(ARTICLE) and len(rest) - 2 >= MIN_STEM - 1:
        prefix, rest = prefix + ARTICLE, rest[2:]
    return prefix, rest


@lru_cache(maxsize=WORD_TYPES)
def stem_candidates(word: str) -> tuple[str, ...]:
    """Normalized forms a lexicon lookup should try, most literal first.

    "وبحلب" -> ("وبحلب", "بحلب", "حلب"); "والحسكه" -> ("والحسكه", "الحسكه", "حسكه").
    """
    norm = normalize(word)
    candidates = [norm]
    rest = norm
    if len(rest) > 3 and rest[0] in CONJUNCTIONS:
        rest = rest[1:]
        candidates.append(rest)
    if len(rest) > 3 and rest.startswith(LAM_LAM):
        candidates.append(ARTICLE + rest[2:])
        candidates.append(rest[2:])
        return tuple(dict.fromkeys(candidates))
    if len(rest) > 3 and rest[0] in PREPOSITIONS:
        rest = rest[1:]
        candidates.append(rest)
    if len(rest) > 3 and rest.startswith(ARTICLE):
        candidates.append(rest[2:])
    return tuple(dict.fromkeys(candidates))


def token_stem(token) -> str:
    """`token._.stem`: the normalized form without proclitics."""
    return split_proclitics(token.norm_)[1]
