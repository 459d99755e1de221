"""A linear topic model stored as a compact .npz and applied with numpy (no scikit-learn at run time).

The file holds the vocabulary of feature strings, their idf weights, a float16 weight matrix
(features x classes), the class biases and a softmax temperature fitted on held-out data.
Scoring reproduces scikit-learn's `TfidfVectorizer(sublinear_tf=True, norm="l2")` followed by a
linear decision function, so training and inference agree to float16 precision.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import Topic
from .features import MAX_CHARS, WORD_RE, _word_features, normalize

WORD_CACHE_SIZE = 200_000
_NO_BIGRAMS: dict[str, int] = {}

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
    _words: dict[str, tuple[tuple[int, ...], str, int]] = field(init=False, repr=False, default_factory=dict)

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

    def _word(self, word: str) -> tuple[tuple[int, ...], str, int]:
        """(ids of the word's known features in `analyze` order, its stem, the position in
        `_bigram_tables` of the bigram ids following its stem)."""
        entry = self._words.get(word)
        if entry is None:
            features, stem = _word_features(word)
            ids = tuple(i for i in map(self.index.get, features) if i is not None)
            if len(self._words) >= WORD_CACHE_SIZE:
                self._words.clear()
            entry = self._words[word] = (ids, stem, self._bigram_table_of.get(stem, 0))
        return entry

    def _analyze_ids(self, text: str, ids: list[int]) -> None:
        """Append the ids of the known features of `analyze(text)`, in the same order."""
        words = WORD_RE.findall(normalize(text[:MAX_CHARS]).lower())
        # The words' entries in one C-level pass; the loop below only joins them.
        entries = list(map(self._words.get, words))
        if None in entries:
            entries = [entry or self._word(word) for entry, word in zip(entries, words)]
        tables, extend, append = self._bigram_tables, ids.extend, ids.append
        following = _NO_BIGRAMS  # no bigram before the first word
        for word_ids, stem, table in entries:
            extend(word_ids)
            i = following.get(stem)
            if i is not None:
                append(i)
            following = tables[table]

    def feature_ids(self, text: str, title: str | None = None) -> list[int]:
        """Ids of the known features of `article_features(text, title)`, same order and repetitions."""
        ids: list[int] = []
        if not title:
            self._analyze_ids(text, ids)
            return ids
        self._analyze_ids(text if text.startswith(title) else title + "\n" + text, ids)
        self._analyze_ids(title, ids)
        return ids

    def decision(self, text: str, *, title: str | None = None) -> np.ndarray:
        """Raw linear scores, one per label."""
        # Counter keeps first-occurrence order, the order the string-based version summed in
        # (float32 sums depend on it), so scores are bit-identical to `article_features` + index.
        counts = Counter(self.feature_ids(text, title))
        if not counts:
            return self.bias.copy()
        ids_array = np.array(list(counts), dtype=np.int64)
        values = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float32))) * self.idf[ids_array]
        values /= np.linalg.norm(values)
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
