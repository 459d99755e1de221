"""NER scores on the last 15% of ANERcorp train.txt (dev) and on AQMAR dev (out of domain).

    .venv/bin/python eval/ner.py --data ../shared/data [--accurate] [--shipped | --model DIR]

Per-type and micro precision/recall/F1, entity level, exact span and type (conlleval rules;
an I- tag after O opens an entity).

Two fits of each model exist. The *dev fit* (eval/models/ner, eval/models/ner_accurate) is
trained on the first 85% of train.txt only: its dev score is honest, and it is what the
evaluation gate (tests/ner/test_eval_gate.py) pins. The *release fit* shipped in the package
(src/marsad/models/ner, .../ner_accurate) is the same recipe on all of train.txt: at this
corpus size 15% more training text is worth several points (see training/ner/README.md). It
has seen dev, so its dev score is not a measure; its AQMAR score is. By default this script
scores the dev fit; `--shipped` scores the release fit, `--model DIR` any model folder;
`--accurate` takes the opt-in accurate model of the fit chosen, and prints its speed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.ner import Tagger
from marsad.ner.accurate import ACCURATE_DIR
from marsad.ner.conll import read_tagged, repair_iob2, split_last
from marsad.ner.evaluate import format_scores, score
from marsad.ner.tagger import MODEL_DIR

DEV_FRACTION = 0.15
DEV_FIT = Path(__file__).resolve().parent / "models"  # ner/ and ner_accurate/: the first 85% only


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
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--shipped", action="store_true", help="score the release fit in the package (it has seen dev)")
    which.add_argument("--model", type=Path, help="score this model folder")
    args = parser.parse_args()
    if args.model:
        folder = args.model
    elif args.shipped:
        folder = ACCURATE_DIR if args.accurate else MODEL_DIR
    else:
        folder = DEV_FIT / ("ner_accurate" if args.accurate else "ner")
    tagger = Tagger.load(folder)  # an accurate model's folder loads as one (`tagger._load`)
    print(f"model: {folder}")
    _, dev = split_last(read_tagged(args.data / "anercorp" / "train.txt"), DEV_FRACTION)
    seen = " -- seen in training by this fit: not a measure" if args.shipped else ""
    print(f"ANERcorp dev (last {DEV_FRACTION:.0%} of train.txt, {len(dev)} sentences){seen}")
    print(evaluate(dev, tagger))
    aqmar = args.data / "aqmar" / "dev.txt"
    if aqmar.is_file():
        print("\nAQMAR dev (Wikipedia, out of domain)")
        print(evaluate(read_tagged(aqmar), tagger))


if __name__ == "__main__":
    main()
