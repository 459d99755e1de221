"""A capital named by its country's adjective ("العاصمة البريطانية") is that capital."""

from __future__ import annotations


def test_capital_phrase_is_the_capital(places_of):
    text = "ووصل الوزير إلى العاصمة البريطانية أمس في زيارة رسمية."
    [place] = places_of(text)
    assert text[place.start:place.end] == "العاصمة البريطانية" and place.name == "London"


def test_the_name_after_the_phrase_is_the_mention(places_of):
    text = "ووصل الوفد إلى العاصمة القطرية الدوحة مساء أمس."
    assert [(text[p.start:p.end], p.country_code) for p in places_of(text)] == [("الدوحة", "QA")]


def test_contracted_article_keeps_the_whole_word(places_of):
    text = "وقال المسؤول في زيارته للعاصمة الفرنسية إن الاتفاق قريب."
    [place] = places_of(text)
    assert text[place.start:place.end] == "للعاصمة الفرنسية" and place.country_code == "FR"
