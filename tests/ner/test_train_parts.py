"""train.py's learning-curve parts cut train.txt where the dev split cuts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.conll import split_last

TRAIN_SCRIPT = Path(__file__).resolve().parents[2] / "training" / "ner" / "train.py"


@pytest.fixture(scope="module")
def train_module(training_script):
    with training_script(TRAIN_SCRIPT, "marsad_ner_train") as module:
        yield module


def _sentences(lengths):
    return [[(f"w{i}-{k}", "O") for k in range(length)] for i, length in enumerate(lengths)]


def test_the_default_parts_are_the_dev_split(train_module):
    sentences = _sentences([3, 7, 1, 12, 5, 9, 2, 8, 4, 6, 10, 3])
    head, tail = split_last(sentences, 0.15)
    assert train_module.parts(sentences, "0-0.85") == head
    assert train_module.parts(sentences, "0.85-1") == tail


def test_parts_join_in_the_order_given_and_cover_each_sentence_once(train_module):
    sentences = _sentences([4] * 20)  # 80 tokens: a share of 0.25 is 5 sentences
    assert train_module.parts(sentences, "0.5-0.75,0-0.25") == sentences[10:15] + sentences[:5]
    whole = train_module.parts(sentences, "0-0.3,0.3-0.7,0.7-1")
    assert whole == sentences
