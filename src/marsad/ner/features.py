"""Token features for the NER tagger: clitic-aware forms, affixes, shape, clusters, gazetteers.

Features of a word do not depend on its sentence, so they are computed once per distinct
word and cached; a sentence only concatenates its neighbours' cached lists and adds the
gazetteer matches, which span several tokens. This keeps extraction well above 20k tokens/s.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..arabic.clitics import split_proclitics, stem_candidates
from ..arabic.normalize import normalize
from .conll import entity_spans

MAX_GAZETTEER_LENGTH = 4
_CACHE_LIMIT = 200_000
_PUNCT = frozenset("()[]{}\"'«»“”‘’.,،؛;:!?؟-–—/\\|*#%&+=<>…")


@lru_cache(maxsize=_CACHE_LIMIT)
def lookup_form(token: str) -> str:
    """The form used for cluster and gazetteer keys: normalized, Latin lowercased."""
    return normalize(token).lower()


def _shape(token: str) -> str:
    if token.isdigit():
        return "num"
    if all(char in _PUNCT for char in token):
        return "punct"
    if any("a" <= char.lower() <= "z" for char in token):
        return "latin"
    if any(char.isdigit() for char in token):
        return "alnum"
    if any("\u0621" <= char <= "\u064a" for char in token):
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
        self._cache: dict[str, tuple[list[str], ...]] = {}

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

    def gazetteer_marks(self, tokens: Sequence[str]) -> list[list[str]]:
        """Longest gazetteer match at each position, marked B-kind / I-kind."""
        marks: list[list[str]] = [[] for _ in tokens]
        forms = [lookup_form(t) for t in tokens]
        i = 0
        while i < len(tokens):
            matched = 0
            for first in stem_candidates(tokens[i]):
                if first not in self._gazetteer_firsts:
                    continue
                for length in range(min(MAX_GAZETTEER_LENGTH, len(tokens) - i), 0, -1):
                    kinds = self.gazetteer.get((first, *forms[i + 1 : i + length]))
                    if kinds is not None:
                        matched = length
                        for kind in kinds:
                            marks[i].append(f"gB={kind}")
                            for j in range(i + 1, i + length):
                                marks[j].append(f"gI={kind}")
                        break
                if matched:
                    break
            i += max(matched, 1)
        return marks

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        words = [self.word_features(token) for token in tokens]
        marks = self.gazetteer_marks(tokens)
        n = len(tokens)
        out: list[list[str]] = []
        for i in range(n):
            features = ["bias", *words[i][0], *marks[i]]
            if i > 0:
                features.extend(words[i - 1][1])
                features.extend(f"-1{mark}" for mark in marks[i - 1])
                if self.identity:
                    features.append(f"w-1|w={words[i - 1][0][0]}|{words[i][0][0]}")
            else:
                features.append("BOS")
            if i > 1:
                features.extend(words[i - 2][3])
            if i + 1 < n:
                features.extend(words[i + 1][2])
                features.extend(f"+1{mark}" for mark in marks[i + 1])
                if self.identity:
                    features.append(f"w|w+1={words[i][0][0]}|{words[i + 1][0][0]}")
            else:
                features.append("EOS")
            if i + 2 < n:
                features.extend(words[i + 2][4])
            out.append(features)
        return out


def document_marks(
    sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]], *, window: int
) -> list[list[list[str]]]:
    """Second-stage features: the first-pass tags and how nearby sentences tagged the same word.

    News names a person in full once ("سعد الحريري") and by surname later ("الحريري"): a word
    that the first pass tagged inside an entity in one of the `window` sentences before or after
    gets `d:eTYPE` (inside), `d:lTYPE` (last word of a longer entity) or `d:fTYPE` (first word).
    """
    stems = [[split_proclitics(lookup_form(token))[1] for token in tokens] for tokens in sentences]
    info: list[dict[str, set[str]]] = []
    for forms, tags in zip(stems, first_pass):
        marks: dict[str, set[str]] = {}
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
            counter = nearby.setdefault(form, Counter())
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
        sentence_marks = []
        n = len(forms)
        for i, form in enumerate(forms):
            features = [f"m1={tags[i]}", f"m1-1={tags[i - 1] if i else 'BOS'}", f"m1+1={tags[i + 1] if i + 1 < n else 'EOS'}"]
            counter = nearby.get(form)
            if counter:
                features.extend(f"d:{kind}" for kind, count in counter.items() if count > 0)
            sentence_marks.append(features)
        add(j, 1)
        out.append(sentence_marks)
    return out
