"""Build the document frequencies that weight story terms, from the ANT news articles (Apache-2.0).

    .venv/bin/python training/stories/build_df.py --data /work/shared/data \
        --out src/marsad/models/stories/document_frequency.tsv.gz

One line per term: `term<TAB>df`, the first line `#documents<TAB>N`. A term is a normalized word
without proclitics (`marsad.stories.terms`), counted once per article (title and text). Terms in
fewer than MIN_DF articles are left out: a term not in the file is weighted as if it were in
MIN_DF - 1, which is what a rare name in a story should weigh. SaudiNewsNet is not used (its licence
does not allow a shipped derivative); the stories themselves are news of other years and outlets,
so only how common a word is carries over, not any story.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from marsad.stories.terms import terms

MIN_DF = 3
ANT = "news/ant_multisource_topic_train.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/marsad/models/stories/document_frequency.tsv.gz"))
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    documents = 0
    with gzip.open(args.data / ANT, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            counts.update(set(terms(f"{record.get('title') or ''} {record['text']}")))
            documents += 1
    kept = sorted((term for term, df in counts.items() if df >= MIN_DF), key=lambda term: (-counts[term], term))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped:
        zipped.write(f"#documents\t{documents}\n".encode())
        zipped.write("".join(f"{term}\t{counts[term]}\n" for term in kept).encode())
    print(f"{documents} documents, {len(counts)} terms, {len(kept)} kept (df >= {MIN_DF}) -> {args.out}")


if __name__ == "__main__":
    main()
