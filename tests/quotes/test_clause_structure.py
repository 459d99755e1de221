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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وجاء القرار إثر اعتبار الهيئة المحلية أن الاسم يضر بالطفل.", ("اعتبار", "الاسم يضر بالطفل")),
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
        "وباعتبار أن المدينة مركز تجاري، تسعى البلدية إلى جذب المستثمرين.",  # a connective, nobody's claim
        "والجدير بالذكر أن المعرض يفتح أبوابه غدا.",
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
    text = "وأعلن المدرب أنه باق في منصبه وانتقد اللاعبين بشدة وقال إنه سيغير الخطة."
    found = detected(text)
    assert ("وقال", "سيغير الخطة") in found
    assert all("وقال" not in content for _, content in found)


def test_a_report_of_a_report_keeps_the_inner_quote(detected):
    text = "وذكرت وكالات أنباء محلية أن وزير المالية، خالد السالم، قال إن العجز سينخفض."
    assert detected(text) == [("قال", "العجز سينخفض")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وأورد التقرير السنوي أن صادرات القمح ارتفعت.", ("وأورد", "صادرات القمح ارتفعت")),
        ("وأظهرت دراسة حديثة أن النوم المبكر يحسن الذاكرة.", ("وأظهرت", "النوم المبكر يحسن الذاكرة")),
        ("ويتباهى اللاعب أمام زملائه بأنه الأسرع في الفريق.", ("ويتباهى", "الأسرع في الفريق")),
    ],
)
def test_verbs_of_citing_showing_and_boasting(detected, text, found):
    assert found in detected(text)


@pytest.mark.parametrize(
    "text",
    [
        "وكل ذلك يؤكد أن المشروع يسير في الطريق الصحيح.",  # a fact bears it out
        "وارتفعت الأسعار مجددا، مما يؤكد أن الأزمة لم تنته.",
        "واختتمت أمس فعاليات المهرجان الصيفي في المدينة.",  # an event ended
        "وأورد الموقع الرسمي تفاصيل القرعة، علما أنها لن تشمل آسيا.",  # the writer's aside
    ],
)
def test_no_speaker_no_quote(detected, text):
    assert detected(text) == []


def test_a_coordinated_cue_with_a_colon_ends_the_quote_before_it(detected):
    text = "فقال الشيخ: أنا من هذه القرية، فابتسم الضيف ورحب بهما وقال: أهلا بكم في بيتي."
    found = detected(text)
    assert found[0][0] == "فقال" and found[0][1].startswith("أنا من هذه القرية") and "وقال" not in found[0][1]
    assert ("وقال", "أهلا بكم في بيتي") in found
    assert all(content != "بهما" for _, content in found)  # a pronoun object says nothing


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
    assert ("أعرب", "شكره للقائمين على المعرض") in detected("من جانبه أعرب المدير عن شكره للقائمين على المعرض.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the verb after the subject ("نقلوا" moved) is no cue of its own
        ("وقتل 16 مسلحا في المواجهات، ووفقا لمصادر طبية فإن المسلحين نقلوا قتلاهم إلى المستشفى.", ("ووفقا", "المسلحين نقلوا قتلاهم إلى المستشفى")),
        # "قضت" (ruled) made no quote: the trailing phrase names the source of the clause
        ("قضت محكمة محلية بالسجن عشرين عاما بحق مديرين اثنين، حسبما ذكرت التقارير الإخبارية أمس.", ("حسبما", "قضت محكمة محلية بالسجن عشرين عاما بحق مديرين اثنين")),
    ],
)
def test_source_phrases_around_their_clause(detected, text, found):
    assert found in detected(text)


def test_a_source_phrase_inside_an_open_quotation_is_the_quoted_words(detected):
    text = '"كشفت الأزمة نفاقا كبيرا، وعلى لسان الرئيس نفسه، ولا أحد يتحرك'
    assert all(not cue.endswith("لسان") for cue, _ in detected(text))


def test_a_short_name_set_off_by_commas_after_a_source_word_is_the_source(detected):
    text = "ولم يتم التعرف على هوية السائق، بحسب الأناضول، وفتحت الشرطة تحقيقا."
    assert ("بحسب", "ولم يتم التعرف على هوية السائق") in detected(text)
    # without the commas the phrase qualifies the act ("according to the plan")
    assert detected("وسيواصل الفريق تدريباته بحسب الخطة المعدة سلفا قبل المباراة.") == []
