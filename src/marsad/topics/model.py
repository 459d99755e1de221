"""A linear topic model stored as a compact .npz and applied with numpy (no scikit-learn at run time).

The file holds the vocabulary of feature strings, their idf weights, a float16 weight matrix
(features x classes), the class biases, a softmax temperature fitted on held-out data and the
place lexicon of `places.py`. Two views share the vocabulary: word features and place features
(those starting with `places.PREFIX`); each is scored like scikit-learn's
`TfidfVectorizer(sublinear_tf=True, norm="l2")` on its own (the place view's scale is folded into
its weights), then one linear decision function sums them, so training and inference agree to
float16 precision.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..caches import WORD_TYPES
from ..document import Topic
from .features import MAX_CHARS, WORD_RE, normalize, topic_word
from .places import ARTICLE, PREFIX, PlaceLexicon, place_features

_NO_BIGRAMS: dict[str, int] = {}
_NO_PAIRS: dict[str, str] = {}
# A word the topic reading ignores: no features, no place, and no bigram or place pair across it
# (its stem "" starts none and ends none: stems are never empty).
_IGNORED = ((), "", 0, None)

LOGGER = logging.getLogger(__name__)
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "topics" / "topics.npz"


@dataclass(slots=True)
class TopicModel:
    labels: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray  # (n_features,) float32
    weights: np.ndarray  # (n_features, n_classes) float32
    bias: np.ndarray  # (n_classes,) float32
    temperature: float
    places: PlaceLexicon = field(default_factory=PlaceLexicon)

    @classmethod
    def load(cls, path: str | Path) -> "TopicModel":
        with np.load(path, allow_pickle=False) as data:
            vocab = data["vocab"].tolist()
            return cls(
                labels=tuple(data["labels"].tolist()),
                index={feature: i for i, feature in enumerate(vocab)},
                idf=data["idf"].astype(np.float32),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                temperature=float(data["temperature"]),
                places=PlaceLexicon.from_arrays(data),
            )

    # Inference caches derived from `index` (not part of the model file). Inference never builds
    # feature strings: each word maps (once) to the ids of its known features, and a bigram is
    # looked up as `_bigrams[previous stem][stem]`, so unknown bigrams (most of them) cost one
    # dict probe instead of a string concatenation and a hash.
    _bigrams: dict[str, dict[str, int]] = field(init=False, repr=False, default_factory=dict)
    # The same tables in a list, and their positions: cached words refer to their table by
    # position, so that their entries hold only ints and strings, which the garbage collector
    # stops tracking (a dict inside would keep every entry tracked and full collections slow).
    _bigram_tables: list[dict[str, int]] = field(init=False, repr=False, default_factory=lambda: [_NO_BIGRAMS])
    _bigram_table_of: dict[str, int] = field(init=False, repr=False, default_factory=dict)
    _words: dict[str, tuple[tuple[int, ...], str, int, tuple[str, int] | None]] = field(init=False, repr=False, default_factory=dict)
    # Two-word place names, the same way: `_pair_tables[i][second stem]` = country code.
    _pair_tables: list[dict[str, str]] = field(init=False, repr=False, default_factory=lambda: [_NO_PAIRS])
    _pair_table_of: dict[str, int] = field(init=False, repr=False, default_factory=dict)
    _has_places: bool = field(init=False, repr=False, default=False)

    def __post_init__(self) -> None:
        for feature, i in self.index.items():
            if feature.startswith("b:"):
                # "b:" + previous + "_" + stem; stems never contain "_" (WORD_RE), so the first "_"
                # splits it exactly as `analyze` joined it.
                previous, _, stem = feature[2:].partition("_")
                self._bigrams.setdefault(previous, {})[stem] = i
        for previous, table in self._bigrams.items():
            self._bigram_table_of[previous] = len(self._bigram_tables)
            self._bigram_tables.append(table)
        for first, table in self.places.pairs.items():
            self._pair_table_of[first] = len(self._pair_tables)
            self._pair_tables.append(table)
        self._has_places = any(feature.startswith(PREFIX) for feature in self.index)

    def _word(self, word: str) -> tuple[tuple[int, ...], str, int, tuple[str, int] | None]:
        """(ids of the word's known features in `analyze_topic` order, its stem, the position in
        `_bigram_tables` of the bigram ids following its stem, and None or (its country code or
        "", the position in `_pair_tables` of the two-word place names its stem starts, or 0))."""
        entry = self._words.get(word)
        if entry is None:
            # Not through `topic_word`'s own cache: this entry is the cache, and a second copy
            # of every word type's features only cost time and memory.
            analyzed = topic_word.__wrapped__(word)
            if analyzed is None:
                entry = _IGNORED
            else:
                features, stem, folded = analyzed
                ids = tuple(i for i in map(self.index.get, features) if i is not None)
                names = self.places.names
                code = names.get(folded) or names.get(stem) or names.get(ARTICLE + stem) or ""
                position = self._pair_table_of.get(stem, 0)
                place = (code, position) if code or position else None
                entry = (ids, stem, self._bigram_table_of.get(stem, 0), place)
            if len(self._words) >= WORD_TYPES:
                self._words.clear()
            self._words[word] = entry
        return entry

    def _analyze_ids(self, text: str, ids: list[int], codes: list[str]) -> None:
        """Append the ids of the known features of `analyze_topic(text)`, in the same order, and
        the country codes of the places it names."""
        words = WORD_RE.findall(normalize(text[:MAX_CHARS]).lower())
        # The words' entries in one C-level pass; the loop below only joins them.
        entries = list(map(self._words.get, words))
        if None in entries:
            entries = [entry or self._word(word) for entry, word in zip(entries, words)]
        tables, pair_tables, extend, append, add_code = self._bigram_tables, self._pair_tables, ids.extend, ids.append, codes.append
        following = _NO_BIGRAMS  # no bigram before the first word
        pairs = None  # two-word place names the previous stem starts, if any
        for word_ids, stem, table, place in entries:
            extend(word_ids)
            i = following.get(stem)
            if i is not None:
                append(i)
            following = tables[table]
            if pairs is not None:
                code = pairs.get(stem)
                if code:  # the two-word name wins over the word alone
                    add_code(code)
                    pairs = pair_tables[place[1]] if place is not None and place[1] else None
                    continue
            if place is None:  # most words: no place, and no place name starts with them
                pairs = None
                continue
            code, position = place
            if code:
                add_code(code)
            pairs = pair_tables[position] if position else None

    def analyze(self, text: str, title: str | None = None) -> tuple[list[int], list[str], list[str]]:
        """(ids of the known word features of `article_features(text, title)`, same order and
        repetitions; country codes named in the body; in the title)."""
        ids: list[int] = []
        body: list[str] = []
        if not title:
            self._analyze_ids(text, ids, body)
            return ids, body, []
        in_title: list[str] = []
        self._analyze_ids(text if text.startswith(title) else title + "\n" + text, ids, body)
        self._analyze_ids(title, ids, in_title)
        return ids, body, in_title

    def feature_ids(self, text: str, title: str | None = None) -> list[int]:
        """Ids of the known features of `article_features(text, title)`, same order and repetitions."""
        return self.analyze(text, title)[0]

    def _view(self, ids) -> tuple[np.ndarray, np.ndarray]:
        """(ids, l2-normalized sublinear tf-idf values) of one view's feature ids."""
        # Counter keeps first-occurrence order, the order the string-based version sums in
        # (float32 sums depend on it), so scores are bit-identical to the feature strings + index.
        counts = Counter(ids)
        ids_array = np.array(list(counts), dtype=np.int64)
        values = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float32))) * self.idf[ids_array]
        values /= np.linalg.norm(values)
        return ids_array, values

    def decision(self, text: str, *, title: str | None = None) -> np.ndarray:
        """Raw linear scores, one per label."""
        ids, body, in_title = self.analyze(text, title)
        views = [self._view(ids)] if ids else []
        if self._has_places:
            index = self.index
            place_ids = [i for i in map(index.get, place_features(body, in_title)) if i is not None]
            if place_ids:
                views.append(self._view(place_ids))
        if not views:
            return self.bias.copy()
        if len(views) == 1:
            ids_array, values = views[0]
        else:
            ids_array, values = np.concatenate([v[0] for v in views]), np.concatenate([v[1] for v in views])
        return values @ self.weights[ids_array] + self.bias

    def predict(self, text: str, *, title: str | None = None) -> Topic:
        scores = self.decision(text, title=title) * self.temperature
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        best = int(np.argmax(scores))
        return Topic(label=self.labels[best], scores={label: round(float(s), 4) for label, s in zip(self.labels, scores)})


@lru_cache(maxsize=1)
def load_default_model() -> TopicModel:
    LOGGER.debug("loading topic model %s", DEFAULT_MODEL)
    return TopicModel.load(DEFAULT_MODEL)
