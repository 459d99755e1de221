"""Detection by clause structure: subjects before the verb, objects as content, quoted terms inside a clause."""

from __future__ import annotations

import pytest

from marsad.pipeline import make_doc


@pytest.fixture(scope="module")
def detected(nlp):
    """Text -> [(cue, content)] through the whole default pipeline (speaker choice is not tested here)."""

    def run(text: str) -> list[tuple[str, str]]:
        doc = nlp(make_doc(nlp, text, article_id="t", meta={}))
        return [(text[q.cue.start : q.cue.end], text[q.start : q.end]) for q in doc._.quotes]

    return run


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ولا يزال كثير من الباحثين في الجامعة يعتقدون أن المشروع سينجح.", ("يعتقدون", "المشروع سينجح")),
        ("غير أن بعض الدراسات تقول إن عدد الزوار تضاعف.", ("تقول", "عدد الزوار تضاعف")),
        ("وهناك من يرى أن الخطة تأخرت كثيرا.", ("يرى", "الخطة تأخرت كثيرا")),
    ],
)
def test_subject_before_an_imperfect_verb_then_a_complementizer(detected, text, found):
    assert found in detected(text)


def test_a_thing_described_by_a_verb_reports_nothing(detected):
    assert detected("وحمل الطلاب أوراقا ملونة تقول إن الامتحان صعب.") == []


def test_a_question_verb_with_whether_is_no_statement(detected):
    assert detected("وما زال بعض الأعضاء يتساءلون إن كان الرئيس سيترشح مجددا.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وكانت هيئة الأرصاد قد أعلنت حالة التأهب في ثلاث مناطق.", ("أعلنت", "حالة التأهب في ثلاث مناطق")),
        ("وكانت الشركة أعلنت الأسبوع الماضي إغلاق مصنعها في المدينة.", ("أعلنت", "الأسبوع الماضي إغلاق مصنعها في المدينة")),
    ],
)
def test_kana_subject_then_announce_verb_reports_its_object(detected, text, found):
    assert found in detected(text)


def test_a_short_quoted_name_inside_the_clause_is_not_the_quote(detected):
    text = 'واعتبر مدرب الفريق، الإسباني "خوان لوبيز" فريقه مرشحا قويا للقب، ثم غادر.'
    assert all(content != "خوان لوبيز" for _, content in detected(text))
    text = 'وأكدت الجبهة استمرار حملة "الفجر الجديد" لتحرير القرى المجاورة.'
    assert all(content != "الفجر الجديد" for _, content in detected(text))
