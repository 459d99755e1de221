"""eval/events_reading.py: the careful reader's scores, on a hand-made case and on the stored reading."""

import json
import os
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")) / "data"


@pytest.fixture(scope="module")
def reading(eval_script):
    return eval_script("events_reading")


def test_shares_are_weighted_by_label_size(reading):
    population = Counter({"yes": 10, "difficult no": 10, "easy no": 80})
    sampled = Counter({"yes": 10, "difficult no": 10, "easy no": 10})
    accepted = Counter({"yes": 10, "difficult no": 5, "easy no": 1})
    # 10 true positives; false positives 10 * 0.5 + 80 * 0.1 = 13
    scores = reading.reader_scores(population, sampled, accepted)["reader_on_dev"]
    assert scores["precision"] == pytest.approx(10 / 23, abs=1e-3)
    assert scores["f1"] == pytest.approx(2 * (10 / 23) / (10 / 23 + 1), abs=1e-3)


def test_wilson_interval_holds_the_share_and_stays_in_bounds(reading):
    assert reading.wilson(0, 10)[0] == pytest.approx(0.0, abs=1e-12)
    low, high = reading.wilson(31, 40)
    assert 0 < low < 31 / 40 < high < 1


@pytest.mark.skipif(not (DATA / "events" / "events_dev.jsonl").exists(), reason=f"shared data not found at {DATA}")
def test_stored_reading_names_dev_sentences_of_each_label(reading):
    labels = {}
    for line in (DATA / "events" / "events_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        labels[row["id"]] = (row["event_type"], row["label_detail"])
    lines = [line.split("\t") for line in reading.READING.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert all(judgement in ("yes", "no") for _, judgement in lines)
    strata = Counter(labels[sentence_id] for sentence_id, _ in lines)
    for plover in ("ASSAULT", "PROTEST"):
        assert all(strata[(plover, label)] >= 28 for label in reading.LABELS), strata
