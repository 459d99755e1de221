"""How a careful reader scores on the OEDA event labels, beside the detectors of eval/events.py.

    .venv/bin/python eval/events_reading.py --data ../shared/data

The OEDA gold standard marks a sentence "yes" only when every annotator accepted the event;
"difficult no" is a majority reject with one dissent. `eval/data/oeda_reading.tsv` holds one
reading of a stratified sample of events_dev.jsonl (seed 2026: for ASSAULT 40 yes, 40 difficult
no, 40 easy no; for PROTEST all 28 yes, 40, 40), shuffled and read without the labels, asking:
does this sentence report a concrete ASSAULT (bombing, shooting, killing, kidnapping, torture,
air strike on people) or PROTEST (demonstration, sit-in, strike, riot) that took place?

For each label the script gives the share the reader accepted (Wilson 95% interval), then the
reader's precision, recall and F1 on the whole dev file, each label's share weighted by its
size there. It is not a ceiling: the detectors trained on the labels score higher (eval/events.py),
because they learn the annotators' convention, which is narrower than a plain reading. It shows how
far that convention is from what a reader takes for an event report.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READING = ROOT / "eval" / "data" / "oeda_reading.tsv"
LABELS = ("yes", "difficult no", "easy no")


def wilson(accepted: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion."""
    if total == 0:
        return 0.0, 1.0
    share = accepted / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    return (centre - spread) / (1 + z * z / total), (centre + spread) / (1 + z * z / total)


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def reader_scores(population: Counter, sampled: Counter, accepted: Counter) -> dict:
    """Scores of one event type. population: sentences per label in the whole file; sampled
    and accepted: per label, how many were read and how many of those the reader accepted."""
    share = {label: accepted[label] / sampled[label] for label in LABELS}
    true_positives = population["yes"] * share["yes"]
    false_positives = population["difficult no"] * share["difficult no"] + population["easy no"] * share["easy no"]
    precision = true_positives / (true_positives + false_positives) if true_positives else 0.0
    return {
        "accepted": {label: "{}/{} ({:.2f}, 95% {:.2f}-{:.2f})".format(accepted[label], sampled[label], share[label], *wilson(accepted[label], sampled[label])) for label in LABELS},
        "reader_on_dev": {"precision": round(precision, 3), "recall": round(share["yes"], 3), "f1": round(f1(precision, share["yes"]), 3)},
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    rows = {}
    with (args.data / "events" / "events_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows[row["id"]] = row
    reading = [line.rstrip("\n").split("\t") for line in READING.open(encoding="utf-8") if not line.startswith("#")]
    report = {}
    for plover in sorted({rows[sentence_id]["event_type"] for sentence_id, _ in reading}):
        population = Counter(row["label_detail"] for row in rows.values() if row["event_type"] == plover)
        sampled, accepted = Counter(), Counter()
        for sentence_id, judgement in reading:
            row = rows[sentence_id]
            if row["event_type"] == plover:
                sampled[row["label_detail"]] += 1
                accepted[row["label_detail"]] += judgement == "yes"
        report[plover] = {"dev_sentences": dict(population), **reader_scores(population, sampled, accepted)}
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
