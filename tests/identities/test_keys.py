"""Identity keys fold the spellings of one name and keep different names apart."""

from __future__ import annotations

import pytest

from marsad.identities import identity_key, surname


@pytest.mark.parametrize(
    "one, other",
    [
        ("ترامب", "ترمب"),  # a vowel letter in a transliteration
        ("بوتين", "بوتن"),
        ("نتانياهو", "نتنياهو"),
        ("إبراهيم", "ابراهيم"),  # hamza on alef
        ("مصطفى", "مصطفي"),  # alef maksura
        ("أسامة", "اسامه"),  # teh marbuta
        ("سيرغي لافروف", "سيرجي لافروف"),  # ghain/jeem in a transliteration
        ("عبد الله", "عبدالله"),
        ("الجبير", "جبير"),  # the article
        ("مؤمن", "مومن"),  # hamza on waw
        ("دونالد ترامب", "دونالد  ترامب"),
    ],
)
def test_spellings_fold(one: str, other: str) -> None:
    assert identity_key(one) == identity_key(other)


@pytest.mark.parametrize(
    "one, other",
    [("عمر", "عمار"), ("محمود", "محمد"), ("سلمان", "سليمان"), ("العامري", "العمري"), ("ميلانيا ترامب", "دونالد ترامب")],
)
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert identity_key(one) != identity_key(other)


def test_surname_is_the_last_word() -> None:
    assert surname(identity_key("دونالد ترامب")) == identity_key("ترامب")


def test_no_name_gives_an_empty_key() -> None:
    assert identity_key(" ، ") == ""
