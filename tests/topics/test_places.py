"""Place features of the topic model: country mentions, regions, two-word names, the lexicon."""

import numpy as np
import pytest

from marsad.places.gazetteer import load_gazetteer
from marsad.topics.features import _word_features, analyze_topic, article_features
from marsad.topics.places import PlaceLexicon, build_lexicon, place_features, region

LEXICON = PlaceLexicon(
    names={"سوريا": "SY", "دمشق": "SY", "السودان": "SD", "فرنسا": "FR", "سوري": "SY", "كوريا": "KR"},
    pairs={"جنوب": {"سودان": "SS"}, "ولايات": {"متحده": "US"}, "كوريا": {"شماليه": "KP"}},
)


@pytest.mark.parametrize("code, expected", [("SY", "A"), ("IL", "A"), ("IR", "N"), ("TR", "N"), ("FR", "W"), ("SS", "W")])
def test_region(code, expected):
    assert region(code) == expected


@pytest.mark.parametrize(
    "text, codes",
    [
        ("زار الرئيس دمشق وسوريا", ["SY", "SY"]),  # clitic-stripped: "وسوريا"
        ("قصف في الأراضي السورية", []),  # "سوريه" is not in the toy lexicon (only "سوري")
        ("الجيش السوري", ["SY"]),  # stem of "السوري" found
        ("اتفاق في جنوب السودان", ["SS"]),  # the two-word name wins over "السودان"
        ("الولايات المتحدة وفرنسا", ["US", "FR"]),
        ("كوريا الشمالية", ["KR", "KP"]),  # "كوريا" alone, then the pair ending at "الشمالية"
        ("جنوب 3 شباط السودان", ["SD"]),  # no pair across an ignored word (a month)
    ],
)
def test_codes_of_a_text(text, codes):
    assert analyze_topic(text, LEXICON)[1] == codes


def test_place_features_count_body_and_title():
    features = place_features(["SY", "SY", "FR"], ["SY"])
    assert features.count("gc:SY") == 2 and features.count("gr:A") == 2 and features.count("gr:W") == 1
    assert features.count("gtc:SY") == 1 and "gf:A" in features
    assert "gs:3" in features  # 2 of 3 mentions are Arab: round(4 * 2 / 3) = 3
    assert place_features([], []) == ["gs:none"]
    assert place_features([], ["FR"])[-1] == "gs:0"  # the title's mentions when the body has none


def test_lexicon_round_trips_through_arrays(tmp_path):
    path = tmp_path / "lexicon.npz"
    np.savez(path, **LEXICON.to_arrays())
    with np.load(path) as data:
        assert PlaceLexicon.from_arrays(data) == LEXICON
    assert PlaceLexicon.from_arrays({}) == PlaceLexicon()


def test_lexicon_from_the_gazetteer():
    lexicon = build_lexicon(load_gazetteer(), stem=lambda word: _word_features(word)[1])
    assert lexicon.code("سوريا", "سوريا", None) == "SY"
    assert lexicon.code("دمشق", "دمشق", None) == "SY"  # a capital
    assert lexicon.code("والرياض", "رياض", None) == "SA"  # found as "ال" + stem
    assert lexicon.code("الاسرائيليه", "اسرائيليه", None) == "IL"  # a nationality adjective
    assert lexicon.code("المتحده", "متحده", "ولايات") == "US"
    assert lexicon.code("المدينه", "مدينه", None) == ""  # also an ordinary word


def test_ignored_words_and_spellings():
    assert article_features("الأميركية") == article_features("الأمريكية")
    assert article_features("ترمب") == article_features("ترامب")
    features = article_features("قال لبي بي سي في 3 شباط مصدر")
    assert not any(f.endswith(("_بي", "_سي", "شباط")) or f in ("w:بي", "w:سي", "w:شباط") for f in features)
    assert "b:سي_في" not in features and "b:في_مصدر" not in features and "b:قال_لبي" in features
