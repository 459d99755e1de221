"""How much a term says about a story: inverse document frequency from the shipped ANT counts."""

from __future__ import annotations

import gzip
import math
from functools import lru_cache
from pathlib import Path

DF_FILE = Path(__file__).resolve().parent.parent / "models" / "stories" / "document_frequency.tsv.gz"
# A term the counts do not list was in fewer articles than the file's cut-off (training/stories/build_df.py).
UNSEEN_DF = 2


class Weights:
    """idf(term) = log((N + 1) / (df + 1)) + 1, as scikit-learn's smoothed idf."""

    def __init__(self, df: dict[str, int], documents: int) -> None:
        self.documents = documents
        self.idf = {term: self._idf(count) for term, count in df.items()}
        self.unseen = self._idf(UNSEEN_DF)

    def _idf(self, df: int) -> float:
        return math.log((self.documents + 1) / (df + 1)) + 1.0

    def __call__(self, term: str) -> float:
        return self.idf.get(term, self.unseen)


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    """The weights of the shipped counts, read once."""
    with gzip.open(DF_FILE, "rt", encoding="utf-8") as lines:
        _, documents = next(lines).rstrip("\n").split("\t")
        df = {term: int(count) for term, count in (line.rstrip("\n").split("\t") for line in lines)}
    return Weights(df, int(documents))
