import pytest

from marsad.arabic.normalize import normalize, normalized_view


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الأميركي", "الاميركي"),
        ("إدلب", "ادلب"),
        ("آب", "اب"),
        ("مستشفى", "مستشفي"),
        ("مدينة", "مدينه"),
        ("أمـــن", "امن"),
        ("مُحَمَّدٌ", "محمد"),
        ("٢٠١٦", "2016"),
        ("۱۲", "12"),
    ],
)
def test_normalize_folds(raw, expected):
    assert normalize(raw) == expected


def test_view_maps_back_to_original():
    text = "قال: الأمْنُ في داريّا ١٢"
    view = normalized_view(text)
    start = view.text.index("داريا")
    orig_start, orig_end = view.to_original(start, start + len("داريا"))
    assert text[orig_start:orig_end] == "داريّا"
    assert len(view.offsets) == len(view.text)
    for i, char in enumerate(view.text):
        assert normalize(text[view.offsets[i]]) == char


def test_view_keeps_original_untouched():
    text = "أمْن"
    view = normalized_view(text)
    assert view.original is text
    assert view.text == "امن"


def test_long_text_path_equals_the_translation_table():
    from marsad.arabic.normalize import _FOLD, LONG_TEXT, TRANSLATION

    assert all(ord(target) not in TRANSLATION for target in _FOLD.values())  # why the fast path is exact
    text = ("قالَ الأمينُ: إنّ مدينة حلب ومستشفى ٢٠١٦ ـ آب إدلب ۱۲ " * 20)[: LONG_TEXT * 3]
    assert normalize(text) == text.translate(TRANSLATION)


def test_short_text_table_equals_the_translation_dict():
    from marsad.arabic.normalize import _TABLE, TRANSLATION

    every_character = "".join(map(chr, range(0x110000)))
    assert every_character.translate(_TABLE) == every_character.translate(TRANSLATION)
    word = "وَبالأمْنِ ـ إلى مستشفى ٢٠١٦"
    assert normalize(word) == word.translate(TRANSLATION) == "وبالامن  الي مستشفي 2016"
