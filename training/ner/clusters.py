"""Word clusters for NER from unlabelled news: word2vec vectors, then k-means at several sizes.

Clusters let the tagger generalize from the names it saw in training to names it never saw:
an unseen surname lands in the same cluster as the surnames it did see.

    .venv/bin/python training/ner/clusters.py --data ../shared/data --out src/marsad/models/ner

Needs the `train` extras plus gensim (training only; the shipped model reads a plain TSV).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzfiles import stable_gzip  # noqa: E402
from marsad.ner.features import lookup_form  # noqa: E402

LOGGER = logging.getLogger("clusters")
TOKEN = re.compile(r"\w+|[^\w\s]")
CORPORA = ("news/ant_multisource_topic_train.jsonl.gz", "news/ant_jawharafm_v1.1_all.jsonl.gz")
SIZES = (64, 256, 1024)
# Bump when tokenization changes: the cached corpus and vectors in --work are keyed by it.
CORPUS_VERSION = 2


def sentences(data: Path):
    for name in CORPORA:
        path = data / name
        if not path.exists():
            LOGGER.warning("missing %s", path)
            continue
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                for field in ("title", "abstract", "text"):
                    for paragraph in (record.get(field) or "").split("\n"):
                        # Normalize first: harakat are not \w and would split words.
                        tokens = TOKEN.findall(lookup_form(paragraph))
                        if len(tokens) > 2:
                            yield tokens


def tokenized_corpus(data: Path, work: Path) -> Path:
    """The news as one normalized, tokenized paragraph per line (built once, cached in `work`)."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus_v{CORPUS_VERSION}.txt"
    if not corpus.exists():
        started = time.time()
        with open(corpus.with_suffix(".tmp"), "w", encoding="utf-8") as out:
            for tokens in sentences(data):
                out.write(" ".join(tokens) + "\n")
        corpus.with_suffix(".tmp").rename(corpus)
        LOGGER.info("tokenized corpus in %.0fs", time.time() - started)
    return corpus


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="model folder; writes clusters.tsv.gz")
    parser.add_argument("--work", type=Path, default=Path("build/ner"), help="cache for the tokenized corpus and vectors")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--max-words", type=int, default=120_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="k-means cluster counts, comma-separated")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    corpus = tokenized_corpus(args.data, args.work)
    vectors_path = args.work / f"w2v_v{CORPUS_VERSION}_{args.dim}_{args.epochs}.kv"
    if vectors_path.exists():
        from gensim.models import KeyedVectors

        vectors = KeyedVectors.load(str(vectors_path))
    else:
        model = Word2Vec(
            corpus_file=str(corpus), vector_size=args.dim, window=3, min_count=args.min_count,
            sg=1, negative=5, sample=1e-4, epochs=args.epochs, workers=1, seed=args.seed,
        )
        vectors = model.wv
        vectors.save(str(vectors_path))
    words = vectors.index_to_key[: args.max_words]
    matrix = np.asarray([vectors[w] for w in words], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-8
    columns = []
    sizes = [int(size) for size in args.sizes.split(",")]
    for size in sizes:
        kmeans = MiniBatchKMeans(n_clusters=size, random_state=args.seed, batch_size=4096, n_init=1, max_iter=50)
        columns.append(kmeans.fit_predict(matrix))
        LOGGER.info("k-means %d done", size)
    args.out.mkdir(parents=True, exist_ok=True)
    with stable_gzip(args.out / "clusters.tsv.gz") as out:
        out.write("#word\t" + "\t".join(f"k{s}" for s in sizes) + "\n")
        for i, word in enumerate(words):
            out.write(word + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    LOGGER.info("wrote %d words", len(words))


if __name__ == "__main__":
    main()
