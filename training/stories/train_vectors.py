"""Train word vectors for story matching on the ANT news (Apache-2.0): word2vec or LSA over story terms, saved compact.

    .venv/bin/python training/stories/train_vectors.py --data ../shared/data --out /tmp/marsad_story_vectors.npz

Terms are those of `marsad.stories.terms` (normalized words without proclitics), one article a
sentence (title and text). SaudiNewsNet is not used: its licence does not allow a shipped
derivative. The file holds the MAX_TERMS most frequent terms with their vectors in float16, each
term's SIF weight a / (a + p(term)) (Arora et al. 2017), and the common direction of article
vectors (their first singular vector), which an article vector has removed. Needs the `train`
extras (gensim for word2vec, scikit-learn for LSA). `eval/stories/semantic.py` measures what the
vectors add to story placement; they are not shipped (see eval/stories/ERRORS.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.stories.terms import terms

CORPORA = ("news/ant_multisource_topic_train.jsonl.gz", "news/ant_jawharafm_v1.1_all.jsonl.gz")
MAX_TERMS = 30_000
DIMENSIONS = 64
MIN_COUNT = 5
SIF_A = 1e-3
SEED = 1
# Articles whose vectors give the common direction.
COMPONENT_SAMPLE = 3000


def articles(data: Path) -> list[list[str]]:
    documents = []
    for name in CORPORA:
        with gzip.open(data / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                documents.append(terms(f"{record.get('title') or ''}\n{record['text']}"))
    return documents


def word2vec(documents: list[list[str]], dimensions: int) -> dict[str, np.ndarray]:
    from gensim.models import Word2Vec

    # One worker and a fixed seed: the same corpus gives the same vectors.
    model = Word2Vec(documents, vector_size=dimensions, window=5, min_count=MIN_COUNT, sg=0, epochs=5, workers=1, seed=SEED, sample=1e-4)
    return {term: model.wv[term] for term in model.wv.index_to_key}


def lsa(documents: list[list[str]], dimensions: int) -> dict[str, np.ndarray]:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(analyzer=lambda document: document[:400], min_df=MIN_COUNT, max_df=0.25, sublinear_tf=True)
    matrix = tfidf.fit_transform(documents)
    svd = TruncatedSVD(dimensions, random_state=SEED, n_iter=5).fit(matrix)
    return dict(zip(tfidf.get_feature_names_out(), svd.components_.T))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/marsad_story_vectors.npz"))
    parser.add_argument("--method", choices=("word2vec", "lsa"), default="word2vec")
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    parser.add_argument("--max-terms", type=int, default=MAX_TERMS)
    args = parser.parse_args()
    started = time.process_time()
    documents = articles(args.data)
    counts = Counter(term for document in documents for term in document)
    total = sum(counts.values())
    vectors = (word2vec if args.method == "word2vec" else lsa)(documents, args.dimensions)
    kept = sorted(vectors, key=lambda term: (-counts[term], term))[: args.max_terms]
    matrix = np.stack([vectors[term] for term in kept]).astype(np.float32)
    weights = np.array([SIF_A / (SIF_A + counts[term] / total) for term in kept], dtype=np.float32)
    position = {term: i for i, term in enumerate(kept)}
    random.seed(SEED)
    sample = np.stack([_mean(document, position, matrix, weights) for document in random.sample(documents, COMPONENT_SAMPLE)])
    component = np.linalg.svd(sample, full_matrices=False)[2][0]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, terms=np.array(kept), vectors=matrix.astype(np.float16), weights=weights, component=component.astype(np.float32))
    print(f"{len(documents)} articles, {len(vectors)} terms, {len(kept)} kept, {args.dimensions} dimensions, {time.process_time() - started:.0f} s CPU -> {args.out}")


def _mean(document: list[str], position: dict[str, int], matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    rows = [position[term] for term in document[:300] if term in position]
    if not rows:
        return np.zeros(matrix.shape[1], dtype=np.float32)
    vector = weights[rows] @ matrix[rows]
    return vector / (np.linalg.norm(vector) or 1.0)


if __name__ == "__main__":
    main()
