"""Villages, districts and facilities no gazetteer lists, located at the known place named next."""

from __future__ import annotations

import pytest

from marsad.places.anchored import anchored_places
from marsad.places.matcher import words_from_text
from marsad.places.resolve import places_in_text


def mentions(text):
    return {text[p.start : p.end]: p for p in places_in_text(text)}


def test_a_village_takes_the_governorate_named_after_it():
    text = "وقصفت الطائرات مواقع في قرية الحصنين بمحافظة حماة صباح اليوم."
    found = mentions(text)
    village = found["الحصنين"]
    hama = found["محافظة حماة"]
    assert village.kind == "city" and village.country_code == "SY"
    assert (village.lat, village.lon) == (hama.lat, hama.lon)
    assert village.confidence < hama.confidence


def test_a_facility_keeps_its_head_word():
    text = "ونقل الجرحى إلى مستشفى البركة في مدينة بنغازي الليبية."
    found = mentions(text)
    assert found["مستشفى البركة"].kind == "landmark"
    assert found["مستشفى البركة"].country_code == "LY"


def test_a_head_word_with_a_clitic_is_left_out_of_the_facility():
    text = "وأقيم الحفل بملعب الزهور في القاهرة مساء أمس."
    assert "ملعب الزهور" in mentions(text)


@pytest.mark.parametrize("text", [
    "وعثر على الجثة في منطقة قريبة من دمشق.",  # an ordinary adjective, no name
    "وسكنت العائلة في منطقة سكنية في بيروت.",  # an indefinite nisba
    "وشنت الطائرات غارات على معسكر للمسلحين في مدينة درعا.",  # a clitic word continues the sentence
    "وزار الوزير قرية الحصنين. ثم عاد إلى حماة.",  # the known place is in another sentence
    "ودخلت القوات قرية الحصنين في سوريا.",  # a country says too little to place a village
])
def test_no_anchored_place(text):
    assert all(p.geonames_id is not None or p.kind == "country" for p in places_in_text(text))


def test_two_word_village_names():
    text = "وتقدمت القوات في منطقة بني حماد بمحافظة صعدة شمال اليمن."
    assert mentions(text)["بني حماد"].country_code == "YE"


def test_nothing_without_known_places():
    words = words_from_text("في قرية الحصنين")
    assert anchored_places(words, []) == []


def test_a_plural_head_places_each_listed_name(places_of):
    text = "وقتل مسلحون في مناطق البوشمة والملاحيف في محافظة الأنبار غرب العراق."
    listed = [(text[p.start:p.end], p.country_code) for p in places_of(text) if p.geonames_id is None and p.kind == "other"]
    assert listed == [("البوشمة", "IQ"), ("الملاحيف", "IQ")]


def test_a_plural_head_before_an_adjective_lists_nothing(places_of):
    text = "وسقطت قذائف في مناطق متفرقة من محافظة الأنبار."
    assert [text[p.start:p.end] for p in places_of(text)] == ["محافظة الأنبار"]


def test_a_natural_feature_is_named_with_its_head(places_of):
    text = "وسيطرت القوات على وادي الخمائل في مدينة لحج جنوب اليمن."
    valley = next(p for p in places_of(text) if p.geonames_id is None)
    assert text[valley.start:valley.end] == "وادي الخمائل" and valley.country_code == "YE"


def test_without_a_place_after_it_the_place_before_the_head_locates_it(places_of):
    text = "وفي محافظة صعدة اليمنية استهدفت الغارات معسكر الخنساء."
    camp = next(p for p in places_of(text) if text[p.start:p.end] == "معسكر الخنساء")
    assert camp.country_code == "YE" and camp.kind == "landmark"


@pytest.mark.parametrize("text", [
    "وفي محافظة صعدة اليمنية تتراجع قاعدة عائداتها.",  # a common-noun head, a possessive suffix
    "وأصبحت منطقة عسير من أفضل مناطق الاصطياف.",  # a list wants its place after it
])
def test_loose_heads_take_no_place_from_before(places_of, text):
    assert [text[p.start:p.end] for p in places_of(text)] in (["محافظة صعدة"], ["منطقة عسير"])
