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
        ("نفوا", "نفي", "verb"),
        ("يرون", "راي", "verb"),
        ("يقولان", "قال", "verb"),
        ("ورحبت", "رحب", "verb"),
        ("واستنكرت", "استنكر", "verb"),
        ("يثمنون", "ثمن", "verb"),
        ("وصفها", "وصف", "verb"),
        ("اعتبرته", "اعتبر", "verb"),
        ("يتهمونه", "اتهم", "verb"),
        ("وأبلغهم", "ابلغ", "verb"),
    ],
)
def test_reporting_verbs_in_all_forms(word, lemma, kind):
    form = load_lexicon().cue(normalize(word))
    assert form is not None and form.lemma == lemma and form.kind == kind


@pytest.mark.parametrize(
    "word",
    # nouns that a verb plus object pronoun would spell once TEH MARBUTA is folded ("قضية", "دعوة"),
    # accusatives that look like a masculine dual ("نقلاً"), a noun that is a bare verb form
    ["الولايات", "كتاب", "مدينة", "قضية", "دعوة", "نقلاً", "وصفاً", "ثمن", "بينها", "عبرها"],
)
def test_ordinary_words_are_not_cues(word):
    assert load_lexicon().cue(normalize(word)) is None


@pytest.mark.parametrize("word", ["بين", "وبين", "عبر", "وعبر"])
def test_prepositions_spelled_like_verbs_are_checked_in_context(word):
    from marsad.quotes.view import HOMOGRAPH_VERBS

    assert load_lexicon().cue(normalize(word)).lemma in HOMOGRAPH_VERBS


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
