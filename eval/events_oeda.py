"""The pipeline's events against the OEDA labels (ASSAULT, PROTEST), under three readings of the labels.

    .venv/bin/python eval/events_oeda.py --data ../shared/data [--json]

A secondary check (issue 16): each sentence of events_dev.jsonl goes through the default pipeline
(`marsad.pipeline.analyze_text`); it is predicted positive when the pipeline lists an event of the
matching type (ASSAULT -> ATTACK, PROTEST -> PROTEST), and, in the strict variant, only when that
event "happened" (PLOVER codes events that took place). The labels (../shared/data/events/
SOURCE_README.md): "yes" = every annotator accepted; "easy no" = every annotator rejected;
"difficult no" ("hard no") = mostly rejected, with a dissenting accept. Readings:

- majority: positive when more annotators accepted than rejected: "yes" positive, both kinds of "no"
  negative (a "difficult no" is a majority reject by the README; the file has no counts, so no tie
  can be told apart and none is left out);
- clear: "yes" against "easy no", the "difficult no" sentences left out;
- dissent-as-yes: "difficult no" counted positive, as issue 16 describes that label (a 4-of-6
  majority accept); given beside the others because the README says the opposite.

The shipped sentence detectors (eval/events.py) were trained on this file; the pipeline's trigger
events were not, so these figures are not fitted to it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TYPES = {"ASSAULT": "ATTACK", "PROTEST": "PROTEST"}
READINGS = {
    "majority": {"yes": True, "easy no": False, "difficult no": False},
    "clear": {"yes": True, "easy no": False},
    "dissent-as-yes": {"yes": True, "easy no": False, "difficult no": True},
}


def prf(pairs: list[tuple[bool, bool]]) -> dict:
    tp = sum(g and p for g, p in pairs)
    predicted = sum(p for _, p in pairs)
    gold = sum(g for g, _ in pairs)
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(pairs), "positives": gold, "p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}


def predictions(rows: list[dict]) -> list[dict[str, bool]]:
    """Per sentence: any event of the type, and one that happened."""
    from marsad.pipeline import analyze_text

    out = []
    for row in rows:
        events = [e for e in analyze_text(row["text"])._.events if e.type == TYPES[row["event_type"]]]
        out.append({"any": bool(events), "happened": any(e.modality == "happened" for e in events)})
    return out


def evaluate(data: Path) -> dict:
    rows = [json.loads(line) for line in (Path(data) / "events" / "events_dev.jsonl").open(encoding="utf-8")]
    predicted = predictions(rows)
    report: dict = {}
    for plover in TYPES:
        for reading, labels in READINGS.items():
            for variant in ("any", "happened"):
                pairs = [(labels[row["label_detail"]], guess[variant]) for row, guess in zip(rows, predicted)
                         if row["event_type"] == plover and row["label_detail"] in labels]
                report.setdefault(plover, {}).setdefault(reading, {})[variant] = prf(pairs)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.data)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{'type':8} {'reading':15} {'event':9} {'n':>5} {'pos':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for plover, readings in report.items():
        for reading, variants in readings.items():
            for variant, row in variants.items():
                print(f"{plover:8} {reading:15} {variant:9} {row['n']:5} {row['positives']:4} {row['p']:6.3f} {row['r']:6.3f} {row['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
