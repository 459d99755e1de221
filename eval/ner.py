"""NER dev scores: the shipped model on the last 15% of ANERcorp train.txt, and on AQMAR dev.

    .venv/bin/python eval/ner.py --data ../shared/data

Per-type and micro precision/recall/F1, entity level, exact span and type (conlleval rules;
an I- tag after O opens an entity). The dev split is the one the shipped model never saw and
the one the evaluation gate (tests/ner/test_eval_gate.py) pins.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.ner import Tagger
from marsad.ner.conll import read_tagged, repair_iob2, split_last
from marsad.ner.evaluate import format_scores, score

DEV_FRACTION = 0.15


def evaluate(sentences: list) -> str:
    gold = [repair_iob2([tag for _, tag in sentence]) for sentence in sentences]
    predicted = Tagger.load().tag_sentences([[token for token, _ in sentence] for sentence in sentences])
    return format_scores(score(gold, predicted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    args = parser.parse_args()
    _, dev = split_last(read_tagged(args.data / "anercorp" / "train.txt"), DEV_FRACTION)
    print(f"ANERcorp dev (last {DEV_FRACTION:.0%} of train.txt, {len(dev)} sentences)")
    print(evaluate(dev))
    aqmar = args.data / "aqmar" / "dev.txt"
    if aqmar.is_file():
        print("\nAQMAR dev (Wikipedia, out of domain)")
        print(evaluate(read_tagged(aqmar)))


if __name__ == "__main__":
    main()
