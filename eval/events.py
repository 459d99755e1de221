"""Evaluate event detection on the OEDA Arabic gold standard (ASSAULT, PROTEST; sentence yes/no).

    .venv/bin/python eval/events.py --file TEST.jsonl                # shipped detectors, no training
    .venv/bin/python eval/events.py --data ../shared/data            # fast: shipped recipe, 5 folds
    .venv/bin/python training/events/train.py --data ../shared/data --eval-only   # nested CV, 3 seeds

--file scores the detectors shipped in the package (`marsad.events.detect_sentence`, the strict
OEDA-style decision) on any file in the format of events_dev.jsonl (`event_type`, `label` yes/no,
`text`), e.g. the held-out 70% split. Do not point it at events_dev.jsonl and quote the figure:
the shipped detectors were trained on that file.

Without --file, the script cross-validates:
it re-trains the shipped detector recipe (its stored C and threshold) on 4/5 of the
articles and scores the held-out fifth: StratifiedGroupKFold(5, seed 13), groups = source article.
Because C and the threshold were chosen on the whole file, this figure is slightly optimistic;
the nested figure from training/events/train.py is the one to quote. Also reports the
trigger-lexicon-only baseline. Needs scikit-learn (the `train` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.events.classify import MODEL_FILE, PLOVER_TO_TYPE, sentence_features  # noqa: E402


def _f1(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & predicted).sum())
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(gold.sum()), 1)
    return precision, recall, (0.0 if tp == 0 else 2 * precision * recall / (precision + recall))


def evaluate(data_dir: Path, *, seed: int = 13) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    rows = [json.loads(line) for line in (data_dir / "events" / "events_dev.jsonl").open(encoding="utf-8")]
    settings = np.load(MODEL_FILE, allow_pickle=False)
    report = {}
    for plover in settings["types"].tolist():
        subset = [row for row in rows if row["event_type"] == plover]
        features = [sentence_features(row["text"]) for row in subset]
        gold = np.array([row["label"] == "yes" for row in subset])
        groups = np.array([row["id"].split("-", 1)[1].rsplit("-", 1)[0] for row in subset])
        weights = np.array([float(settings[f"{plover}_difficult_weight"]) if row.get("label_detail") == "difficult no" else 1.0 for row in subset])
        C = float(settings[f"{plover}_C"])
        threshold = float(settings[f"{plover}_threshold"])
        predicted = np.zeros(len(gold), dtype=bool)
        for train, test in StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed).split(features, gold, groups):
            vectorizer = TfidfVectorizer(analyzer=lambda f: f, min_df=2, sublinear_tf=True)
            x = vectorizer.fit_transform([features[i] for i in train])
            model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=0)
            model.fit(x, gold[train], sample_weight=weights[train])
            predicted[test] = model.decision_function(vectorizer.transform([features[i] for i in test])) >= threshold
        trigger_only = np.array([("t:" + PLOVER_TO_TYPE[plover]) in f for f in features])
        p, r, f = _f1(gold, predicted)
        report[plover] = {
            "sentences": len(gold),
            "positives": int(gold.sum()),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "trigger_only_f1": round(_f1(gold, trigger_only)[2], 4),
        }
    return report


def score_file(path: Path) -> dict:
    """P/R/F1 of the shipped detectors on a labelled file (no training)."""
    from marsad.events import detect_sentence

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    report = {}
    for plover in sorted({row["event_type"] for row in rows}):
        subset = [row for row in rows if row["event_type"] == plover]
        gold = np.array([row["label"] == "yes" for row in subset])
        predicted = np.array([detect_sentence(row["text"]).get(plover, False) for row in subset])
        p, r, f = _f1(gold, predicted)
        report[plover] = {"sentences": len(gold), "positives": int(gold.sum()), "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--file", type=Path, default=None, help="score the shipped detectors on this labelled JSONL file")
    args = parser.parse_args(argv)
    report = score_file(args.file) if args.file else evaluate(args.data)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
