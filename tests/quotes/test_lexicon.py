import pytest

from marsad.arabic.normalize import normalize
from marsad.quotes.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("word", "lemma", "kind"),
    [
        ("قال", "قال", "verb"),
        ("وقالت", "قال", "verb"),
        ("يقول", "قال", "verb"),
        ("وتقول", "قال", "verb"),
        ("فأكد", "اكد", "verb"),
        ("وأضاف", "اضاف", "verb"),
        ("ليعلن", "اعلن", "verb"),
        ("قائلاً", "قال", "participle"),
        ("مضيفاً", "اضاف", "participle"),
        ("مضيفة", "اضاف", "participle"),
        ("مشيراً", "اشار", "participle"),
        ("لافتاً", "لفت", "participle"),
        ("نفى", "نفي", "verb"),
        ("ونفت", "نفي", "verb"),
    ],
)
def test_reporting_verbs_in_all_forms(word, lemma, kind):
    form = load_lexicon().cue(normalize(word))
    assert form is not None and form.lemma == lemma and form.kind == kind


@pytest.mark.parametrize("word", ["الولايات", "كتاب", "مدينة", "بين"])
def test_ordinary_words_are_not_cues(word):
    assert load_lexicon().cue(normalize(word)) is None


def test_lexicons_are_normalized_data():
    lexicon = load_lexicon()
    assert ("الي", "ان") in lexicon.complementizers
    assert ("نقلا", "عن") in lexicon.sources
    assert "مصادر" in lexicon.anonymous
    assert "وزاره" in lexicon.organizations


def test_only_definite_descriptions_refer_back():
    lexicon = load_lexicon()
    assert {normalize("المسؤول"), normalize("نظيره")} <= lexicon.descriptions
    assert normalize("مسؤول") not in lexicon.descriptions
