import pytest

from marsad.events import load_lexicon
from marsad.events.triggers import find_triggers

REQUIRED_TYPES = {"MEET", "ATTACK", "PROTEST", "CEASEFIRE", "AGREE", "AID", "ARREST", "THREATEN", "DEMAND"}


def test_lexicon_declares_required_types_with_codes():
    lexicon = load_lexicon()
    assert REQUIRED_TYPES <= set(lexicon.types)
    assert all(lexicon.cameo[t] and lexicon.plover[t] for t in lexicon.types)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("التقى الوزير نظيره".split(), ["MEET"]),
        ("بعد لقائه نظيره".split(), ["MEET"]),
        ("قصفت الطائرات المدينة".split(), ["ATTACK"]),
        ("تظاهر الآلاف أمس".split(), ["PROTEST"]),
        ("اتفاق وقف إطلاق النار".split(), ["CEASEFIRE"]),
        ("الهدنة صامدة".split(), ["CEASEFIRE"]),
        ("وإدخال المساعدات الإنسانية".split(), ["AID"]),
        ("اعتقلت الشرطة ناشطا".split(), ["ARREST"]),
        ("هدد الرئيس بالرد".split(), ["THREATEN"]),
        ("طالب المجلس بالإفراج".split(), ["DEMAND"]),
        ("ستبرم اتفاقا محليا".split(), ["AGREE"]),
        ("الطقس جميل اليوم".split(), []),
    ],
)
def test_triggers(words, expected):
    assert [match.type for match in find_triggers(words)] == expected


def test_ceasefire_blocks_shooting_reading():
    types = [match.type for match in find_triggers("وقف إطلاق النار".split())]
    assert "ATTACK" not in types


@pytest.mark.parametrize(
    "text",
    ["وزيرة التضامن الاجتماعي", "مواقع التواصل الاجتماعية", "بعد سوء تفاهم بينهما", "في لقاء تلفزيوني مساء الجمعة"],
)
def test_blocked_readings(text):
    assert find_triggers(text.split()) == []


def test_detention_is_arrest_not_protest():
    assert [match.type for match in find_triggers("احتجاز الناشط".split())] == ["ARREST"]


@pytest.mark.parametrize(
    "words, expected",
    [
        # attached pronouns and a bound ة: the lemma's entry still matches
        ("فرضت القوات حصارها على البلدة".split(), ["ATTACK"]),
        ("أوقفتهما الشرطة في المطار".split(), ["ARREST"]),
        ("وصل الوزير إلى قمته مع الرئيس".split(), ["MEET"]),
        ("وحث الأمين العام الطرفين".split(), ["DEMAND"]),
        # verbal nouns and passives of the guide's types
        ("حكمت المحكمة عليه بالسجن خمس سنوات".split(), ["ARREST"]),
        ("أعلنت الحكومة تعليق التفاوض".split(), ["MEET"]),
        ("وتكررت تهديدات الجماعة للسكان".split(), ["THREATEN"]),
        # a feminine noun ending is no pronoun: "وزارة" is not "زار" + ه; "his career" is no march
        ("أصدرت وزارة الصحة تقريرها".split(), []),
        ("بدأ اللاعب مسيرته في النادي".split(), []),
        ("سلمت الشرطة المحتجزين إلى النيابة".split(), ["ARREST"]),
    ],
)
def test_lemma_forms(words, expected):
    assert [m.type for m in find_triggers(words)] == expected


def test_missiles_fired_are_an_attack_missiles_named_are_not():
    assert [m.type for m in find_triggers("وأطلقت الفصائل خمسة صواريخ على البلدة".split())] == ["ATTACK"]
    assert find_triggers("وتسلم الجيش أنظمة صواريخ جديدة".split()) == []
