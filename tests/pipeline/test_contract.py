"""The output contract of `doc_to_dict`, on the seed article and on small hand-built texts."""

import json

import pytest

from marsad.document import ENTITY_LABELS, PLACE_KINDS, SPEAKER_TYPES, doc_to_dict
from marsad.pipeline import analyze_text

LAYERS_WITH_TEXT = ("entities", "quotes", "places", "dates")


@pytest.fixture(scope="module")
def seed_analysis(seed_text, nlp):
    return doc_to_dict(analyze_text(seed_text, article_id="seed", nlp=nlp))


def spans_of(analysis):
    """Every (layer, start, end, text) the analysis claims, nested spans included."""
    for layer in LAYERS_WITH_TEXT:
        for item in analysis[layer]:
            yield layer, item["start"], item["end"], item["text"]
    for quote in analysis["quotes"]:
        if quote["cue"]:
            yield "quotes.cue", quote["cue"]["start"], quote["cue"]["end"], quote["cue"]["text"]
        for mention in quote["speaker"]["mentions"]:
            yield "quotes.speaker", mention["start"], mention["end"], None
    for event in analysis["events"]:
        yield "events.trigger", event["trigger"]["start"], event["trigger"]["end"], event["trigger"]["text"]
        yield "events.sentence", event["sentence"]["start"], event["sentence"]["end"], None


def test_text_is_the_input(seed_analysis, seed_text):
    assert seed_analysis["text"] == seed_text
    assert seed_analysis["id"] == "seed"


def test_offsets_point_at_their_text(seed_analysis):
    text = seed_analysis["text"]
    claimed = list(spans_of(seed_analysis))
    assert {layer for layer, *_ in claimed} >= {"entities", "quotes", "places", "dates"}
    for layer, start, end, surface in claimed:
        assert 0 <= start < end <= len(text), layer
        if surface is not None:
            assert text[start:end] == surface, layer


def test_boilerplate_is_marked_and_untouched(seed_analysis):
    text = seed_analysis["text"]
    residue = [text[item["start"] : item["end"]] for item in seed_analysis["boilerplate"]]
    assert residue == ["أضف تعليق"]
    for layer, start, end, _ in spans_of(seed_analysis):
        for item in seed_analysis["boilerplate"]:
            assert end <= item["start"] or start >= item["end"], layer


def test_labels_and_types_are_from_the_contract(seed_analysis):
    assert {ent["label"] for ent in seed_analysis["entities"]} <= set(ENTITY_LABELS)
    assert {quote["speaker"]["type"] for quote in seed_analysis["quotes"]} <= set(SPEAKER_TYPES)
    assert {place["kind"] for place in seed_analysis["places"]} <= set(PLACE_KINDS)
    assert all(ent["entity_id"] for ent in seed_analysis["entities"])


def test_analysis_is_json(seed_analysis):
    assert json.loads(json.dumps(seed_analysis, ensure_ascii=False)) == seed_analysis


@pytest.mark.parametrize("text", ["", "\n\n", "أضف تعليق", "hello world", "٢٠١٦", "“”«»"])
def test_degenerate_texts_do_not_break_the_pipeline(nlp, text):
    analysis = doc_to_dict(analyze_text(text, nlp=nlp))
    assert analysis["text"] == text
    for _, start, end, _surface in spans_of(analysis):
        assert 0 <= start <= end <= len(text)
