"""Evaluation gate: quote detection and attribution on the dev set must not fall below their floors.

Floors live in eval/baselines.json; a floor may only be lowered together with its
`first_shipped` value, in a reviewed change (the last test refuses a silent lowering).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

KEYS = ("quotes_detection_f1", "quotes_speaker_f1")


def _baselines() -> dict:
    return json.loads((REPO / "eval" / "baselines.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(shared_data, eval_script):
    data = shared_data / "quotes"
    if not (data / "dev_gold.jsonl").is_file():
        pytest.skip(f"quote dev set not found in {data}; set MARSAD_SHARED to run the evaluation gate")
    return eval_script("quotes").evaluate(data)


@pytest.mark.parametrize("key", KEYS)
def test_score_not_below_floor(scores, key):
    baseline = _baselines()[key]
    assert scores[key] * 100 >= baseline["floor"] - baseline["tolerance"], (
        f"{key} = {scores[key] * 100:.1f} fell below the floor {baseline['floor']} "
        f"(tolerance {baseline['tolerance']}); run eval/quotes.py --errors to see what changed"
    )


@pytest.mark.parametrize("key", KEYS)
def test_floor_is_not_lowered_silently(key):
    baseline = _baselines()[key]
    assert baseline["floor"] >= baseline["first_shipped"], f"{key}: floor below first_shipped; raise it back or review the change"
