"""Token features for the NER tagger: clitic-aware forms, affixes, shape, clusters, gazetteers.

Features of a word do not depend on its sentence, so they are computed once per distinct
word and cached; a sentence only concatenates its neighbours' cached lists and adds the
gazetteer matches, which span several tokens. This keeps extraction well above 20k tokens/s.
Tagging skips the strings: `FeatureIds` looks a new word's features up by value, caches the
ids the model knows per word and joins those in `assemble`'s order (the strings' order).
Caches are bounded: past their limit the older half goes (`_trim`), not everything.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from array import array
from collections.abc import Callable, Mapping, MutableSequence, Sequence
from functools import lru_cache
from operator import is_
from itertools import chain, compress, islice, repeat
from pathlib import Path

import numpy as np

from ..arabic.clitics import split_proclitics, stem_candidates
from ..arabic.normalize import normalize
from .conll import entity_spans

MAX_GAZETTEER_LENGTH = 4
_CACHE_LIMIT = 60_000  # word types; each holds its feature lists (~2 KB), so this bounds memory
ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # HAMZA .. YEH
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
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
    if _ARABIC_WORD.fullmatch(token):  # most words; what the tests below would conclude
        return "ar"
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


def load_clusters(path: Path) -> Mapping[str, tuple[str, ...]]:
    """Entries `word<TAB>cluster id<TAB>...`; lines starting with "#" are comments.

    Read at every start (96k lines): only each line's word is taken out now, by one regex
    pass; a word's ids are split off when it is looked up (`ClusterTable`), once per word type
    by the feature caches. 0.11 -> 0.06 s against splitting every line into a tuple at once.
    """
    with open(path, "rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    lines = text.split("\n")
    words = _LINE_WORD.findall(text)  # one per line, as `split` gives them: aligned with `lines`
    index = dict(zip(words, range(len(words))))  # a repeated word: its last line, as a dict would keep
    if lines[-1] == "" and words.count("") == 1:  # only the "line" after the final newline
        del index[""]
    for word in [word for word in index if word.startswith("#")]:  # comment lines (few)
        del index[word]
    return ClusterTable(lines, index)


_LINE_WORD = re.compile("^[^\t\n]*", re.MULTILINE)


class ClusterTable(Mapping):
    """word -> its cluster ids (strings), each line split when its word is looked up."""

    __slots__ = ("_lines", "_index")

    def __init__(self, lines: list[str], index: dict[str, int]) -> None:
        self._lines = lines
        self._index = index

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return tuple(self._lines[self._index[word]].split("\t")[1:])

    def get(self, word: str, default=None):  # type: ignore[override]  # the common call: no exception
        row = self._index.get(word)
        return default if row is None else tuple(self._lines[row].split("\t")[1:])

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


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
        clusters: Mapping[str, tuple[str, ...]],
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

    def _parts(self, token: str) -> tuple[str, str, str, list[str]]:
        """(form, stem, proclitics, core features) of a word."""
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
        return form, stem, proclitics, core

    def _rest(self, form: str, stem: str, proclitics: str) -> list[str]:
        """The center's own features after the core ones."""
        rest = [
            f"pc={proclitics}",
            f"p2={stem[:2]}",
            f"s1={form[-1:]}",
            f"s2={form[-2:]}",
            f"len={min(len(stem), 8)}",
        ]
        if self.identity:
            rest.extend((f"p3={stem[:3]}", f"s3={form[-3:]}"))
        if form.startswith("\u0627\u0644"):  # ALEF LAM: the definite article
            rest.append("al")
        return rest

    def _word(self, token: str) -> tuple[list[str], ...]:
        """Feature lists for the word at offsets 0, -1, +1, -2, +2 (indexed 0..4)."""
        form, stem, proclitics, core = self._parts(token)
        center = [*(core if self.identity else core[2:]), *self._rest(form, stem, proclitics)]
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
                _trim(self._cache)
            cached = self._cache[token] = self._word(token)
        return cached

    def _gazetteer_starts(self, token: str) -> tuple[str, ...]:
        """The token's lookup candidates that begin a gazetteer entry: for most tokens none."""
        return tuple(filter(self._gazetteer_firsts.__contains__, stem_candidates(token)))

    def gazetteer_matches(self, tokens: Sequence[str], starts: Sequence[tuple] | None = None) -> dict[int, list[str]]:
        """`gazetteer_marks` of the marked positions only (few), by position.

        `starts`: the tokens' `_gazetteer_starts`, where the caller has them already.
        """
        if starts is None:
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


def _trim(cache: dict) -> None:
    """Drop the older half of `cache` (insertion order): recent, mostly frequent, keys stay."""
    for key in list(islice(cache, len(cache) // 2)):
        del cache[key]


def cached_map(cache: dict, keys: Sequence, make: Callable, limit: int = _CACHE_LIMIT) -> list:
    """`cache[key]` for each key, made and kept where missing.

    `map(cache.get, ...)` runs at C speed; a Python call per key would cost as much as the
    rest of a sentence's assembly. `make` must not return None. Past `limit` keys the older
    half is dropped (`_trim`), so memory stays bounded and hot keys mostly stay.
    """
    found = list(map(cache.get, keys))
    if None in found:
        if len(cache) > limit:
            _trim(cache)
        for i in compress(range(len(found)), map(is_, found, repeat(None))):
            found[i] = cache[keys[i]] = make(keys[i])
    return found


# Word-pair features: "w-1|w=" + left + "|" + right (read at the right word), "w|w+1=" + ... (at the left).
_PAIR_PREFIXES = ("w-1|w=", "w|w+1=")
# A token without gazetteer marks: (its own marks, as seen from the right, as seen from the left).
_NO_MARKS: tuple[tuple, tuple, tuple] = ((), (), ())
# Attribute ids in `FeatureIds`: 8-byte signed, as numpy's intp on 64-bit platforms. Its
# caches keep them packed in `bytes` (`array(ID_TYPECODE, ...).tobytes()`), not in `array`s:
# the garbage collector does not track bytes, nor the tuples that hold only bytes and strings,
# and its full collections over a few hundred thousand cached arrays cost more than the rest
# of a cold word's features.
ID_TYPECODE = "q"
_ID_SIZE = array(ID_TYPECODE).itemsize


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


_EMPTY_IDS = b""
_NO_VIEW = (_EMPTY_IDS,) * 5  # a view with no known id, so that `zip` in `_word` always gives five sides
# Word types kept by `FeatureIds` (their known ids only, ~0.5 KB each, no strings): about the
# memory of `_CACHE_LIMIT` word types of string features.
_ID_CACHE_LIMIT = 120_000


class FeatureIds:
    """`FeatureExtractor.sentence` as attribute ids of one model, without building most strings.

    A word's five id lists are made once per word type and gazetteer marks once per mark; a
    sentence then only joins cached ids, in the order of `assemble` over the strings. A
    feature the model lacks is left out: crfsuite drops it too, and the CRF would score it
    (`unknown`) as an exact 0.0, so the known ones are summed alike and in the same order.
    """

    def __init__(self, extractor: FeatureExtractor, *, attributes: dict[str, int], unknown: int) -> None:
        self.extractor = extractor
        self.attributes = attributes
        self.unknown = unknown
        self._words: dict[str, tuple] = {}
        self._marks: dict[str, tuple] = {}
        self._mark_sets: dict[tuple, tuple] = {}
        get = attributes.get
        # Every id packed once, by slicing one buffer (one shared object per id); the last
        # entry, b"", stands for None (unknown).
        size = max(attributes.values(), default=-1) + 1
        buffer = np.arange(size, dtype=np.int64).tobytes()
        packed_ids = [buffer[start : start + _ID_SIZE] for start in range(0, len(buffer), _ID_SIZE)]
        packed_ids.append(_EMPTY_IDS)
        no_id = size  # the index of b"" in `packed_ids`

        def packed(index: int | None) -> bytes:
            """One id packed (b"" for None)."""
            return packed_ids[no_id if index is None else index]

        self.bias, self.bos, self.eos = packed(get("bias")), packed(get("BOS")), packed(get("EOS"))
        # A core feature (`FeatureExtractor._parts`) -> its known id at the center and as seen
        # from -1, +1, -2, +2, packed (b"": unknown), so that a new word builds no strings: its
        # five id lists are then its views joined side by side (see `_word`).
        # Only the views `_word` reads (`_VIEWED`): the other names, a third of them (pairs,
        # marks, stage-2 features), are looked up by name, and making their views took a
        # quarter of loading the model.
        views: dict[str, list] = {}
        for name, index in attributes.items():
            if name.startswith(_VIEWED):
                views.setdefault(name, [no_id] * 5)[0] = index
                continue
            side = _VIEW_PREFIXES.get(name[:2])
            if side is not None and (side < 3 or name[2:3] in ("w", "c")) and name.startswith(_VIEWED, 2):
                views.setdefault(name[2:], [no_id] * 5)[side] = index
        self._views = {name: tuple(map(packed_ids.__getitem__, ids)) for name, ids in views.items()}
        # The same by the feature's value, per kind, so that a new word builds no string:
        # "w=" + form is known iff form is a key of `by_value["w="]`.
        by_value: dict[str, dict] = {prefix: {} for prefix in _VALUE_PREFIXES}
        for name, view in self._views.items():
            prefix = _VALUE_PREFIX.match(name)
            if prefix is not None:
                by_value[prefix.group()][name[prefix.end() :]] = view
        self._by_form, self._by_stem, self._by_shape = by_value["w="], by_value["st="], by_value["sh="]
        self._no_cluster = self._views.get("c=none")
        # Views of "c0=" + id, "c1=" + id, ... by id, one dict per position: a word's cluster
        # views are then three C-level lookups, no name built (most cluster triples are new).
        cluster_at: dict[int, dict] = {}
        for name, view in self._views.items():
            found = _CLUSTER_NAME.fullmatch(name)
            if found is not None:
                cluster_at.setdefault(int(found.group(1)), {})[found.group(2)] = view
        self._cluster_at = [cluster_at.get(i, {}) for i in range(max(cluster_at, default=-1) + 1)]
        self._lexicon_views: dict[tuple, tuple] = {}  # lexicon entries -> views of lx=...
        # Center-only features (`FeatureExtractor._rest`) by value: their ids packed, absent if unknown.
        self._rest_ids = tuple(
            {value: view[0] for value, view in by_value[prefix].items() if view[0]}
            for prefix in ("pc=", "p2=", "s1=", "s2=", "len=", "p3=", "s3=")
        )
        self._al = packed(get("al"))

        # Word pairs are too many to cache and few are known (thousands): the known ones by
        # their two word features, so a pair is one lookup and no string. A name that splits
        # at "|" into two parts is the only name a pair of "|"-free features can build; a
        # feature with "|" in it goes by its string (`_pair`).
        known: dict[tuple[str, ...], list] = {}
        for name, index in [(name, index) for name, index in attributes.items() if "|" in name]:  # every pair name has one
            for side, prefix in enumerate(_PAIR_PREFIXES):
                if name.startswith(prefix):
                    parts = tuple(name[len(prefix) :].split("|"))
                    if len(parts) == 2:
                        known.setdefault(parts, [_EMPTY_IDS, _EMPTY_IDS])[side] = packed(index)
        self._known_pairs = {parts: tuple(ids) for parts, ids in known.items()}
        self._no_pair = (_EMPTY_IDS, _EMPTY_IDS)

    def ids(self, features: Sequence[str]) -> array:
        """The known ones' ids, in order."""
        return array(ID_TYPECODE, [i for i in map(self.attributes.get, features) if i is not None])

    def _word(self, token: str) -> tuple:
        """The known ids of `FeatureExtractor._word`'s five lists (packed), then the pair key (see `sentence`)."""
        extractor = self.extractor
        # `FeatureExtractor._parts` by value: no feature names are built.
        form = lookup_form(token)
        proclitics, stem = split_proclitics(form)
        clusters = extractor._cluster(form, stem)
        if clusters is None:
            cluster_views: tuple = (self._no_cluster,)
        else:
            # Positions past the known ones have no known view: `filter` below drops Nones alike.
            cluster_views = tuple(map(dict.get, self._cluster_at, clusters))
        lexicon = extractor.lexicon
        lex = lexicon.get(form) or lexicon.get(stem)
        if lex:
            lexicon_views = self._lexicon_views.get(lex)
            if lexicon_views is None:
                get_view = self._views.get
                lexicon_views = tuple(get_view(f"lx={entry}") for entry in lex)
                if len(self._lexicon_views) > _CACHE_LIMIT:
                    _trim(self._lexicon_views)
                self._lexicon_views[lex] = lexicon_views
        else:
            lexicon_views = ()
        views = filter(
            None,
            (
                self._by_form.get(form),
                self._by_stem.get(stem),
                self._by_shape.get(_shape(token)),
                *cluster_views,
                *lexicon_views,
            ),
        )
        # Per side, the known views' ids in order: the views joined side by side, at C speed.
        sides = tuple(map(b"".join, zip(_NO_VIEW, *views)))
        # `FeatureExtractor._rest` by value, in its order: pc, p2, s1, s2, len, [p3, s3], al.
        pc, p2, s1, s2, length, p3, s3 = self._rest_ids
        if extractor.identity:
            own = sides[0]
            identity = (p3.get(stem[:3]), s3.get(form[-3:]))
        else:  # the core's first two features (w=, st=) are not the center's own
            own = self.ids(extractor._parts(token)[3][2:]).tobytes()
            identity = ()
        # ALEF LAM: the definite article, as in `FeatureExtractor._rest`
        al = self._al if form.startswith("\u0627\u0644") else None
        rest = (
            pc.get(proclitics),
            p2.get(stem[:2]),
            s1.get(form[-1:]),
            s2.get(form[-2:]),
            length.get(str(min(len(stem), 8))),
        )
        center = b"".join(filter(None, (own, *rest, *identity, al)))
        key = "w=" + form  # the first core feature (pairs are read only with identity features)
        return (center, *sides[1:], None if "|" in key else key, stem, extractor._gazetteer_starts(token))

    def _pair(self, left_token: str, right_token: str) -> tuple[bytes, bytes]:
        """Ids of the pair features of two tokens (packed), by their strings."""
        left, right = "w=" + lookup_form(left_token), "w=" + lookup_form(right_token)
        names = (f"{_PAIR_PREFIXES[0]}{left}|{right}", f"{_PAIR_PREFIXES[1]}{left}|{right}")
        return self.ids(names[:1]).tobytes(), self.ids(names[1:]).tobytes()

    def _mark(self, mark: str) -> tuple[bytes, bytes, bytes]:
        return tuple(self.ids((name,)).tobytes() for name in (mark, f"-1{mark}", f"+1{mark}"))

    def _mark_set(self, own: tuple[str, ...]) -> tuple[bytes, bytes, bytes]:
        """A token's marks -> per view (own, -1, +1) the marks' ids, as `assemble` reads them."""
        found = self._mark_sets.get(own)
        if found is None:
            if len(self._mark_sets) > _CACHE_LIMIT:
                _trim(self._mark_sets)
            found = self._mark_sets[own] = tuple(
                b"".join(view) for view in zip(*cached_map(self._marks, own, self._mark))
            )
        return found

    def flat(self, sentences: Sequence[Sequence[str]], stems: list | None = None) -> tuple[bytes, np.ndarray]:
        """Ids of all tokens of `sentences`, joined (`ID_TYPECODE` bytes), and per token their count.

        `stems`, if given, receives each sentence's stems (`document_marks`). The whole text is
        read at once, sentence edges put right afterwards: a few steps per text rather than per
        sentence.
        """
        lengths = [len(tokens) for tokens in sentences]
        tokens = list(chain.from_iterable(sentences))
        n = len(tokens)
        if not n:
            if stems is not None:
                stems.extend([] for _ in sentences)
            return b"", np.zeros(0, dtype=np.intp)
        center, left, right, far_left, far_right, keys, word_stems, starts = zip(
            *cached_map(self._words, tokens, self._word, _ID_CACHE_LIMIT)
        )
        empty = _EMPTY_IDS
        # Each token's neighbours as if the text were one sentence; the edges are set below.
        from_left = [self.bos, *left[:-1]]
        from_far_left = [empty, empty, *far_left[:-2]]
        from_right = [*right[1:], self.eos]
        from_far_right = [*far_right[2:], empty, empty]
        mark_own, mark_left, mark_right = [empty] * n, [empty] * n, [empty] * n
        identity = self.extractor.identity
        if identity:
            # pairs[j]: the pair features of tokens j and j + 1 (none across an edge: set below).
            pairs = list(map(self._known_pairs.get, zip(keys, keys[1:]), repeat(self._no_pair)))
        start = 0
        for length in lengths:
            if not length:
                continue
            end = start + length
            from_left[start] = self.bos
            from_far_left[start : min(start + 2, end)] = [empty] * min(2, length)
            from_right[end - 1] = self.eos
            from_far_right[max(end - 2, start) : end] = [empty] * min(2, length)
            if identity:
                if None in keys[start:end]:  # rare: a word feature with "|" in it
                    pairs[start : end - 1] = map(self._pair, tokens[start:end], tokens[start + 1 : end])
                if end < n:
                    pairs[end - 1] = self._no_pair
            if any(starts[start:end]):
                for i, own in self.extractor.gazetteer_matches(tokens[start:end], starts[start:end]).items():
                    # The marks as read at the token itself, at the next one ("-1"), at the previous one ("+1").
                    own_ids, as_previous, as_next = self._mark_set(tuple(own))
                    mark_own[start + i] = own_ids
                    if i + 1 < length:
                        mark_left[start + i + 1] = as_previous
                    if i > 0:
                        mark_right[start + i - 1] = as_next
            start = end
        if identity:
            pair_left = [empty, *[pair[0] for pair in pairs]]
            pair_right = [*[pair[1] for pair in pairs], empty]
        else:
            pair_left = pair_right = [empty] * n
        if stems is not None:
            start = 0
            for length in lengths:
                stems.append(list(word_stems[start : start + length]))
                start += length
        # Token j's ids in `assemble`'s order: bias, own, own marks, -1 (or BOS), its marks,
        # pair, -2, +1 (or EOS), its marks, pair, +2.
        pieces = zip(
            repeat(self.bias, n),
            center,
            mark_own,
            from_left,
            mark_left,
            pair_left,
            from_far_left,
            from_right,
            mark_right,
            pair_right,
            from_far_right,
        )
        token_ids = list(map(b"".join, pieces))
        sizes = np.fromiter(map(len, token_ids), dtype=np.intp, count=n)
        return b"".join(token_ids), sizes // _ID_SIZE

    def sentence(self, tokens: Sequence[str]) -> list[array]:
        """Known ids per token, equal to the model's mapping of `extractor.sentence(tokens)` less the unknown."""
        data, counts = self.flat([tokens])
        ids = array(ID_TYPECODE, data)
        out, start = [], 0
        for count in counts.tolist():
            out.append(ids[start : start + count])
            start += count
        return out


_VIEW_PREFIXES = {"-1": 1, "+1": 2, "-2": 3, "+2": 4}
# Kinds of word features whose values `FeatureIds` looks up without building their names.
_VALUE_PREFIXES = ("w=", "st=", "sh=", "pc=", "p2=", "s1=", "s2=", "len=", "p3=", "s3=")
_CLUSTER_NAME = re.compile(r"c(0|[1-9][0-9]*)=(.*)", re.DOTALL)  # "c0=" + cluster id, at position 0
# Names whose views `FeatureIds._word` reads: word features by value, clusters ("c0=", "c=none"), lexicon entries.
_VIEWED = (*_VALUE_PREFIXES, "c", "lx=")
_VALUE_PREFIX = re.compile("|".join(map(re.escape, sorted(_VALUE_PREFIXES, key=len, reverse=True))))


def document_marks(
    sentences: Sequence[Sequence[str]],
    first_pass: Sequence[Sequence[str]],
    *,
    window: int,
    stems: Sequence[Sequence[str]] | None = None,
) -> list[list[list[str]]]:
    """Second-stage features: the first-pass tags and how nearby sentences tagged the same word.

    News names a person in full once ("سعد الحريري") and by surname later ("الحريري"): a word
    that the first pass tagged inside an entity in one of the `window` sentences before or after
    gets `d:eTYPE` (inside), `d:lTYPE` (last word of a longer entity) or `d:fTYPE` (first word).
    `stems`: the sentences' `_stem`s where the caller has them already.
    """
    if stems is None:
        stems = [cached_map(_STEMS, tokens, _stem) for tokens in sentences]
    out: list[list[list[str]]] = []
    for tags, nearby in zip(first_pass, nearby_kinds(stems, first_pass, window=window)):
        sentence_marks = [
            ["m1=" + tag, "m1-1=" + before, "m1+1=" + after]
            for tag, before, after in zip(tags, ["BOS", *tags[:-1]], [*tags[1:], "EOS"])
        ]
        for i, kinds in nearby:
            sentence_marks[i].extend(f"d:{kind}" for kind in kinds)
        out.append(sentence_marks)
    return out


def nearby_kinds(
    stems: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]], *, window: int
) -> list[list[tuple[int, list[str]]]]:
    """Per sentence, (position, kinds) of the tokens that `document_marks` gives `d:kind`s, in its order."""
    # Per sentence, its entity words' kinds, sorted (set order changes per process, the model
    # file must not); most sentences have none.
    info: list[dict[str, tuple[str, ...]]] = []
    for forms, tags in zip(stems, first_pass):
        marks: dict[str, set[str]] = {}
        if tags.count("O") == len(tags):  # most sentences: no entity, nothing to read
            info.append({})
            continue
        for start, end, kind in sorted(entity_spans(tags)):
            for i in range(start, end):
                marks.setdefault(forms[i], set()).add("e" + kind)
            if end - start >= 2:
                marks.setdefault(forms[end - 1], set()).add("l" + kind)
                marks.setdefault(forms[start], set()).add("f" + kind)
        info.append({form: tuple(sorted(kinds)) for form, kinds in marks.items() if len(form) >= 3})
    nearby: dict[str, Counter] = {}

    def add(index: int, sign: int) -> None:
        for form, kinds in info[index].items():
            counter = nearby.get(form)
            if counter is None:
                counter = nearby[form] = Counter()
            for kind in kinds:
                counter[kind] += sign

    for index in range(min(window, len(info))):
        add(index, 1)
    out: list[list[tuple[int, list[str]]]] = []
    for j, forms in enumerate(stems):
        if j + window < len(info) and info[j + window]:
            add(j + window, 1)
        if j - window - 1 >= 0 and info[j - window - 1]:
            add(j - window - 1, -1)
        if info[j]:
            add(j, -1)  # other sentences only: the first-pass tag already speaks for this one
        found = []
        if nearby:
            counters = list(map(nearby.get, forms))
            for i in compress(range(len(counters)), counters):
                found.append((i, [kind for kind, count in counters[i].items() if count > 0]))
        if info[j]:
            add(j, 1)
        out.append(found)
    return out
