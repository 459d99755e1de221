"""Rebuild the gold set's article texts from ../shared/data (the repository holds ids and offsets only).

    python3 eval/gold/texts.py --data ../shared/data > /tmp/gold_articles.jsonl

One JSON object a line, in the order of `articles.tsv`: id, corpus, source, date, title, text. The
text is the corpus's `text` field exactly as published there: every offset in the gold files counts
characters of that string.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {
    "ant": "news/ant_multisource_topic_train.jsonl.gz",
    "jawhara": "news/ant_jawharafm_v1.1_all.jsonl.gz",
    "saudinewsnet": "news/saudinewsnet.jsonl.gz",
}


def wanted(listing: Path = HERE / "articles.tsv") -> list[dict]:
    with listing.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_articles(data: Path, listing: Path = HERE / "articles.tsv") -> list[dict]:
    """The listed articles, in listing order, as dicts with the corpus's fields."""
    rows = wanted(listing)
    by_corpus: dict[str, set[str]] = {}
    for row in rows:
        by_corpus.setdefault(row["corpus"], set()).add(row["id"])
    found: dict[str, dict] = {}
    for corpus, ids in by_corpus.items():
        with gzip.open(data / FILES[corpus], "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in ids:
                    found[record["id"]] = {
                        "id": record["id"], "corpus": corpus, "source": record["source"],
                        "date": record.get("date"), "title": record.get("title") or "",
                        "text": record["text"],
                    }
    missing = [row["id"] for row in rows if row["id"] not in found]
    if missing:
        raise SystemExit(f"{len(missing)} listed articles are not in {data}: {missing[:5]}")
    return [{**found[row["id"]], "round": int(row.get("round") or 1)} for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    for article in load_articles(args.data):
        sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
