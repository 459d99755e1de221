"""Evaluation gate: the shipped topic model must not fall below its pinned floor on the ANT dev split."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"

pytestmark = pytest.mark.skipif(
    not (DATA / "news" / "ant_multisource_topic_train.jsonl.gz").exists(),
    reason=f"shared data not found at {DATA} (set MARSAD_SHARED to the folder holding data/)",
)


def test_topic_dev_macro_f1_above_floor(eval_script):
    entry = json.loads((ROOT / "eval" / "baselines.json").read_text())["topics_dev_macro_f1"]
    result = eval_script("topics").evaluate(DATA)
    assert result["macro_f1"] >= entry["floor"] - entry["tolerance"], (result, entry)
