"""Evaluation gate: OEDA event detection (ASSAULT, PROTEST) must not fall below its pinned floors."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"

pytestmark = pytest.mark.skipif(
    not (DATA / "events" / "events_dev.jsonl").exists(),
    reason=f"shared data not found at {DATA} (set MARSAD_SHARED to the folder holding data/)",
)


@pytest.fixture(scope="module")
def report(eval_script):
    pytest.importorskip("sklearn", reason="the events gate re-trains folds: install the `train` extra (scikit-learn)")
    return eval_script("events").evaluate(DATA)


@pytest.mark.parametrize("plover, key", [("ASSAULT", "events_assault_f1"), ("PROTEST", "events_protest_f1")])
def test_event_f1_above_floor(report, plover, key):
    entry = json.loads((ROOT / "eval" / "baselines.json").read_text())[key]
    assert report[plover]["f1"] >= entry["floor"] - entry["tolerance"], (report[plover], entry)
