"""Detection by clause structure: subjects before the verb, objects as content, quoted terms inside a clause."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وأغلب المهندسين في الورشة يعتقدون أن الجسر سيفتتح قبل الصيف.", ("يعتقدون", "الجسر سيفتتح قبل الصيف")),
        ("لكن الدراسات الحديثة تقول إن عدد القراء تضاعف.", ("تقول", "عدد القراء تضاعف")),
        ("ومن الأهالي من يرى أن الطريق الجديد خطر.", ("يرى", "الطريق الجديد خطر")),
    ],
)
def test_subject_before_an_imperfect_verb_then_a_complementizer(detected, text, found):
    assert found in detected(text)


def test_a_thing_described_by_a_verb_reports_nothing(detected):
    assert detected("وحمل الطلاب أوراقا ملونة تقول إن الامتحان صعب.") == []


def test_a_question_verb_with_whether_is_no_statement(detected):
    assert detected("والمشجعون يتساءلون إن كان المدرب سيبقى الموسم المقبل.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وكانت وزارة النقل قد أعلنت إغلاق الطريق الساحلي للصيانة.", ("أعلنت", "إغلاق الطريق الساحلي للصيانة")),
        ("وكانت الشركة أعلنت الأسبوع الماضي إغلاق مصنعها في المدينة.", ("أعلنت", "الأسبوع الماضي إغلاق مصنعها في المدينة")),
    ],
)
def test_kana_subject_then_announce_verb_reports_its_object(detected, text, found):
    assert found in detected(text)


def test_a_short_quoted_name_inside_the_clause_is_not_the_quote(detected):
    text = 'ورأى رئيس النادي، المهندس "سامي العلي" الملعب جاهزا للموسم، ثم غادر.'
    assert all(content != "سامي العلي" for _, content in detected(text))
    text = 'وأكدت الجمعية نجاح حملة "شتاء دافئ" لمساعدة الأسر في القرى.'
    assert all(content != "شتاء دافئ" for _, content in detected(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وتأجل الافتتاح بعد اعتبار لجنة السلامة أن المبنى غير مكتمل.", ("اعتبار", "المبنى غير مكتمل")),
        ("ورفض المتحدث مزاعم المعارضة بأن الانتخابات زورت.", ("مزاعم", "الانتخابات زورت")),
        ("وغادر المدرب القاعة بعد تأكيده أن الفريق سيعود أقوى.", ("تأكيده", "الفريق سيعود أقوى")),
        ("وأثار إعلان النادي أنه سيبيع الملعب غضب الجماهير.", ("إعلان", "سيبيع الملعب غضب الجماهير")),
    ],
)
def test_verbal_noun_of_a_reporting_verb_with_its_complementizer(detected, text, found):
    assert found in detected(text)


@pytest.mark.parametrize(
    "text",
    [
        "وباعتبار أن الشتاء قريب، بدأت المدارس صيانة المدافئ.",  # a connective, nobody's claim
        "والجدير بالذكر أن الحديقة تفتح أبوابها صباحا.",
        "وقال الوزير في تصريح صحفي إن الوضع مستقر.",  # the noun stands between a cue and its content
    ],
)
def test_verbal_noun_that_reports_nothing_itself(detected, text):
    assert all(cue not in ("باعتبار", "بالذكر", "تصريح") for cue, _ in detected(text))


def test_verbal_nouns_are_made_from_the_verb_lexicon():
    from marsad.arabic.normalize import normalize
    from marsad.quotes.lexicon import load_lexicon

    nouns = load_lexicon().verbal_nouns
    for word in ("تأكيده", "بإعلانه", "اعتبار", "مطالبته", "استنكاره", "للتحذير", "وإقرار"):
        assert normalize(word) in nouns, word
    for word in ("أثناء", "أخبار", "إشارة", "إضافة"):  # other words, or nouns of hollow verbs with other senses
        assert normalize(word) not in nouns, word


def test_a_coordinated_cue_with_its_own_complementizer_ends_the_clause_before_it(detected):
    text = "وأكدت المديرة أن الامتحان كان سهلا ثم عرضت النتائج على الأهالي وقالت إنها راضية عنها."
    found = detected(text)
    assert ("وقالت", "راضية عنها") in found
    assert all("وقالت" not in content for _, content in found)


def test_a_report_of_a_report_keeps_the_inner_quote(detected):
    text = "وذكرت وكالات أنباء محلية أن وزير المالية، خالد السالم، قال إن العجز سينخفض."
    assert detected(text) == [("قال", "العجز سينخفض")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وأورد التقرير السنوي أن صادرات القمح ارتفعت.", ("وأورد", "صادرات القمح ارتفعت")),
        ("وأظهرت دراسة حديثة أن النوم المبكر يحسن الذاكرة.", ("وأظهرت", "النوم المبكر يحسن الذاكرة")),
        ("ويتباهى الطاهي دائما بأنه يعرف مئة وصفة.", ("ويتباهى", "يعرف مئة وصفة")),
    ],
)
def test_verbs_of_citing_showing_and_boasting(detected, text, found):
    assert found in detected(text)


@pytest.mark.parametrize(
    "text",
    [
        "وهذا يؤكد أن المصنع يعمل بكامل طاقته.",  # a fact bears it out
        "وارتفعت الأسعار مجددا، مما يؤكد أن الأزمة لم تنته.",
        "واختتمت مساء الخميس دورة الشطرنج المدرسية.",  # an event ended
        "ونشرت الجامعة جدول الامتحانات، علما أنها ستبدأ في الربيع.",  # the writer's aside
    ],
)
def test_no_speaker_no_quote(detected, text):
    assert detected(text) == []


def test_a_coordinated_cue_with_a_colon_ends_the_quote_before_it(detected):
    text = "فقال البائع: هذه آخر قطعة عندي، فنظر إليه التاجر وأشاد بها وقال: سآخذها بأي ثمن."
    found = detected(text)
    assert found[0][0] == "فقال" and found[0][1].startswith("هذه آخر قطعة عندي") and "وقال" not in found[0][1]
    assert ("وقال", "سآخذها بأي ثمن") in found
    assert all(content != "بها" for _, content in found)  # a pronoun object says nothing


def test_a_report_inside_an_indirect_report_with_its_own_complementizer(detected):
    text = "وذكرت القناة أن الشرطة اعتقلت عشرين شخصا من أنصار حركة يتهمها الادعاء بأنها نظمت الاحتجاجات."
    found = detected(text)
    assert [cue for cue, _ in found] == ["وذكرت", "يتهمها"]
    assert found[1][1] == "نظمت الاحتجاجات"


@pytest.mark.parametrize(
    "text",
    [
        'وقال الوزير: "نحن نرى أن الحل قريب وأن الطرفين يعرفان ذلك".',  # the speaker's own words
        "وأكد المدير أن الخطة إذا كانت تصر على التوسع السريع، فإن الشركة ستخسر.",  # a connective far off
    ],
)
def test_no_report_split_out_of_a_quote(detected, text):
    assert len(detected(text)) == 1


def test_a_discourse_marker_before_a_stance_verb_keeps_it_clause_initial(detected):
    assert ("أعربت", "أملها في افتتاح المكتبة قريبا") in detected("من جهتها أعربت الجمعية عن أملها في افتتاح المكتبة قريبا.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the verb after the subject ("نقلوا" moved) is no cue of its own
        ("وتوقف الإنتاج أمس، ووفقا لمصادر نقابية فإن العمال نقلوا المعدات إلى المخزن.", ("ووفقا", "العمال نقلوا المعدات إلى المخزن")),
        # "قضت" (ruled) made no quote: the trailing phrase names the source of the clause
        ("قضت محكمة الاستئناف ببراءة المهندس من تهمة الإهمال، حسبما ذكرت الصحف المحلية.", ("حسبما", "قضت محكمة الاستئناف ببراءة المهندس من تهمة الإهمال")),
    ],
)
def test_source_phrases_around_their_clause(detected, text, found):
    assert found in detected(text)


def test_a_source_phrase_inside_an_open_quotation_is_the_quoted_words(detected):
    text = '"تراجعت الثقة بالسوق كثيرا، وعلى لسان الخبراء أنفسهم، والمستثمرون قلقون'
    assert all(not cue.endswith("لسان") for cue, _ in detected(text))


def test_a_short_name_set_off_by_commas_after_a_source_word_is_the_source(detected):
    text = "وتأخرت الرحلة ثلاث ساعات، بحسب الرافدين، وعاد الركاب إلى الفندق."
    assert ("بحسب", "وتأخرت الرحلة ثلاث ساعات") in detected(text)
    # without the commas the phrase qualifies the act ("according to the plan")
    assert detected("وسيواصل الفريق تدريباته بحسب الخطة المعدة سلفا قبل المباراة.") == []
