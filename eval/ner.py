"""NER dev scores: the shipped model on the last 15% of ANERcorp train.txt, and on AQMAR dev.

    .venv/bin/python eval/ner.py --data ../shared/data [--accurate]

Per-type and micro precision/recall/F1, entity level, exact span and type (conlleval rules;
an I- tag after O opens an entity). The dev split is the one the shipped model never saw and
the one the evaluation gate (tests/ner/test_eval_gate.py) pins. `--accurate` scores the opt-in
accurate model (models/ner_accurate) instead, and prints its speed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.ner import Tagger
from marsad.ner.accurate import load_accurate
from marsad.ner.conll import read_tagged, repair_iob2, split_last
from marsad.ner.evaluate import format_scores, score

DEV_FRACTION = 0.15


def evaluate(sentences: list, tagger: Tagger) -> str:
    gold = [repair_iob2([tag for _, tag in sentence]) for sentence in sentences]
    started = time.process_time()
    predicted = tagger.tag_sentences([[token for token, _ in sentence] for sentence in sentences])
    seconds = time.process_time() - started
    tokens = sum(map(len, sentences))
    return format_scores(score(gold, predicted)) + f"\n({tokens} tokens, {tokens / seconds:,.0f} tokens/s of CPU time)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--accurate", action="store_true", help="score the opt-in accurate model")
    args = parser.parse_args()
    tagger = load_accurate() if args.accurate else Tagger.load()
    _, dev = split_last(read_tagged(args.data / "anercorp" / "train.txt"), DEV_FRACTION)
    print(f"ANERcorp dev (last {DEV_FRACTION:.0%} of train.txt, {len(dev)} sentences)")
    print(evaluate(dev, tagger))
    aqmar = args.data / "aqmar" / "dev.txt"
    if aqmar.is_file():
        print("\nAQMAR dev (Wikipedia, out of domain)")
        print(evaluate(read_tagged(aqmar), tagger))


if __name__ == "__main__":
    main()
