"""Evaluation gate: the shipped NER model on the ANERcorp dev split (last 15% of train.txt).

The floor lives in eval/baselines.json ("ner_dev_micro_f1"); the gate fails when the model
scores more than `tolerance` below it. Raising the floor after an improvement is expected;
lowering it is a reviewed edit of that file, never done by a test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ner import Tagger
from marsad.ner.conll import read_tagged, repair_iob2, split_last
from marsad.ner.evaluate import format_scores, score

REPO = Path(__file__).resolve().parents[2]
BASELINES = REPO / "eval" / "baselines.json"
DEV_FRACTION = 0.15


def _baseline(key: str) -> dict:
    return json.loads(BASELINES.read_text(encoding="utf-8"))[key]


def test_ner_dev_micro_f1_holds_its_floor(shared_data: Path):
    path = shared_data / "anercorp" / "train.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found; set MARSAD_SHARED to run the NER evaluation gate")
    _, dev = split_last(read_tagged(path), DEV_FRACTION)
    gold = [repair_iob2([tag for _, tag in sentence]) for sentence in dev]
    predicted = Tagger.load().tag_sentences([[token for token, _ in sentence] for sentence in dev])
    scores = score(gold, predicted)
    baseline = _baseline("ner_dev_micro_f1")
    measured = scores["micro"].f1
    assert measured >= baseline["floor"] - baseline["tolerance"], (
        f"NER dev micro-F1 {measured:.2f} fell below the floor {baseline['floor']} "
        f"(tolerance {baseline['tolerance']}):\n{format_scores(scores)}"
    )


def test_ner_floor_is_not_lowered_below_the_first_shipped_model():
    baseline = _baseline("ner_dev_micro_f1")
    assert baseline["floor"] >= baseline["first_shipped"], "the NER floor was lowered below the first shipped model"


def test_accurate_ner_dev_micro_f1_holds_its_floor(shared_data: Path):
    from marsad.ner.accurate import ACCURATE_DIR, ENCODER_FILE, load_accurate

    path = shared_data / "anercorp" / "train.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found; set MARSAD_SHARED to run the NER evaluation gate")
    if not (ACCURATE_DIR / ENCODER_FILE).exists():
        pytest.skip("no accurate NER model in src/marsad/models/ner_accurate")
    _, dev = split_last(read_tagged(path), DEV_FRACTION)
    gold = [repair_iob2([tag for _, tag in sentence]) for sentence in dev]
    predicted = load_accurate().tag_sentences([[token for token, _ in sentence] for sentence in dev])
    scores = score(gold, predicted)
    baseline = _baseline("ner_accurate_dev_micro_f1")
    assert scores["micro"].f1 >= baseline["floor"] - baseline["tolerance"], format_scores(scores)
    # The opt-in model earns its cost only while it beats the default one.
    assert scores["micro"].f1 > _baseline("ner_dev_micro_f1")["floor"], format_scores(scores)
