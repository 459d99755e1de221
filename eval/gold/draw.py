"""Choose the articles of the multi-outlet gold set (ids only), reproducibly.

    python3 eval/gold/draw.py --data ../shared/data > eval/gold/articles.tsv

A stratified draw with a fixed seed: news articles of a readable length from every outlet, so that
leave-one-outlet-out scores say how Marsad does on an outlet it has never seen. ANT's political
categories (middle east, international; Jawhara FM's politics, local and international news) and
every SaudiNewsNet outlet but the two sports papers. The 20 old dev articles are left out here; they
join the set as one more part (`eval/gold/README.md`). Nothing is filtered on words a detector
looks for: the draw must not favour what Marsad already finds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

SEED = 2026
# Articles per outlet, cumulative by round: (ANT outlet, Jawhara FM, SaudiNewsNet outlet). A later
# round reads the same seeded shuffle further down, so it only adds articles; round 1 was annotated
# before the rules of issue 15/16 were written, rounds 2-3 after (a check no rule was tuned on).
ROUNDS = ((12, 10, 7), (14, 12, 10), (16, 14, 13))
ANT_CATEGORIES = {"middleEast", "internationalNews"}
JAWHARA_CATEGORIES = {"politic", "localNews", "internationalNews"}
SNN_SPORTS = {"arreyadi", "arriyadiyah"}
MIN_WORDS, MAX_WORDS = 80, 650


def read_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def readable(record: dict) -> bool:
    words = len(record.get("text", "").split())
    return MIN_WORDS <= words <= MAX_WORDS


def draw(pool: dict[str, list[str]], per_round: list[int], rng: random.Random) -> list[tuple[str, str, str]]:
    """(source, id, round) for each outlet's first articles of the seeded shuffle, `per_round` cumulative."""
    chosen = []
    for source in sorted(pool):
        ids = sorted(pool[source])
        rng.shuffle(ids)
        start = 0
        for number, end in enumerate(per_round, start=1):
            chosen += [(source, article_id, str(number)) for article_id in ids[start:end]]
            start = end
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    rng = random.Random(SEED)
    dev_ids = {json.loads(line)["id"] for line in (args.data / "quotes/dev_articles.jsonl").open(encoding="utf-8")}

    ant: dict[str, list[str]] = {}
    for record in read_gz(args.data / "news/ant_multisource_topic_train.jsonl.gz"):
        if record["category"] in ANT_CATEGORIES and record["id"] not in dev_ids and readable(record):
            ant.setdefault(record["source"], []).append(record["id"])
    jawhara: dict[str, list[str]] = {}
    for record in read_gz(args.data / "news/ant_jawharafm_v1.1_all.jsonl.gz"):
        if record["category"] in JAWHARA_CATEGORIES and readable(record):
            jawhara.setdefault(record["source"], []).append(record["id"])
    snn: dict[str, list[str]] = {}
    for record in read_gz(args.data / "news/saudinewsnet.jsonl.gz"):
        if record["source"] not in SNN_SPORTS and readable(record):
            snn.setdefault(record["source"], []).append(record["id"])

    ant_n, jawhara_n, snn_n = zip(*ROUNDS, strict=True)
    rows = [("ant", *row) for row in draw(ant, list(ant_n), rng)]
    rows += [("jawhara", *row) for row in draw(jawhara, list(jawhara_n), rng)]
    rows += [("saudinewsnet", *row) for row in draw(snn, list(snn_n), rng)]
    print("corpus\tsource\tid\tround")
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main()
