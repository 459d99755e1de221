"""Speaker attribution on the full pipeline (NER included): addressees, appositions, clause order."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "وقال للشبكة البريطانية إن المفاوضات ستستأنف الأسبوع المقبل.",
        'وقالت لبي بي سي: "لم نتلق أي إنذار قبل الفيضان".',
    ],
)
def test_addressee_after_the_verb_is_not_the_speaker(attributed, text):
    quotes = attributed(text)
    assert len(quotes) == 1
    name = quotes[0][2]
    assert name is None or not name.startswith(("ل", "الشبكة"))


def test_name_after_a_title_and_its_field_is_the_speaker(attributed):
    text = "وأفاد الخبير في شؤون الطاقة الدكتور نبيل العطار أن أسعار النفط سترتفع."
    assert [q[2] for q in attributed(text)] == ["نبيل العطار"]


def test_a_person_after_a_preposition_is_not_the_titled_speaker(attributed):
    text = "وقال وزير الخارجية في مؤتمر مشترك مع نظيره سيرغي لافروف إن الحل قريب."
    assert [q[2] for q in attributed(text)] == ["وزير الخارجية"]


def test_plural_source_keeps_its_own_name(attributed):
    text = "ووصف محللون القبض على كمال الدباغ بالإنجاز الكبير للأمن."
    assert all(q[2] != "كمال الدباغ" for q in attributed(text))


def test_subject_between_kana_and_qad_speaks_and_the_object_follows_the_verb(attributed):
    text = "وكان الوزير سمير الخطيب قد نفى اتهامات المعارضة، وهي تهم قديمة."
    assert attributed(text) == [("نفى", "اتهامات المعارضة، وهي تهم قديمة", "سمير الخطيب")]


def test_named_subject_before_an_imperfect_verb(attributed):
    text = "لكن المدرب السابق للفريق كريم الحسني يرى بأن خط الهجوم ضعيف."
    quotes = attributed(text)
    assert len(quotes) == 1 and "كريم الحسني" in quotes[0][2]


def test_a_noun_before_an_imperfect_verb_is_described_not_a_speaker(attributed):
    assert attributed("ورفع المحتجون لافتات تقول إن الحكومة فاشلة.") == []


def test_yudhkar_anna_is_the_writer_aside(attributed):
    quotes = attributed("ويذكر أن الرئيس ماهر السويدي تعهد بالرد على الهجوم.")
    assert all(cue != "ويذكر" for cue, _, _ in quotes)
    assert [q[2] for q in quotes] == ["ماهر السويدي"]


def test_trailing_source_without_comma_reports_the_nearest_clause(find_quotes, quoted):
    text = "وارتفعت الأسعار في الأسواق، وهي الأعلى منذ عقد بحسب وزير المالية سعيد الكرمي."
    [(content, name)] = quoted(text, find_quotes(text))
    assert content == "وهي الأعلى منذ عقد" and "سعيد الكرمي" in name


def test_trailing_source_after_a_comma_reports_the_sentence(find_quotes, quoted):
    text = "وتأجلت الرحلات كلها إلى الغد، بحسب الشرطة المحلية."
    assert quoted(text, find_quotes(text)) == [("وتأجلت الرحلات كلها إلى الغد", "الشرطة المحلية")]


def test_fa_inna_closes_a_source_phrase(find_quotes, quoted):
    text = "وحسب الوثائق التي نشرتها الوزارة فإن المشروع تأخر عامين."
    assert [content for content, _ in quoted(text, find_quotes(text))] == ["المشروع تأخر عامين"]


def test_one_word_before_a_source_phrase_is_no_statement(find_quotes):
    assert find_quotes('"المدينة وبحسب تقارير محلية') == []


def test_a_plain_phrase_with_hasab_is_no_source(find_quotes):
    assert find_quotes("وتم الاتفاق حسب الخطة.") == []


def test_abbara_an_is_a_cue(find_quotes, quoted):
    text = "وعبر رئيس النادي عن سعادته بنتائج الفريق هذا الموسم."
    assert quoted(text, find_quotes(text)) == [("سعادته بنتائج الفريق هذا الموسم", "رئيس النادي")]


def test_abra_as_via_neither_reports_nor_stops_a_scan(find_quotes, quoted):
    text = 'وقال الوزير، في مؤتمر صحفي عبر الهاتف، الاثنين: "الوضع مستقر تماما".'
    assert quoted(text, find_quotes(text)) == [("الوضع مستقر تماما", "الوزير")]
    assert find_quotes("ونشر الفيديو عبر حسابه على الإنترنت أمس.") == []


@pytest.mark.parametrize("cue", ["وبين", "وبيّن", "وبينت"])
def test_bayyana_anna_is_a_cue(find_quotes, quoted, cue):
    text = f"{cue} المدير أن التسجيل يبدأ الأسبوع المقبل."
    assert quoted(text, find_quotes(text)) == [("التسجيل يبدأ الأسبوع المقبل", "المدير")]


def test_bayna_as_between_is_no_cue(find_quotes):
    assert find_quotes("ووقعت مواجهات بين الشرطة والمحتجين في وسط المدينة.") == []
    assert find_quotes("وجرى اتصال بين الزعيمين أمس، حسب ما أفادت وكالة الأنباء الرسمية.") != []


@pytest.mark.parametrize("line", ["لندن - «الرأي»: أطلقت شركة جديدة خدمة للبث في أوروبا.", "وكالات- عمان: افتتح المعرض الدولي للكتاب أبوابه أمس."])
def test_a_dateline_is_no_headline_quote(find_quotes, line):
    assert find_quotes(line) == []


def test_a_headline_quote_keeps_its_speaker(find_quotes, quoted):
    text = "الوزير: لن نتراجع عن القرار"
    assert quoted(text, find_quotes(text)) == [("لن نتراجع عن القرار", "الوزير")]


@pytest.mark.parametrize("opening", ["ويعتقد أن", "ويتوقع أن", "يذكر أن"])
def test_sentence_opening_passive_of_belief_has_no_speaker(find_quotes, opening):
    text = f"قال الوزير إن الوضع صعب. {opening} الحل سيأتي قريبا."
    assert [text[q.cue.start : q.cue.end] for q in find_quotes(text)] == ["قال"]


def test_sentence_opening_verb_of_saying_continues_the_speaker(find_quotes, quoted):
    text = "قال الوزير إن الوضع صعب. ويضيف أن الحل سيأتي قريبا."
    assert quoted(text, find_quotes(text)) == [("الوضع صعب", "الوزير"), ("الحل سيأتي قريبا", "الوزير")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وكانت لجنة حكومية قد فتحت تحقيقا في الحادث، وأوصت بتقديم تعويض للضحايا.", "لجنة حكومية"),
        ("فأظهر الرئيس غضبه من القرار وهدد بالانسحاب من الاتفاق.", "الرئيس"),
    ],
)
def test_coordinated_verb_takes_the_first_clause_subject(find_quotes, text, speaker):
    assert [q.speaker.name for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وجاء في بيان وزارة الصحة أن عدد الإصابات ارتفع إلى مئة.", "عدد الإصابات ارتفع إلى مئة", "وزارة الصحة"),
        ('وجاء في البيان "نرفض هذه الاتهامات جملة وتفصيلا".', "نرفض هذه الاتهامات جملة وتفصيلا", "البيان"),
    ],
)
def test_ja_fi_names_the_source_of_what_follows(find_quotes, quoted, text, content, speaker):
    assert quoted(text, find_quotes(text)) == [(content, speaker)]


def test_ja_fi_without_a_report_is_no_quote(find_quotes):
    assert find_quotes("وجاء في المرتبة الثانية فريق النصر.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأوضح تقرير للمركز الوطني للإحصاء أن البطالة تراجعت.", "المركز الوطني للإحصاء"),
        ("وذكر بيان صادر عن مكتب الرئيس أن الزيارة تأجلت.", "مكتب الرئيس"),
        ("وقال البيان إن الزيارة تأجلت.", "البيان"),
    ],
)
def test_a_document_speaks_for_its_author(find_quotes, text, speaker):
    assert [q.speaker.name for q in find_quotes(text)] == [speaker]


def test_words_before_a_coordinated_verb_are_no_subject(find_quotes):
    text = 'قال المدرب إن الفريق جاهز. ووصف الحارس المعسكر بالجميل، ومبديا ارتياحه بالنتائج الأخيرة، وقال: "المعسكر ناجح".'
    last = find_quotes(text)[-1]
    assert text[last.start : last.end] == "المعسكر ناجح"
    assert "ارتياحه" not in (last.speaker.name or "")


def test_a_clause_link_before_the_verb_hides_the_phrase_before_it(find_quotes):
    text = 'ونشر الوزير تغريدة على موقع التواصل، تويتر، حيث قال: "نحن مستعدون".'
    [quote] = find_quotes(text)
    assert quote.speaker.name != "تويتر"


def test_a_link_label_before_a_headline_quote_is_layout(find_quotes, quoted):
    text = "رابط الخبر بصحيفة الأنباء: وزير الصحة : المستشفيات جاهزة لاستقبال المرضى"
    assert quoted(text, find_quotes(text)) == [("المستشفيات جاهزة لاستقبال المرضى", "وزير الصحة")]


def test_one_quoted_word_inside_a_noun_phrase_is_a_name(find_quotes, quoted):
    text = 'ونقلت وكالة الأنباء الرسمية "سبوتنيك" حوارها مع الوزير، الذي قال إن المفاوضات مستمرة.'
    assert [content for content, _ in quoted(text, find_quotes(text))] == ["المفاوضات مستمرة"]


def test_one_quoted_word_after_the_speaker_is_a_quote(find_quotes, quoted):
    text = 'وقال الوزير "لا" ثم غادر القاعة.'
    assert quoted(text, find_quotes(text)) == [("لا", "الوزير")]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("ورحب الوزير بالبيان المشترك معتبرا أن البيان خطة عمل للمستقبل.", [("بالبيان المشترك", "الوزير"), ("البيان خطة عمل للمستقبل", "الوزير")]),
        ("وأشاد المدير بجهود الفرق الميدانية داعيا إلى مضاعفة العمل في الصيف.", [("بجهود الفرق الميدانية", "المدير"), ("مضاعفة العمل في الصيف", "المدير")]),
    ],
)
def test_participle_in_its_frame_reports_without_a_comma(find_quotes, quoted, text, reports):
    assert quoted(text, find_quotes(text)) == reports


def test_participle_without_its_frame_is_no_report(find_quotes, quoted):
    text = "وقال الوزير إن الفريق وصل إلى المدينة مرتديا الزي الرسمي."
    assert [content for content, _ in quoted(text, find_quotes(text))] == ["الفريق وصل إلى المدينة مرتديا الزي الرسمي"]


def test_a_second_expert_with_the_same_title_is_a_new_speaker(attributed):
    text = (
        "وأفاد الخبير في شؤون الطاقة الدكتور نبيل العطار أن الأسعار سترتفع.\n"
        "من جهته، رحب الخبير في شؤون الطاقة الدكتور سمير الحداد بالقرار الجديد."
    )
    assert [q[2] for q in attributed(text)] == ["نبيل العطار", "سمير الحداد"]


def test_mid_clause_wifq_qualifies_an_act_and_reports_nothing(find_quotes):
    text = "وسيواصل الفريق تدريباته في المعسكر وفق البرنامج المعد من الجهاز الفني، قبل العودة إلى الرياض الأسبوع المقبل."
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("ويقول بعض الخبراء إن الأزمة ستطول.", "بعض الخبراء"),
        ("ويرى بعض المحللين أن الأسعار سترتفع.", "بعض المحللين"),
        ("وأكد جميع الوزراء أن الخطة جاهزة.", "جميع الوزراء"),
    ],
)
def test_a_quantified_group_of_people_is_the_speaker(attributed, text, speaker):
    assert [q[2] for q in attributed(text)] == [speaker]


def test_a_quantifier_over_time_names_nobody(attributed):
    assert all(q[2] != "بعض الوقت" for q in attributed("وقال بعض الوقت إن الأزمة ستطول."))


def test_a_second_report_in_one_sentence_is_its_own_quote(attributed):
    text = "وأعلن الوزير أنه سيستقيل من منصبه وقال إنه سيعود إلى التدريس."
    quotes = attributed(text)
    assert [(q[0], q[1]) for q in quotes] == [("وأعلن", "سيستقيل من منصبه"), ("وقال", "سيعود إلى التدريس")]
    assert {q[2] for q in quotes} == {"الوزير"}


def test_a_plural_pronoun_subject_opens_a_new_statement(attributed):
    text = "ويرى المراقبون أن الحوار سيستمر لكنهم يقولون إن النتائج بعيدة."
    quotes = attributed(text)
    assert [q[1] for q in quotes] == ["الحوار سيستمر", "النتائج بعيدة"]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("وكانت وزارة الصحة قد أعلنت حالة الطوارئ في عدد من المستشفيات.", "وزارة الصحة", "حالة الطوارئ في عدد من المستشفيات"),
        ("وكانت الهيئة أعلنت أمس إغلاق المعبر أمام الشاحنات.", "الهيئة", "أمس إغلاق المعبر أمام الشاحنات"),
    ],
)
def test_an_announcement_after_kana_has_its_subject_before_the_verb(attributed, text, speaker, content):
    assert [(q[2], q[1]) for q in attributed(text)] == [(speaker, content)]


def test_a_report_inside_a_relative_aside_ends_with_the_aside(attributed):
    text = "وكان الرجلان، اللذان قالت الشرطة إنهما من أصل أجنبي، يحملان متفجرات."
    assert [(q[2], q[1]) for q in attributed(text)] == [("الشرطة", "من أصل أجنبي")]


@pytest.mark.parametrize("marker", ["بدوره", "من جانبه"])
def test_a_verb_right_after_a_floor_marker_opens_its_clause(attributed, marker):
    text = f"وقع انفجار في المدينة أمس. {marker} أعرب الوزير عن أسفه للحادث."
    assert [(q[2], q[1]) for q in attributed(text)] == [("الوزير", "أسفه للحادث")]


def test_a_source_phrase_opening_the_sentence_reports_a_clause_with_its_own_verb(attributed):
    text = "وبحسب مصادر طبية فإن الجرحى نقلوا إلى المستشفى."
    assert [(q[2], q[1]) for q in attributed(text)] == [("مصادر طبية", "الجرحى نقلوا إلى المستشفى")]


def test_a_paragraph_that_is_one_quotation_continues_the_previous_speaker(attributed):
    text = 'وقال الوزير: "سنواصل العمل حتى النهاية".\n"ولن نتراجع عن أي خطوة اتخذناها، فالشعب يستحق الأفضل".\n"عودة الهدوء"\nوانتهى الاجتماع مساء.'
    quotes = attributed(text)
    assert [(q[2], q[1]) for q in quotes] == [
        ("الوزير", "سنواصل العمل حتى النهاية"),
        ("الوزير", "ولن نتراجع عن أي خطوة اتخذناها، فالشعب يستحق الأفضل"),
    ]  # the quoted subheading without a full stop is no quote


def test_a_quotation_before_its_cue_needs_no_comma(attributed):
    text = '"الحكومة فقدت ثقة الشارع ولا بد من التغيير" تكتب صحيفة الغارديان.'
    assert [(q[2], q[1]) for q in attributed(text)] == [("صحيفة الغارديان", "الحكومة فقدت ثقة الشارع ولا بد من التغيير")]


def test_a_pronoun_suffixed_noun_after_the_subject_is_the_object(attributed):
    assert [(q[2], q[1]) for q in attributed("وأكدت الشركة عزمها المضي قدما في المشروع.")] == [("الشركة", "عزمها المضي قدما في المشروع")]


def test_an_informed_source_keeps_its_adjective_and_a_time_word_stays_out(attributed):
    assert [q[2] for q in attributed("وقال مصدر مطلع إن المحققين انتهوا من الاستجواب.")] == ["مصدر مطلع"]
    assert [q[2] for q in attributed("وأفادت الوكالة مطلع يوليو بأن المحادثات توقفت.")] == ["الوكالة"]
