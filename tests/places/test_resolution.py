"""Homonyms are resolved by the other places of the article and by prominence."""

from __future__ import annotations

import pytest


def place_named(places, text, mention):
    return next(p for p in places if text[p.start : p.end] == mention)


def test_geneva_is_the_swiss_city_in_a_syria_diplomacy_article(places_of):
    text = ("وقال المبعوث الأممي إن جولة جديدة من المحادثات السورية ستعقد في جنيف الأسبوع المقبل، "
            "بمشاركة وفدي الحكومة والمعارضة، فيما رحبت واشنطن وموسكو بالخطوة.")
    geneva = place_named(places_of(text), text, "جنيف")
    assert geneva.country_code == "CH"
    assert abs(geneva.lat - 46.2) < 0.2 and abs(geneva.lon - 6.14) < 0.2


def test_raqqa_is_the_syrian_city(places_of):
    text = "وتقدمت قوات سوريا الديمقراطية في الرقة شمال سوريا."
    raqqa = place_named(places_of(text), text, "الرقة")
    assert raqqa.country_code == "SY"


def test_tripoli_follows_the_country_of_the_article(places_of):
    libya = "وقال المجلس الرئاسي في ليبيا إن الاشتباكات في طرابلس توقفت."
    lebanon = "وقال مسؤول في لبنان إن الاشتباكات في طرابلس توقفت شمال لبنان، قرب الحدود مع سوريا."
    assert place_named(places_of(libya), libya, "طرابلس").country_code == "LY"
    assert place_named(places_of(lebanon), lebanon, "طرابلس").country_code == "LB"


def test_small_town_needs_its_country_in_the_article(places_of):
    with_country = "وقالت مصادر في قطر إن الاجتماع عقد في الخور."
    without = "وعقد الاجتماع في الخور."
    assert any(p.country_code == "QA" and p.kind == "city" for p in places_of(with_country) if with_country[p.start:p.end] == "الخور")
    assert places_of(without) == []


def test_confidence_is_a_probability(places_of):
    text = "زار الرئيس دمشق وبغداد وجنيف وطرابلس والرقة."
    for place in places_of(text):
        assert 0.0 < place.confidence <= 1.0


def test_nationality_adjective_after_the_name_states_its_country(places_of):
    text = "اندلعت اشتباكات في طرابلس اللبنانية ليلا."
    assert place_named(places_of(text), text, "طرابلس").country_code == "LB"


def test_small_town_after_a_settlement_word(places_of):
    text = "وقالت الشرطة إن الهجوم وقع في مدينة أفينيون جنوب فرنسا."
    avignon = place_named(places_of(text), text, "أفينيون")
    assert (avignon.country_code, avignon.kind) == ("FR", "city")


def test_small_town_of_an_unnamed_country_is_left_out(places_of):
    # GeoNames knows an American Tripp only; the article is about France.
    text = 'ووقع الهجوم في بلدة "تريب" جنوب فرنسا.'
    assert [p.name for p in places_of(text)] == ["France"]


def test_country_name_that_is_an_ordinary_word_needs_a_country_context(places_of):
    assert places_of("ولا يمكن أن يكون قد تلقى أي مبلغ مالي لقاء التبرع.") == []
    for text in ("قتل جنود في شمال مالي أمس.", "وصل الوزير إلى مالي.", "زار الرئيس النيجر ومالي الأسبوع الماضي."):
        assert "Mali" in [place.name for place in places_of(text)], text


def test_kabul_is_not_an_electric_cable(places_of):
    assert places_of("امتدت النيران من كابل الكهرباء إلى الشجرة.") == []
    assert [place.name for place in places_of("قتل عشرة في تفجير في كابل أمس.")] == ["Kabul"]


@pytest.mark.parametrize(
    "text",
    ["خسر الفريق أمام العين الإماراتي بهدفين.", "وفاز العين على الوحدة في الدوري.", "برشلونة الإسباني يتعاقد مع لاعب جديد."],
)
def test_a_club_named_after_its_city_is_no_place(places_of, text):
    assert places_of(text) == []


def test_the_city_itself_still_counts(places_of):
    assert [p.name for p in places_of("تظاهر الآلاف في برشلونة.")] == ["Barcelona"]
    assert [p.name for p in places_of("وصل الرئيس إلى طرابلس اللبنانية.")] == ["Tripoli"]


def test_a_stock_index_named_after_its_city_is_no_place(places_of):
    assert places_of("وارتفع مؤشر بورصة شنغهاي المركب في ختام التعاملات.") == []
    text = "ووصل الوزير إلى شنغهاي في زيارة رسمية."
    assert place_named(places_of(text), text, "شنغهاي").country_code == "CN"


@pytest.mark.parametrize("text, mention, cc", [
    ("وتقدمت القوات العراقية باتجاه قضاء حديثة غربي الأنبار.", "حديثة", "IQ"),
    ("وقال مسؤول سعودي إن مشروع نقل المياه من محافظة الخبر اكتمل.", "الخبر", "SA"),
])
def test_an_administrative_word_vouches_for_a_town_named_like_a_word(places_of, text, mention, cc):
    assert place_named(places_of(text), text, mention).country_code == cc


def test_a_generic_area_word_does_not_vouch_for_a_word(places_of):
    text = "وقال مسؤول سعودي إن منطقة الخبر غير واضحة."
    assert [text[p.start:p.end] for p in places_of(text) if text[p.start:p.end] == "الخبر"] == []


def test_in_fused_to_a_name_ends_the_person_name_before_it(places_of):
    text = "ووصلت الشحنة عبر ميناء الملك عبدالعزيز بالدمام أمس."
    assert place_named(places_of(text), text, "الدمام").country_code == "SA"
    # A person-name token after the name still makes it a person's: "باراك أوباما" is no ب + Arak.
    assert places_of("واتصل باراك أوباما بالرئيس.") == []


def test_a_word_like_town_listed_after_places_is_one_of_them(places_of):
    text = "وشملت الحملة في الجزائر مدن تلمسان وأدرار وبشار."
    assert place_named(places_of(text), text, "بشار").country_code == "DZ"
    # Listed after a place but followed by a family name: a person.
    assert [p.name for p in places_of("ووصل الوفد إلى دمشق وبشار الأسد.")] == ["Damascus"]


def test_a_yemeni_district_counts_where_yemen_is_named(places_of):
    text = "وقصفت طائرات التحالف مواقع للحوثيين في التحيتا جنوب الحديدة غربي اليمن."
    assert place_named(places_of(text), text, "التحيتا").country_code == "YE"
    assert [p for p in places_of("وجرى الحديث عن التحيتا أمس.")] == []


def test_a_masculine_nationality_before_a_name_introduces_a_person(places_of):
    assert places_of("وتعاقد النادي مع اللاعب الهولندي ممفيس ديباي.") == []
    text = "ووصل الوفد إلى مدينة ممفيس الأمريكية."
    assert place_named(places_of(text), text, "ممفيس").country_code == "US"


@pytest.mark.parametrize("text", ["وقدم مدرب مارسيليا استقالته أمس.", "وأشاد لاعب برشلونة بزملائه."])
def test_a_city_after_a_club_role_is_the_club(places_of, text):
    assert places_of(text) == []


def test_a_country_named_airport_is_at_the_capital(places_of):
    text = "وهبطت الطائرة في مطار الكويت الدولي ثم غادر الوفد الكويت."
    airport, country = places_of(text)
    assert (airport.name, airport.kind) == ("Kuwait City", "city")
    assert country.kind == "country" and country.country_code == "KW"


def test_a_presidency_named_after_its_country_is_no_place(places_of):
    text = "وقال بيان صادر عن رئاسة الجمهورية اللبنانية إن المشاورات بدأت."
    assert places_of(text) == []
