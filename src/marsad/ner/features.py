"""Token features for the NER tagger: clitic-aware forms, affixes, shape, clusters, gazetteers.

Features of a word do not depend on its sentence, so they are computed once per distinct
word and cached; a sentence only concatenates its neighbours' cached lists and adds the
gazetteer matches, which span several tokens. This keeps extraction well above 20k tokens/s.
Tagging skips the strings altogether: `FeatureIds` caches the model's attribute ids per word
and assembles those, in the same order (`assemble` serves both).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from array import array
from collections.abc import Callable, MutableSequence, Sequence
from functools import lru_cache, partial
from itertools import compress, repeat
from pathlib import Path

from ..arabic.clitics import split_proclitics, stem_candidates
from ..arabic.normalize import normalize
from .conll import entity_spans

MAX_GAZETTEER_LENGTH = 4
_CACHE_LIMIT = 60_000  # word types; each holds its feature lists (~2 KB), so this bounds memory
ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # HAMZA .. YEH
_PUNCT = frozenset("()[]{}\"'«»“”‘’.,،؛;:!?؟-–—/\\|*#%&+=<>…")


@lru_cache(maxsize=_CACHE_LIMIT)
def lookup_form(token: str) -> str:
    """The form used for cluster and gazetteer keys: normalized, Latin lowercased."""
    return normalize(token).lower()


def _stem(token: str) -> str:
    return split_proclitics(lookup_form(token))[1]


_STEMS: dict[str, str] = {}  # token -> `_stem`, for `document_marks` (see `cached_map`)


def _is_latin(char: str) -> bool:
    return "a" <= char.lower() <= "z"


# char -> `_is_latin`: per character, as `lower()` maps a few non-ASCII letters (KELVIN SIGN) to Latin.
_LATIN_CHARS: dict[str, bool] = {}


def _shape(token: str) -> str:
    # C-speed scans (`map`, set and regex): shapes are computed for every new word type.
    if token.isdigit():
        return "num"
    if _PUNCT.issuperset(token):
        return "punct"
    if any(cached_map(_LATIN_CHARS, token, _is_latin)):
        return "latin"
    if any(map(str.isdigit, token)):
        return "alnum"
    if ARABIC_LETTER.search(token):
        return "ar"
    return "other"


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    clusters: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids)
    return clusters


def load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Entries `form<TAB>feature[,feature]`: how news text auto-labelled by the model tags the form."""
    lexicon: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            form, entries = line.rstrip("\n").split("\t")
            lexicon[form] = tuple(entries.split(","))
    return lexicon


def load_gazetteer(path: Path) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Entries `form<TAB>kind[,kind]`, form a space-separated normalized phrase."""
    gazetteer: dict[tuple[str, ...], tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            form, kinds = line.rstrip("\n").split("\t")
            gazetteer[tuple(form.split(" "))] = tuple(kinds.split(","))
    return gazetteer


class FeatureExtractor:
    """Turns a sentence of tokens into one list of string features per token."""

    def __init__(
        self,
        *,
        clusters: dict[str, tuple[str, ...]],
        gazetteer: dict[tuple[str, ...], tuple[str, ...]],
        lexicon: dict[str, tuple[str, ...]] | None = None,
        identity: bool = True,
    ) -> None:
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.lexicon = lexicon or {}
        # identity=False leaves out the word's own form (used to auto-label news by context).
        self.identity = identity
        self._gazetteer_firsts = {key[0] for key in gazetteer}
        self._gazetteer_heads = {key[:2] for key in gazetteer if len(key) > 1}
        self._cache: dict[str, tuple[list[str], ...]] = {}
        self._starts_cache: dict[str, tuple[str, ...]] = {}

    def _cluster(self, form: str, stem: str) -> tuple[str, ...] | None:
        found = self.clusters.get(form)
        if found is None and stem != form:
            found = self.clusters.get(stem)
        return found

    def _word(self, token: str) -> tuple[list[str], ...]:
        """Feature lists for the word at offsets 0, -1, +1, -2, +2 (indexed 0..4)."""
        form = lookup_form(token)
        proclitics, stem = split_proclitics(form)
        shape = _shape(token)
        ids = self._cluster(form, stem)
        core = [f"w={form}", f"st={stem}", f"sh={shape}"]
        if ids is not None:
            core.extend(f"c{i}={cid}" for i, cid in enumerate(ids))
        else:
            core.append("c=none")
        lex = self.lexicon.get(form) or self.lexicon.get(stem)
        if lex:
            core.extend(f"lx={entry}" for entry in lex)
        center = [
            *(core if self.identity else core[2:]),
            f"pc={proclitics}",
            f"p2={stem[:2]}",
            f"s1={form[-1:]}",
            f"s2={form[-2:]}",
            f"len={min(len(stem), 8)}",
        ]
        if self.identity:
            center.extend((f"p3={stem[:3]}", f"s3={form[-3:]}"))
        if form.startswith("\u0627\u0644"):  # ALEF LAM: the definite article
            center.append("al")
        far = [feature for feature in core if feature[0] in "wc"]
        return (
            center,
            ["-1" + feature for feature in core],
            ["+1" + feature for feature in core],
            ["-2" + feature for feature in far],
            ["+2" + feature for feature in far],
        )

    def word_features(self, token: str) -> tuple[list[str], ...]:
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            cached = self._cache[token] = self._word(token)
        return cached

    def _gazetteer_starts(self, token: str) -> tuple[str, ...]:
        """The token's lookup candidates that begin a gazetteer entry: for most tokens none."""
        return tuple(first for first in stem_candidates(token) if first in self._gazetteer_firsts)

    def gazetteer_matches(self, tokens: Sequence[str]) -> dict[int, list[str]]:
        """`gazetteer_marks` of the marked positions only (few), by position."""
        starts = cached_map(self._starts_cache, tokens, self._gazetteer_starts)
        marks: dict[int, list[str]] = {}
        n = len(tokens)
        end = 0  # positions before `end` lie inside the last match
        for i in compress(range(n), starts):
            if i < end:
                continue
            for first in starts[i]:
                # Most entries are one word: try longer ones only where the next word can follow.
                if i + 1 < n and (first, lookup_form(tokens[i + 1])) in self._gazetteer_heads:
                    following = [lookup_form(t) for t in tokens[i + 1 : i + MAX_GAZETTEER_LENGTH]]
                    lengths: Sequence[int] = range(len(following) + 1, 0, -1)
                else:
                    following, lengths = [], (1,)
                for length in lengths:
                    kinds = self.gazetteer.get((first, *following[: length - 1]))
                    if kinds is not None:
                        end = i + length
                        for kind in kinds:
                            marks.setdefault(i, []).append(f"gB={kind}")
                            for j in range(i + 1, end):
                                marks.setdefault(j, []).append(f"gI={kind}")
                        break
                if end > i:
                    break
        return marks

    def gazetteer_marks(self, tokens: Sequence[str]) -> list[list[str]]:
        """Longest gazetteer match at each position, marked B-kind / I-kind."""
        matches = self.gazetteer_matches(tokens)
        return [matches.get(i, []) for i in range(len(tokens))]

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """String features per token (training reads these; tagging uses `FeatureIds`)."""
        words = [self.word_features(token) for token in tokens]
        marks: list = [_NO_MARKS] * len(tokens)
        for i, own in self.gazetteer_matches(tokens).items():
            marks[i] = (own, [f"-1{mark}" for mark in own], [f"+1{mark}" for mark in own])
        pairs = None
        if self.identity:
            pairs = [
                (f"{_PAIR_PREFIXES[0]}{left[0][0]}|{right[0][0]}", f"{_PAIR_PREFIXES[1]}{left[0][0]}|{right[0][0]}")
                for left, right in zip(words, words[1:])
            ]
        return assemble(words, marks, pairs, bias="bias", bos="BOS", eos="EOS")


def cached_map(cache: dict, keys: Sequence, make: Callable) -> list:
    """`cache[key]` for each key, made and kept where missing.

    `map(cache.get, ...)` runs at C speed; a Python call per key would cost as much as the
    rest of a sentence's assembly. `make` must not return None.
    """
    found = list(map(cache.get, keys))
    if None in found:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        for i, value in enumerate(found):
            if value is None:
                found[i] = cache[keys[i]] = make(keys[i])
    return found


# Word-pair features: "w-1|w=" + left + "|" + right (read at the right word), "w|w+1=" + ... (at the left).
_PAIR_PREFIXES = ("w-1|w=", "w|w+1=")
# A token without gazetteer marks: (its own marks, as seen from the right, as seen from the left).
_NO_MARKS: tuple[tuple, tuple, tuple] = ((), (), ())
# Attribute ids in `FeatureIds`: 8-byte signed, as numpy's intp on 64-bit platforms.
ID_TYPECODE = "q"
_NO_MARK_IDS = (array(ID_TYPECODE), array(ID_TYPECODE), array(ID_TYPECODE))

_new_ids = partial(array, ID_TYPECODE)  # a C call: no Python frame per token


def assemble(
    words: Sequence[Sequence[Sequence]],
    marks: Sequence[Sequence[Sequence]],
    pairs: Sequence[tuple] | None,
    *,
    bias,
    bos,
    eos,
    new: Callable[[tuple], MutableSequence] = list,
) -> list[MutableSequence]:
    """Each token's features from its window, as strings or as attribute ids alike.

    `words[i]`: token i's five lists (`FeatureExtractor._word`: center, -1, +1, -2, +2; any
    further items are not read);
    `marks[i]`: its gazetteer marks as (own, "-1"-prefixed, "+1"-prefixed); `pairs[i]`: the
    word-pair features of tokens i and i+1 as ("w-1|w" read at i+1, "w|w+1" read at i), or None
    without identity features. `new` makes a token's container from its first feature; its
    pieces must add to it with `+=` (lists to a list, `array`s to an `array`). The order is
    the model's contract: crfsuite sums a token's weights in feature order, and float sums in
    another order can flip near ties.
    """
    n = len(words)
    out: list[MutableSequence] = []
    for i in range(n):
        features = new((bias,))
        features += words[i][0]
        features += marks[i][0]
        if i > 0:
            features += words[i - 1][1]
            features += marks[i - 1][1]
            if pairs is not None:
                features.append(pairs[i - 1][0])
        else:
            features.append(bos)
        if i > 1:
            features += words[i - 2][3]
        if i + 1 < n:
            features += words[i + 1][2]
            features += marks[i + 1][2]
            if pairs is not None:
                features.append(pairs[i][1])
        else:
            features.append(eos)
        if i + 2 < n:
            features += words[i + 2][4]
        out.append(features)
    return out


class FeatureIds:
    """`FeatureExtractor.sentence` as attribute ids of one model, without building the strings.

    A word's five feature lists are mapped once per word type and gazetteer marks once per
    mark; a sentence then only assembles cached ids (`assemble`), in the same order as the
    strings. A feature the model lacks maps to `unknown` in place (the CRF scores it 0.0, as
    crfsuite drops it), so the order of the known ones is kept too.
    """

    def __init__(self, extractor: FeatureExtractor, *, attributes: dict[str, int], unknown: int) -> None:
        self.extractor = extractor
        self.attributes = attributes
        self.unknown = unknown
        self._words: dict[str, tuple] = {}
        self._marks: dict[str, array] = {}
        get = attributes.get
        self.bias, self.bos, self.eos = get("bias", unknown), get("BOS", unknown), get("EOS", unknown)
        # Word pairs are too many to cache and few are known (thousands): the known ones by
        # their two word features, so a pair is one lookup and no string. A name that splits
        # at "|" into two parts is the only name a pair of "|"-free features can build; a
        # feature with "|" in it goes by its string (`_pair`).
        known: dict[tuple[str, ...], list[int]] = {}
        for name, index in attributes.items():
            for side, prefix in enumerate(_PAIR_PREFIXES):
                if name.startswith(prefix):
                    parts = tuple(name[len(prefix) :].split("|"))
                    if len(parts) == 2:
                        known.setdefault(parts, [unknown, unknown])[side] = index
        self._known_pairs = {parts: tuple(ids) for parts, ids in known.items()}
        self._no_pair = (unknown, unknown)

    def ids(self, features: Sequence[str]) -> array:
        return array(ID_TYPECODE, map(self.attributes.get, features, repeat(self.unknown)))

    def _word(self, token: str) -> tuple:
        """The five id lists of `FeatureExtractor._word`, then the pair key (see `sentence`)."""
        features = self.extractor.word_features(token)
        key = features[0][0]  # "w=form" (read only with identity features)
        return (*map(self.ids, features), None if "|" in key else key)

    def _pair(self, left_token: str, right_token: str) -> tuple[int, int]:
        """Ids of the pair features of two tokens, by their strings."""
        word_features = self.extractor.word_features
        left, right = word_features(left_token)[0][0], word_features(right_token)[0][0]
        get, unknown = self.attributes.get, self.unknown
        return get(f"{_PAIR_PREFIXES[0]}{left}|{right}", unknown), get(f"{_PAIR_PREFIXES[1]}{left}|{right}", unknown)

    def _mark(self, mark: str) -> array:
        return self.ids((mark, f"-1{mark}", f"+1{mark}"))

    def sentence(self, tokens: Sequence[str]) -> list[array]:
        """Ids per token, equal to the model's mapping of `extractor.sentence(tokens)`.

        Each token's ids are an `array(ID_TYPECODE)`: arrays join and reach numpy as bytes
        (`crf.pack_ids`), where a list of ints would be converted one int at a time.
        """
        words = cached_map(self._words, tokens, self._word)
        marks: list = [_NO_MARK_IDS] * len(tokens)
        for i, own in self.extractor.gazetteer_matches(tokens).items():
            # Per mark (own, -1, +1) -> per view the marks' ids, as `assemble` reads them.
            marks[i] = tuple(array(ID_TYPECODE, view) for view in zip(*cached_map(self._marks, own, self._mark)))
        pairs = None
        if self.extractor.identity:
            keys = [word[5] for word in words]
            if None in keys:  # rare: a word feature with "|" in it
                pairs = list(map(self._pair, tokens, tokens[1:]))
            else:
                pairs = list(map(self._known_pairs.get, zip(keys, keys[1:]), repeat(self._no_pair)))
        return assemble(words, marks, pairs, bias=self.bias, bos=self.bos, eos=self.eos, new=_new_ids)


def document_marks(
    sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]], *, window: int
) -> list[list[list[str]]]:
    """Second-stage features: the first-pass tags and how nearby sentences tagged the same word.

    News names a person in full once ("سعد الحريري") and by surname later ("الحريري"): a word
    that the first pass tagged inside an entity in one of the `window` sentences before or after
    gets `d:eTYPE` (inside), `d:lTYPE` (last word of a longer entity) or `d:fTYPE` (first word).
    """
    stems = [cached_map(_STEMS, tokens, _stem) for tokens in sentences]
    info: list[dict[str, set[str]]] = []
    for forms, tags in zip(stems, first_pass):
        marks: dict[str, set[str]] = {}
        if tags.count("O") == len(tags):  # most sentences: no entity, nothing to read
            info.append(marks)
            continue
        for start, end, kind in sorted(entity_spans(tags)):
            for i in range(start, end):
                marks.setdefault(forms[i], set()).add("e" + kind)
            if end - start >= 2:
                marks.setdefault(forms[end - 1], set()).add("l" + kind)
                marks.setdefault(forms[start], set()).add("f" + kind)
        info.append({form: kinds for form, kinds in marks.items() if len(form) >= 3})
    nearby: dict[str, Counter] = {}

    def add(index: int, sign: int) -> None:
        for form, kinds in info[index].items():
            counter = nearby.get(form)
            if counter is None:
                counter = nearby[form] = Counter()
            for kind in sorted(kinds):  # sorted: set order changes per process, the model file must not
                counter[kind] += sign

    for index in range(min(window, len(info))):
        add(index, 1)
    out: list[list[list[str]]] = []
    for j, (forms, tags) in enumerate(zip(stems, first_pass)):
        if j + window < len(info):
            add(j + window, 1)
        if j - window - 1 >= 0:
            add(j - window - 1, -1)
        add(j, -1)  # other sentences only: the first-pass tag already speaks for this one
        sentence_marks = [
            ["m1=" + tag, "m1-1=" + before, "m1+1=" + after]
            for tag, before, after in zip(tags, ["BOS", *tags[:-1]], [*tags[1:], "EOS"])
        ]
        for features, counter in zip(sentence_marks, map(nearby.get, forms)):
            if counter:
                features.extend(f"d:{kind}" for kind, count in counter.items() if count > 0)
        add(j, 1)
        out.append(sentence_marks)
    return out
