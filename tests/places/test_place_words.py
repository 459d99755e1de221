"""Administrative words ("محافظة", "منطقة", "مديرية") say the next name is a place; hashtags split."""

from __future__ import annotations


def mentions(places, text):
    return {text[p.start : p.end]: p for p in places}


def test_governorate_word_vouches_for_a_region_without_its_country(places_of):
    text = "وأعلنت السلطات المحلية في محافظة الأنبار عودة مئات الأسر إلى منازلها."
    found = mentions(places_of(text), text)
    assert found["محافظة الأنبار"].country_code == "IQ"


def test_region_word_with_a_clitic(places_of):
    text = "وحذر الدفاع المدني بمنطقة عسير من السيول المتوقعة مساء اليوم."
    assert any(p.country_code == "SA" and p.kind == "region" for p in places_of(text))


def test_without_the_place_word_a_small_region_still_needs_its_country(places_of):
    assert places_of("وحذر الدفاع المدني في عسير من السيول.") == []


def test_a_place_word_does_not_vouch_against_the_article_country(places_of):
    # The governorate votes for Iraq; a town of another country sharing the district's name is
    # not taken on the word "قضاء" alone.
    text = "وتقدمت القوات في محافظة الأنبار، وعادت الأسر إلى قضاء الكرمة شرقي المدينة."
    assert all(p.country_code in (None, "IQ") for p in places_of(text))


def test_a_direction_after_a_region_word_is_no_place(places_of):
    text = "وقعت الاشتباكات في منطقة شمالي البلاد."
    assert places_of(text) == []


def test_hashtag_words_split_at_the_underscore(places_of):
    text = "وتواصلت الاشتباكات جنوب #محافظة_الحديدة منذ الصباح في اليمن."
    found = mentions(places_of(text), text)
    assert "الحديدة" in found or "محافظة_الحديدة" in found
    assert all(p.country_code == "YE" for p in found.values())


def test_a_newspaper_title_in_quote_marks_is_no_place(places_of):
    quoted = "وقال المتحدث في تصريح لـ«الشرق الأوسط» إن المحادثات مستمرة."
    plain = "وقال المتحدث إن التوتر في الشرق الأوسط يتصاعد."
    assert places_of(quoted) == []
    assert [p.name for p in places_of(plain)] == ["Middle East"]


def test_a_competition_named_after_a_continent_is_no_place(places_of):
    text = "وتأهل النادي إلى دوري أبطال أوروبا للمرة الثانية."
    assert places_of(text) == []
