"""Evaluation gate: leave-one-outlet-out quotes, events and places on the multi-outlet gold set (eval/gold_loo.py).

Quotes are pinned on the 250 new articles (the old 20 dev articles keep their own gate in
tests/quotes/test_eval_gate.py); events and places on the whole set (the old dev articles carry
no events; their places count).

Floors live in eval/baselines.json ("gold_loo_*"); a score may fall at most `tolerance` below its
floor. The gold annotations (eval/gold/annotations/primary.jsonl) are committed by the coordinator;
without them, or without ../shared/data, the gate is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BASELINES = REPO / "eval" / "baselines.json"
PRIMARY = REPO / "eval" / "gold" / "annotations" / "primary.jsonl"


@pytest.fixture(scope="module")
def result(shared_data: Path, eval_script):
    if not PRIMARY.is_file():
        pytest.skip(f"{PRIMARY} not found: the gold set's annotations are not in this checkout")
    return eval_script("gold_loo").evaluate(shared_data)


@pytest.mark.parametrize(
    "key, layer, name",
    [
        ("gold_loo_quotes_detection_f1", "quotes", "detection"),
        ("gold_loo_quotes_speaker_f1", "quotes", "quote_speaker"),
        ("gold_loo_events_detection_f1", "events", "detection"),
        ("gold_loo_events_modality", "events", "modality"),
        ("gold_loo_events_source", "events", "source"),
        ("gold_loo_events_target", "events", "target"),
        ("gold_loo_events_place", "events", "place"),
        ("gold_loo_places_recall", "places", "recall"),
        ("gold_loo_places_precision", "places", "precision"),
    ],
)
def test_gold_loo_holds_its_floor(result, key, layer, name):
    baseline = json.loads(BASELINES.read_text(encoding="utf-8"))[key]
    measured = result[layer]["parts"]["new"][name] if layer == "quotes" else result[layer]["overall"][name]
    assert measured >= baseline["floor"] - baseline["tolerance"], (key, measured, baseline["floor"])


def test_errors_of_sealed_rounds_are_never_written(shared_data: Path, eval_script, tmp_path):
    """Rounds 2-3 are the check no rule is written from: --errors leaves their articles out."""
    if not PRIMARY.is_file():
        pytest.skip(f"{PRIMARY} not found")
    gold_loo = eval_script("gold_loo")
    sealed = gold_loo.sealed_ids(shared_data)
    rounds = {a["id"]: a["round"] for a in gold_loo.gold_set(shared_data, include_old_dev=False)}
    assert sealed and sealed == {i for i, r in rounds.items() if r >= gold_loo.SEALED_FROM}
    out = tmp_path / "errors.jsonl"
    gold_loo.main(["--data", str(shared_data), "--layer", "places", "--errors", str(out)])
    written = {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert written and not written & sealed
