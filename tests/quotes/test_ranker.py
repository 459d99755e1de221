"""The opt-in speaker ranker (marsad.quotes.ranker): its features, its choice, the shipped fit."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.pipeline import make_doc
from marsad.quotes import extract_quotes
from marsad.quotes.ranker import MODEL, Alternative, SpeakerRanker, left_gender, shipped_ranker, verb_agreement

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "word, expected",
    [("قالت", "f"), ("وقالت", "f"), ("تقول", "f"), ("وأضافت", "f"), ("قال", "m"), ("ويقول", "m"),
     ("قالوا", "pl"), ("ويقولون", "pl")],
)
def test_verb_agreement_reads_the_inflection(word, expected):
    from marsad.arabic.normalize import normalize

    assert verb_agreement(normalize(word)) == expected


def _scores(nlp, text: str) -> dict[str, float]:
    """Candidate name -> shipped-ranker score, for the one quote of `text`."""
    doc = nlp(make_doc(nlp, text, article_id="t", meta={}))
    trace: list = []
    extract_quotes(doc, trace=trace)
    assert len(trace) == 1
    ranker = shipped_ranker()
    return {name: ranker.score(features) for features, name in trace[0]}


def test_left_gender_reads_the_title_before_a_name(nlp):
    from marsad.quotes.layout import layout_from_doc

    doc = nlp(make_doc(nlp, "التقت الوزيرة سارة العلي والسفير خالد منصور.", article_id="t", meta={}))
    layout = layout_from_doc(doc)
    starts = {layout.words[s]: s for s, _, label, _ in layout.entities if label == "PERS"}
    assert left_gender(layout, starts["سارة"]) == "f"
    assert left_gender(layout, starts["خالد"]) == "m"


@pytest.mark.skipif(not MODEL.is_file(), reason="no shipped ranker weights")
def test_a_feminine_verb_moves_the_choice_toward_the_woman(nlp):
    opening = "التقت الوزيرة سارة العلي والسفير خالد منصور في العاصمة. "
    feminine = _scores(nlp, opening + "وقالت إن اللقاء كان مثمرا.")
    masculine = _scores(nlp, opening + "وقال إن اللقاء كان مثمرا.")
    assert feminine["سارة العلي"] > feminine["خالد منصور"]
    assert feminine["سارة العلي"] - feminine["خالد منصور"] > masculine["سارة العلي"] - masculine["خالد منصور"]


def test_the_best_scored_alternative_wins_and_nobody_is_named_where_the_rules_found_nobody():
    ranker = SpeakerRanker(weights={"near": 2.0, "far": -1.0}, bias=0.0)
    options = [Alternative(features=("far",)), Alternative(features=("near",))]
    assert ranker.choose(options) == 1
    assert ranker.choose(options, rules_chose=False) is None
    assert ranker.choose([Alternative(features=("x",)), Alternative(features=("y",))]) == 0  # ties: the rules' choice


@pytest.mark.skipif(not MODEL.is_file(), reason="no shipped ranker weights")
def test_the_pipeline_takes_the_ranker_only_when_asked():
    from marsad.pipeline import build_pipeline

    default = build_pipeline()
    assert default.get_pipe("marsad_quotes").ranker is None
    default.remove_pipe("marsad_quotes")
    default.add_pipe("marsad_quotes", config={"speaker_ranker": "ranker"}, before="marsad_events")
    assert default.get_pipe("marsad_quotes").ranker is shipped_ranker()


def test_training_never_reads_saudinewsnet():
    spec = importlib.util.spec_from_file_location("speaker_ranker_training", REPO / "training" / "quotes" / "speaker_ranker.py")
    training = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training)
    articles = [{"corpus": "ant"}, {"corpus": "jawhara"}, {"corpus": "saudinewsnet"}]
    assert [a["corpus"] for a in training.licensed(articles)] == ["ant", "jawhara"]
