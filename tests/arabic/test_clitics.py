import pytest

from marsad.arabic.clitics import split_proclitics, stem_candidates
from marsad.arabic.normalize import normalize


@pytest.mark.parametrize(
    ("word", "prefix", "stem"),
    [
        ("وبالمدينة", "وبال", "مدينه"),
        ("للبحث", "لل", "بحث"),
        ("والحسكة", "وال", "حسكه"),
        ("وحلب", "و", "حلب"),
        ("بمنبج", "ب", "منبج"),
        ("فأكد", "ف", "اكد"),
        ("كتاب", "", "كتاب"),
    ],
)
def test_split_proclitics(word, prefix, stem):
    assert split_proclitics(normalize(word)) == (prefix, stem)


def test_candidates_keep_literal_form_first():
    # "وزير" is not و + زير: lookups try the literal form before any stripped one.
    assert stem_candidates("وزير")[0] == "وزير"
    assert stem_candidates("وبحلب") == ("وبحلب", "بحلب", "حلب")
