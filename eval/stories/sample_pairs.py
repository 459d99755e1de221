"""Draw the article pairs a reader judges for story and wire-copy development (ids only), reproducibly.

    .venv/bin/python eval/stories/sample_pairs.py --data ../shared/data > eval/stories/pairs.tsv

Three consecutive days of SaudiNewsNet. Same-story pairs are rare among random pairs, so pairs are
drawn in strata of word TF-IDF cosine (a plain bag of words, not any method Marsad uses), from
near-duplicates to unrelated: every stratum is judged by the same reader, and the evaluation weights
each stratum by its share of all pairs of the three days. The reader never sees the cosine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

SEED = 2026
DAYS = ("2015-08-02", "2015-08-03", "2015-08-04")
# (low, high, pairs drawn): half-open cosine bands
STRATA = ((0.6, 1.01, 60), (0.35, 0.6, 80), (0.2, 0.35, 80), (0.1, 0.2, 50), (0.0, 0.1, 30))


def load(data: Path) -> list[dict]:
    with gzip.open(data / "news/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [r for r in map(json.loads, handle) if r["date"] in DAYS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    articles = load(args.data)
    texts = [f"{a.get('title') or ''} {a['text']}" for a in articles]
    matrix = TfidfVectorizer(min_df=2, max_df=0.3, sublinear_tf=True).fit_transform(texts)
    cosine = (matrix @ matrix.T).toarray()
    upper = np.triu_indices(len(articles), k=1)
    values = cosine[upper]
    rng = random.Random(SEED)
    print("stratum\tpairs_in_stratum\tid_a\tid_b")
    for low, high, wanted in STRATA:
        inside = np.flatnonzero((values >= low) & (values < high))
        picked = rng.sample(list(inside), min(wanted, len(inside)))
        for k in sorted(picked):
            i, j = upper[0][k], upper[1][k]
            print(f"{low:.2f}-{min(high, 1.0):.2f}\t{len(inside)}\t{articles[i]['id']}\t{articles[j]['id']}")


if __name__ == "__main__":
    main()
