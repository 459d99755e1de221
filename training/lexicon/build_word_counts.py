"""Build the word-frequency lexicon that guides clitic splitting, from the ANT news corpus.

    python training/lexicon/build_word_counts.py --data ../shared/data

Writes src/marsad/resources/lexicons/word_counts.tsv.gz: normalized word, count; the most
frequent words only. Counts, not text, leave the corpus (ANT, Apache-2.0, Chouigui et al.).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from marsad.arabic.normalize import normalize

ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
OUT = Path(__file__).resolve().parents[2] / "src/marsad/resources/lexicons/word_counts.tsv.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--keep", type=int, default=120_000, help="how many of the most frequent words to keep")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    with gzip.open(args.data / "news" / "ant_multisource_topic_train.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            counts.update(ARABIC_WORD.findall(normalize(f"{record.get('title') or ''} {record.get('text') or ''}")))
    kept = [(word, n) for word, n in counts.most_common(args.keep) if n >= args.min_count]
    # mtime=0 keeps the file byte-identical across rebuilds.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(f"{word}\t{n}\n" for word, n in kept).encode("utf-8"))
    print(f"{len(kept)} words -> {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
