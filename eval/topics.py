"""Evaluate the topic model on the ANT dev split, or the shipped one on any labelled file.

    .venv/bin/python eval/topics.py --data ../shared/data [--model topics.npz]
    .venv/bin/python eval/topics.py --file TEST.jsonl[.gz]    # any labelled file, e.g. the held-out test

Two fits of the model exist: the *dev fit* (eval/models/topics/topics.npz), trained on the 85%
training part only, which our dev split measures honestly and the gate pins; and the *release
fit* shipped in the package, the same recipe on all of the training file (`train.py --final-on
all`), which has seen the dev split. The dev split is scored with the dev fit, a --file with the
shipped model, unless --model names another.

The split is `training/topics/train.py`'s: 15% of ant_multisource_topic_train.jsonl.gz, stratified
by (source, category), seed 13. Prints macro-F1, per-class F1 and inference speed.
--file scores the shipped model on a file in the format of the training file (one JSON object per
line with `text`, optional `title`, and the gold `category`), plain or gzipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "topics"))
sys.path.insert(0, str(ROOT / "src"))

from marsad.topics import load_default_model  # noqa: E402
from marsad.topics.model import TopicModel  # noqa: E402
from ant_split import dev_split  # noqa: E402


def f1_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    scores = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        scores[label] = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    return scores


def _read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


DEV_FIT = ROOT / "eval" / "models" / "topics" / "topics.npz"  # trained without the dev split


def evaluate(data_dir: Path, *, limit: int | None = None, file: Path | None = None, model: Path | None = None) -> dict:
    """Scores on our dev split of the training file (the dev fit), or on all of `file` (the
    shipped model); `model`: score this model file instead. Nothing is trained."""
    if file is not None:
        rows = _read_jsonl(file)
        dev = list(range(len(rows)))
    else:
        rows = _read_jsonl(data_dir / "news" / "ant_multisource_topic_train.jsonl.gz")
        _, dev = dev_split(rows)
    if limit:
        dev = dev[:: max(1, len(dev) // limit)]
    if model is not None:
        topic_model = TopicModel.load(model)
    else:
        topic_model = load_default_model() if file is not None else TopicModel.load(DEV_FIT)
    articles = [(rows[i].get("text") or "", rows[i].get("title")) for i in dev]
    start = time.perf_counter()
    predicted = [topic_model.predict(text, title=title).label for text, title in articles]
    elapsed = time.perf_counter() - start
    gold = [rows[i]["category"] for i in dev]
    per_class = f1_scores(gold, predicted)
    return {
        "articles": len(dev),
        "macro_f1": round(sum(per_class.values()) / len(per_class), 4),
        "per_class_f1": {label: round(score, 4) for label, score in per_class.items()},
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 4),
        "ms_per_article": round(1000 * elapsed / len(dev), 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--file", type=Path, default=None, help="score the shipped model on all of this labelled JSONL (.gz) file")
    parser.add_argument("--model", type=Path, default=None, help="score this topics.npz instead")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.data, file=args.file, model=args.model), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
