"""A linear topic model stored as a compact .npz and applied with numpy (no scikit-learn at run time).

The file holds the vocabulary of feature strings, their idf weights, a float16 weight matrix
(features x classes), the class biases and a softmax temperature fitted on held-out data.
Scoring reproduces scikit-learn's `TfidfVectorizer(sublinear_tf=True, norm="l2")` followed by a
linear decision function, so training and inference agree to float16 precision.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import Topic
from .features import article_features

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

    def decision(self, text: str, *, title: str | None = None) -> np.ndarray:
        """Raw linear scores, one per label."""
        counts = Counter(article_features(text, title))
        found = [(i, count) for i, count in zip(map(self.index.get, counts), counts.values()) if i is not None]
        if not found:
            return self.bias.copy()
        ids, tfs = zip(*found)
        ids_array = np.array(ids, dtype=np.int64)
        values = (1.0 + np.log(np.array(tfs, dtype=np.float32))) * self.idf[ids_array]
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
