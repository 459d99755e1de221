"""Find gazetteer names in a text: clitic-stripped, longest match first, dict lookups only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from ..arabic.normalize import normalize
from ..caches import WORD_TYPES
from .gazetteer import NO_NAME, Gazetteer

# A word: letters/digits plus the Arabic marks and tatweel that `\w` does not cover.
# The underscore is no letter: hashtags join words with it ("#محافظة_الحديدة").
WORD = re.compile(r"(?:[^\W_]|[\u0640\u064B-\u065F\u0670])+")
# What may stand between two words of one name: spaces, hyphens, quote marks (ساحة "المرجة").
JOINER = re.compile(r"[\s\-\"'«»“”„]*")

CONJUNCTIONS = ("\u0648", "\u0641")  # WAW, FEH
PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # BEH, LAM, KAF
LAM = "\u0644"
ARTICLE = "\u0627\u0644"  # ALEF LAM


class Words:
    """The words of a text: normalized forms up front, offsets read on demand (most words are
    never looked at again, so they are not copied out of the regex matches)."""

    __slots__ = ("text", "norms", "_matches")

    def __init__(self, text: str, matches: list[re.Match]) -> None:
        self.text = text
        self._matches = matches
        forms = list(map(re.Match.group, matches))
        missing = set(forms).difference(_NORMS)
        if not missing:
            self.norms: list[str] = list(map(_NORMS.__getitem__, forms))
            return
        fresh = {form: normalize(form).lower() for form in missing}
        if len(_NORMS) < WORD_TYPES:  # never cleared: safe to read from other threads
            _NORMS.update(fresh)
        self.norms = [fresh[form] if form in fresh else _NORMS[form] for form in forms]

    def __len__(self) -> int:
        return len(self.norms)

    def start(self, i: int) -> int:
        return self._matches[i].start()

    def end(self, i: int) -> int:
        return self._matches[i].end()

    def joined(self, j: int) -> bool:
        """Only a JOINER (space, hyphen, quote mark) separates word j from word j - 1."""
        return 0 < j < len(self.norms) and JOINER.fullmatch(self.text, self.end(j - 1), self.start(j)) is not None

    def spaced(self, j: int) -> bool:
        """Only white space separates word j from word j - 1."""
        return 0 < j < len(self.norms) and self.text[self.end(j - 1) : self.start(j)].isspace()


@dataclass(slots=True)
class Match:
    start: int  # the name without proclitics
    end: int
    key: str | None  # gazetteer name key; None for a stop phrase
    first_word: int
    last_word: int


# surface form -> normalized form (Latin lower-cased); set operations and map() keep the
# per-word cost in C.
_NORMS: dict[str, str] = {}


def words_from_text(text: str) -> Words:
    """The words of `text`; punctuation glued to a token (و"المرجة) splits.

    One regex scan of the whole text: cheaper than visiting spaCy tokens one by one, and
    independent of how the tokenizer treats clitics and quote marks.
    """
    return Words(text, list(WORD.finditer(text)))


@lru_cache(maxsize=WORD_TYPES)
def prefix_candidates(norm: str) -> tuple[tuple[int, str], ...]:
    """(normalized proclitic length, form) pairs, most literal first; the article is kept,
    since a name without it is a different word (مغرب / المغرب)."""
    out = [(0, norm)]
    rest, skipped = norm, 0
    if len(rest) > 3 and rest[0] in CONJUNCTIONS:
        rest, skipped = rest[1:], 1
        out.append((skipped, rest))
    if len(rest) > 3 and rest.startswith(LAM + LAM):
        # li- + al- contracted: "للولايات" is ل + الولايات; the article's alef is gone, so the
        # mention keeps the whole "للولايات" (as the annotation guide's mentions do).
        out.append((skipped, ARTICLE + rest[2:]))
        return tuple(out)
    if len(rest) > 3 and rest[0] in PREPOSITIONS:
        out.append((skipped + 1, rest[1:]))
    return tuple(out)


def _original_offset(text: str, start: int, end: int, skipped: int) -> int:
    """Original index of the `skipped`-th kept character of text[start:end]."""
    if skipped == 0:
        return start
    kept = 0
    for i in range(start, end):
        if normalize(text[i]):
            if kept == skipped:
                return i
            kept += 1
    return end


def _word_options(norm: str, gazetteer: Gazetteer) -> tuple:
    """((skipped, ((rest words, key), ...)), ...) for the forms of `norm` that start a name;
    empty for the vast majority of words. Cached per gazetteer: one dict lookup per word."""
    cache = gazetteer.word_cache
    found = cache.get(norm)
    if found is None:
        out = []
        for skipped, form in prefix_candidates(norm):
            if skipped and norm in gazetteer.blocked:
                break
            options = gazetteer.first.get(form)
            if options:
                out.append((skipped, options))
        found = tuple(out)
        if len(cache) < WORD_TYPES:  # never cleared: safe to read from other threads
            cache[norm] = found
    return found


def find_names(words: Words, gazetteer: Gazetteer) -> list[Match]:
    """Non-overlapping matches, left to right, longest name first at each word."""
    matches: list[Match] = []
    cache = gazetteer.word_cache
    norms = words.norms
    n = len(norms)
    for norm in set(norms).difference(cache):
        _word_options(norm, gazetteer)
    found_at = list(map(cache.get, norms))
    if None in found_at:  # the cache is full: look the rest up directly
        found_at = [_word_options(norm, gazetteer) if found is None else found for found, norm in zip(found_at, norms)]
    next_free = 0  # first word not yet inside a match
    for i in compress(range(n), found_at):
        if i < next_free:
            continue
        found = found_at[i]
        best: tuple[int, int, str | None] | None = None  # (last word, skipped, key)
        for skipped, (single, longer) in found:
            options = longer.get(norms[i + 1]) if longer and i + 1 < n else None
            for rest, key in options or ():
                last = i + len(rest)
                if best is not None and last <= best[0]:
                    break  # options are longest first; no longer one will follow
                if last < n and words.joined(i + 1) and all(
                        norms[j] == word and words.joined(j) for j, word in enumerate(rest[1:], start=i + 2)):
                    best = (last, skipped, key)
                    break
            if best is None and single is not NO_NAME:
                best = (i, skipped, single)
        if best is None:
            continue
        last, skipped, key = best
        start = _original_offset(words.text, words.start(i), words.end(i), skipped)
        matches.append(Match(start, words.end(last), key, i, last))
        next_free = last + 1
    return matches


# Words that announce a settlement: the next word is a place name whatever it looks like.
SETTLEMENT_WORDS = frozenset(
    "\u0645\u062f\u064a\u0646\u0647 \u0628\u0644\u062f\u0647 \u0642\u0631\u064a\u0647 "
    "\u0645\u062f\u064a\u0646\u062a\u064a \u0628\u0644\u062f\u062a\u064a \u0642\u0631\u064a\u062a\u064a".split()
)  # مدينه بلده قريه مدينتي بلدتي قريتي
SETTLEMENT_FORMS = frozenset(p + w for w in SETTLEMENT_WORDS for p in ("", *CONJUNCTIONS, *PREPOSITIONS, "\u0648\u0628", "\u0641\u0628"))
# Words that announce an administrative unit or a quarter: "محافظة الأنبار", "منطقة عسير",
# "مديرية الدريهمي", "قضاء حديثة". Like a settlement word, they say the next name is a place.
ADMIN_WORDS = frozenset("محافظه منطقه ولايه اقليم مديريه قضاء ناحيه مقاطعه محافظتي منطقتي ولايتي مديريتي".split())
ADMIN_FORMS = frozenset(p + w for w in ADMIN_WORDS for p in ("", *CONJUNCTIONS, *PREPOSITIONS, "\u0648\u0628", "\u0641\u0628", "\u0648\u0644"))
TRIGGERED_MAX_WORDS = 3
# "محافظة الخبر", "قضاء حديثة": an administrative word vouches for a small-town name as a
# settlement word does; not "منطقة", which heads common nouns too ("منطقة عازلة", "منطقة الحدود").
UNIT_WORDS = ADMIN_WORDS - {"منطقه", "منطقتي"}
PLACE_WORD_FORMS = SETTLEMENT_FORMS | frozenset(p + w for w in UNIT_WORDS for p in ("", *CONJUNCTIONS, *PREPOSITIONS, "\u0648\u0628", "\u0641\u0628", "\u0648\u0644"))


def after_settlement_word(words: Words, i: int) -> bool:
    """Word i follows "مدينة", "بلدة", "قرية" (with or without proclitics: "بمدينة")."""
    return i > 0 and words.norms[i - 1] in SETTLEMENT_FORMS and words.joined(i)


def after_place_word(words: Words, i: int) -> bool:
    """Word i follows a settlement or an administrative word ("بمحافظة", "ومنطقة", "مديرية")."""
    return i > 0 and (words.norms[i - 1] in SETTLEMENT_FORMS or words.norms[i - 1] in ADMIN_FORMS) and words.joined(i)


def find_triggered(words: Words, gazetteer: Gazetteer, taken: list[Match]) -> list[Match]:
    """Small-town names (the gazetteer's `triggered` tier) right after a settlement or an
    administrative word, where no other name was found: "في مدينة سالزبري", "محافظة الخبر"."""
    if not gazetteer.triggered:
        return []
    norms = words.norms
    settlements = list(compress(range(1, len(norms) + 1), map(PLACE_WORD_FORMS.__contains__, norms)))
    covered = {j for match in taken for j in range(match.first_word, match.last_word + 1)}
    found: list[Match] = []
    for i in settlements:
        if i >= len(norms) or i in covered or not words.joined(i):
            continue
        for last in range(min(len(norms), i + TRIGGERED_MAX_WORDS) - 1, i - 1, -1):
            if any(j in covered or not words.joined(j) for j in range(i + 1, last + 1)):
                continue
            key = " ".join(norms[i : last + 1])
            if key in gazetteer.triggered:
                found.append(Match(words.start(i), words.end(last), key, i, last))
                break
    found += _coordinated(words, gazetteer, taken, covered)
    return found


def _coordinated(words: Words, gazetteer: Gazetteer, taken: list[Match], covered: set[int]) -> list[Match]:
    """"تلمسان وأدرار وبشار": a one-word name joined by "و" right after a place name is listed
    with it, which vouches for it as a place word would."""
    out = []
    for match in taken:
        i = match.last_word + 1
        if match.key is None or i >= len(words.norms) or i in covered or not words.spaced(i):
            continue
        norm = words.norms[i]
        if norm[:1] != CONJUNCTIONS[0] or norm[1:] not in gazetteer.triggered:
            continue
        start = _original_offset(words.text, words.start(i), words.end(i), 1)
        out.append(Match(start, words.end(i), norm[1:], i, i))
    return out
