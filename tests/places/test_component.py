"""The `marsad_places` stage: offsets invariant, boilerplate and NER organisations respected."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from marsad.document import PLACE_KINDS, doc_to_dict

TEXT = ("قال مصدر دبلوماسي في أثينا إن اليونان أبلغت روسيا بطرد دبلوماسيين، وأضاف أن وزير خارجية "
        "بريطانيا وصل إلى لندن قادما من باريس. وفي سوريا، قصفت الطائرات بلدة دوما في الغوطة الشرقية.")


def test_offsets_point_at_the_mention(make_doc):
    from marsad.components.places import find_places

    doc = find_places(make_doc(TEXT))
    assert doc._.places, "no place found"
    assert "".join(t.text_with_ws for t in doc) == TEXT
    for place in doc._.places:
        assert 0 <= place.start < place.end <= len(TEXT)
        mention = TEXT[place.start : place.end]
        assert mention == mention.strip()
        assert place.kind in PLACE_KINDS
        assert place.country_code is None or len(place.country_code) == 2
    mentions = {TEXT[p.start : p.end] for p in doc._.places}
    assert {"أثينا", "اليونان", "روسيا", "بريطانيا", "لندن", "باريس", "سوريا", "دوما", "الغوطة الشرقية"} <= mentions
    starts = [p.start for p in doc._.places]
    assert starts == sorted(starts)


def test_json_contract_carries_the_text(make_doc):
    from marsad.components.places import find_places

    record = doc_to_dict(find_places(make_doc(TEXT)))
    for place in record["places"]:
        assert TEXT[place["start"] : place["end"]] == place["text"]
        assert {"name", "country_code", "lat", "lon", "geonames_id", "kind", "confidence"} <= set(place)


def test_nothing_inside_boilerplate(make_doc):
    from marsad.components.places import find_places

    text = "قصف في حلب.\nاقرأ أيضا: أخبار دمشق"
    doc = make_doc(text)
    start = text.index("اقرأ")
    doc.spans["boilerplate"] = [doc.char_span(start, len(text), alignment_mode="expand")]
    names = [p.name for p in find_places(doc)._.places]
    assert names == ["Aleppo"]


def test_place_inside_a_longer_organisation_entity_is_skipped(make_doc):
    from marsad.components.places import find_places

    text = "وقال رئيس جامعة دمشق الحكومية إن الدراسة مستمرة في حلب."
    doc = make_doc(text)
    start, end = text.index("جامعة"), text.index("الحكومية") + len("الحكومية")
    doc.ents = [doc.char_span(start, end, label="ORG")]
    assert [p.name for p in find_places(doc)._.places] == ["Aleppo"]


def test_single_token_org_standing_for_a_government_is_still_a_place(make_doc):
    from marsad.components.places import find_places

    text = "ورفضت واشنطن الاقتراح."
    doc = make_doc(text)
    start = text.index("واشنطن")
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    assert doc.ents[0].start_char == start
    assert [p.country_code for p in find_places(doc)._.places] == ["US"]


def test_registered_as_a_spacy_component():
    import marsad.components.places  # noqa: F401  (registers the factory)

    nlp = spacy.blank("ar")
    nlp.add_pipe("marsad_places")
    from marsad.document import register_extensions

    register_extensions()
    doc = nlp("اجتمع الوزراء في القاهرة.")
    assert [p.name for p in doc._.places] == ["Cairo"]
