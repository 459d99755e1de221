"""Evaluation gate: the places stage on the 20 hand-annotated dev articles (shared/data/quotes).

Floors live in eval/baselines.json ("places_recall", "places_precision"); the gate fails when a
score falls more than `tolerance` below its floor. Raising a floor after an improvement is
expected; lowering one is a reviewed edit of that file, never done by a test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BASELINES = REPO / "eval" / "baselines.json"


def _baseline(key: str) -> dict:
    return json.loads(BASELINES.read_text(encoding="utf-8"))[key]


@pytest.fixture(scope="module")
def counts(shared_data: Path, eval_script):
    data = shared_data / "quotes"
    if not (data / "dev_gold.jsonl").is_file():
        pytest.skip(f"{data / 'dev_gold.jsonl'} not found; set MARSAD_SHARED to run the places evaluation gate")
    return eval_script("places").evaluate(data)


@pytest.mark.parametrize(("key", "attribute"), [("places_recall", "recall"), ("places_precision", "precision")])
def test_places_scores_hold_their_floor(counts, key, attribute):
    baseline = _baseline(key)
    measured = getattr(counts, attribute)
    assert measured >= baseline["floor"] - baseline["tolerance"], (
        f"{key} {measured:.4f} fell below the floor {baseline['floor']} (tolerance {baseline['tolerance']}).\n"
        "missed: " + "; ".join(counts.missed) + "\nwrong: " + "; ".join(counts.wrong)
    )


@pytest.mark.parametrize("key", ["places_recall", "places_precision"])
def test_places_floor_is_not_lowered_below_the_first_shipped_stage(key):
    baseline = _baseline(key)
    assert baseline["floor"] >= baseline["first_shipped"], f"the {key} floor was lowered below the first shipped stage"


def test_score_article_counts_overlap_and_distance(eval_script):
    module = eval_script("places")
    text = "زار الوفد حلب ثم وصل إلى جنيف."
    gold = [{"mention": "حلب", "name_en": "Aleppo", "kind": "city", "lat": 36.2, "lon": 37.16},
            {"mention": "جنيف", "name_en": "Geneva", "kind": "city", "lat": 46.2, "lon": 6.14}]
    start = text.index("جنيف")
    predicted = [
        {"start": text.index("حلب"), "end": text.index("حلب") + 3, "name": "Aleppo", "lat": 36.2, "lon": 37.16, "kind": "city"},
        # right mention, wrong Geneva (Illinois): neither recall nor precision
        {"start": start, "end": start + 4, "name": "Geneva", "lat": 41.89, "lon": -88.31, "kind": "city"},
    ]
    counts = module.score_article(text, gold, predicted)
    assert (counts.gold, counts.gold_found, counts.predicted, counts.predicted_correct) == (2, 1, 2, 1)
