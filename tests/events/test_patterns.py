"""Trigger forms from lemmas (marsad.events.patterns) and their matches through the lexicon."""

import pytest

from marsad.events import load_lexicon
from marsad.events.patterns import Lemma, lemma_forms, participle_forms, perfect_forms
from marsad.events.triggers import find_triggers


def types_in(sentence):
    words = sentence.split()
    return [(m.type, " ".join(words[m.start : m.end])) for m in find_triggers(words, load_lexicon())]


def test_sound_perfect_takes_its_persons_but_not_the_dual_in_alef():
    assert perfect_forms("ناشد") == ["ناشد", "ناشدت", "ناشدوا", "ناشدتا", "ناشدنا"]


@pytest.mark.parametrize("perfect, expected", [("دعا", ["دعا", "دعت", "دعوا", "دعتا", "دعونا"]), ("اوصي", ["اوصي", "اوصت", "اوصوا", "اوصتا", "اوصينا"])])
def test_weak_final_letter_perfect(perfect, expected):
    assert perfect_forms(perfect) == expected


def test_participle_of_a_weak_root_drops_its_yeh_in_the_plural():
    assert participle_forms("داعي") == ["داعيا", "داعيه", "داعين", "داعون"]


def test_a_left_out_stem_gives_no_forms():
    forms = lemma_forms(Lemma("DEMAND", "حث", "يحث", "-", "-"))
    assert forms == ["حث", "حثت", "حثوا", "حثتا", "حثنا", "يحث*", "تحث*", "نحث*"]


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("وختم الوزير كلمته داعياً الشركات إلى خفض الأسعار", "داعياً"),
        ("وتحث النقابة أعضاءها على الالتزام بالقرار", "وتحث"),
        ("وخرج الأهالي مطالبين البلدية بإصلاح الطريق", "مطالبين"),
        ("وجدد الاتحاد مناشدته الأندية تسديد الرسوم", "مناشدته"),
    ],
)
def test_lemma_forms_are_demands(sentence, trigger):
    assert ("DEMAND", trigger) in types_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["وختم الخطيب كلمته داعياً الله أن يحفظ البلاد", "وفاز طالباً من المدرسة بالجائزة", "وأجرى الفريق بحثاً في الموضوع"],
)
def test_a_prayer_a_student_and_research_are_no_demands(sentence):
    assert "DEMAND" not in [kind for kind, _ in types_in(sentence)]


def test_donating_is_aid():
    assert ("AID", "للتبرع") in types_in("وتوافد السكان على المراكز للتبرع بالدم")
