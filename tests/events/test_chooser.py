"""The learned actor chooser (marsad.events.chooser): its options, its choice, the shipped fit."""

import json

import pytest
import spacy

import marsad.components.events  # noqa: F401  (registers the factory)
from marsad.events import extract_events
from marsad.events.chooser import MODEL, ActorChooser, shipped_chooser

TEXT = "وقصفت الطائرات الحربية مواقع المسلحين قرب مدينة الرمادي بحضور مراقبين من الأمم المتحدة"


def chooser(source_weights=None, target_weights=None):
    data = {}
    if source_weights is not None:
        data["source"] = {"bias": 0.0, "weights": source_weights}
    if target_weights is not None:
        data["target"] = {"bias": 0.0, "weights": target_weights}
    return ActorChooser.from_dict(data)


@pytest.fixture
def attack(make_doc):
    return make_doc(TEXT, ents=[("الأمم المتحدة", "ORG", "Q1065")])


def test_trace_offers_the_rules_choice_first_then_nobody_then_the_sentence(attack):
    trace = []
    events = extract_events(attack, trace=trace)
    assert len(trace) == len(events)
    (offered,) = [t for t, e in zip(trace, events) if e.type == "ATTACK"]
    source = offered["source"]
    assert source[0].actor is not None and "kind=rule" in source[0].features
    assert source[1].actor is None and "kind=none" in source[1].features
    names = [option.actor.name for option in source[2:]]
    assert "الأمم المتحدة" in names


def test_a_chooser_that_prefers_nobody_names_nobody(attack):
    (event,) = [e for e in extract_events(attack, chooser=chooser({"kind=none": 5.0})) if e.type == "ATTACK"]
    assert event.source is None


def test_a_chooser_that_prefers_entities_takes_the_sentence_entity(attack):
    (event,) = [e for e in extract_events(attack, chooser=chooser({"kind=ent": 5.0})) if e.type == "ATTACK"]
    assert event.source.name == "الأمم المتحدة" and event.source.entity_id == "Q1065"


def test_a_role_without_a_scorer_keeps_the_rules_choice(attack):
    (rules,) = [e for e in extract_events(attack) if e.type == "ATTACK"]
    (chosen,) = [e for e in extract_events(attack, chooser=chooser({"kind=none": 5.0})) if e.type == "ATTACK"]
    assert rules.target is not None and chosen.target == rules.target


def test_ties_go_to_the_rules_choice(attack):
    (rules,) = [e for e in extract_events(attack) if e.type == "ATTACK"]
    (chosen,) = [e for e in extract_events(attack, chooser=chooser({}, {})) if e.type == "ATTACK"]
    assert (chosen.source, chosen.target) == (rules.source, rules.target)


def test_shipped_fit_decides_the_source_only_and_saw_only_licensed_corpora():
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(data["trained_on"]["corpora"]) <= {"ant", "jawhara"}
    fitted = shipped_chooser()
    assert set(fitted.scorers) == {"source"}


@pytest.mark.parametrize("setting, expected", [("rules", None), ("chooser", "shipped")])
def test_stage_config_picks_the_chooser(setting, expected):
    nlp = spacy.blank("ar")
    stage = spacy.registry.factories.get("marsad_events")(nlp, "marsad_events", setting)
    assert stage.chooser is (shipped_chooser() if expected else None)


def test_the_default_stage_keeps_the_rules():
    nlp = spacy.blank("ar")
    assert nlp.add_pipe("marsad_events").chooser is None
