"""Detection and attribution that carry across outlets (issue 15): sentences written for these tests."""

from __future__ import annotations

import pytest


def test_a_long_quotation_after_a_medium_is_what_was_written_there(attributed):
    text = 'وكتب المهندس سامر الخطيب على تويتر "أنهينا المرحلة الأولى من المشروع ونستعد للثانية بعد العيد".'
    assert [(cue, content) for cue, content, _ in attributed(text)] == [("وكتب", "أنهينا المرحلة الأولى من المشروع ونستعد للثانية بعد العيد")]


def test_a_quoted_name_after_a_medium_or_lam_stays_a_name(attributed):
    found = attributed('وقال المدرب لـ"صحيفة الملاعب" إن فريقه جاهز للمباراة.')
    assert [content for _, content, _ in found] == ["فريقه جاهز للمباراة"]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("واعتبر المدرب أحمد سالم الفريق مرشحا قويا للبطولة.", "واعتبر", "الفريق مرشحا قويا للبطولة", "أحمد سالم"),
        ("واعتبر رئيس النادي، سامي الخطيب، المباراة فرصة أخيرة للفريق.", "واعتبر", "المباراة فرصة أخيرة للفريق", "سامي الخطيب"),
    ],
)
def test_a_claim_verb_takes_its_noun_object_after_a_named_subject(attributed, text, cue, content, speaker):
    assert (cue, content, speaker) in attributed(text)


@pytest.mark.parametrize(
    "text",
    [
        "ويعتبر النادي الأكبر في المدينة من حيث عدد المشتركين.",  # "يُعتبر": is considered, nobody claims
        "وأظهرت أسرة اللاعب ارتياحا كبيرا بعد العملية، وشكرت الأطباء.",  # a feeling shown, no statement
        "واعتبر الفريق المباراة فرصة أخيرة.",  # no named subject: the verb's object is unknown
    ],
)
def test_a_noun_object_without_a_named_subject_or_claim_verb_is_no_quote(attributed, text):
    assert attributed(text) == []


def test_a_person_introduced_by_the_sentence_before_takes_the_floor(attributed):
    text = (
        "وقال الوزير سامي العلي إن الخطة جاهزة. "
        "وحضر الاجتماع المهندس كريم يوسف، الذي شارك في التصميم. "
        "وقال إن التنفيذ سيبدأ قريبا."
    )
    found = {content: speaker for _, content, speaker in attributed(text)}
    assert found["الخطة جاهزة"] == "سامي العلي"
    assert found["التنفيذ سيبدأ قريبا"] == "كريم يوسف"


def test_a_continuing_verb_keeps_the_last_speaker(attributed):
    text = (
        "وقال الوزير سامي العلي إن الخطة جاهزة. "
        "وحضر الاجتماع المهندس كريم يوسف. "
        "وأضاف أن التنفيذ سيبدأ قريبا."
    )
    found = {content: speaker for _, content, speaker in attributed(text)}
    assert found["التنفيذ سيبدأ قريبا"] == "سامي العلي"


@pytest.mark.parametrize("medium", ["لصحيفة الأخبار", "لشبكة إيه بي سي الأسترالية"])
def test_the_medium_told_is_no_speaker(attributed, medium):
    text = f"وتحدث الشاب سامر يوسف عن تجربته. وقال {medium} إن الوضع صعب."
    assert [(content, speaker) for _, content, speaker in attributed(text)] == [("الوضع صعب", "سامر يوسف")]


def test_a_speaker_after_the_medium_told_is_kept(attributed):
    found = attributed("وقال لوكالة الأنباء الفرنسية مسؤول حكومي إن الوضع صعب.")
    assert [(content, speaker) for _, content, speaker in found] == [("الوضع صعب", "مسؤول حكومي")]


def test_a_participle_takes_the_speaker_of_the_reporting_verb_before_it(attributed):
    text = "وتحدث الصحفي كريم يوسف عن عقد كبير للمدرب، وهو ما نفته المتحدثة باسم النادي سارة العمري، مشيرة إلى أن الأرقام غير صحيحة."
    assert [(content, speaker) for _, content, speaker in attributed(text)] == [("الأرقام غير صحيحة", "سارة العمري")]


def test_a_report_ends_where_a_new_cue_opens_its_own_quotation(attributed):
    text = 'وأكد الوزير سامي العلي أن المؤتمر ناجح، قال العلي "لقد قمتم بعمل رائع جدا يا شباب".'
    assert [content for _, content, _ in attributed(text)] == ["المؤتمر ناجح", "لقد قمتم بعمل رائع جدا يا شباب"]


def test_a_quoted_name_between_a_new_cue_and_its_complementizer_still_ends_the_report(attributed):
    text = 'وأكد الوزير سامي العلي أن المؤتمر ناجح، تقول صحيفة "المساء" المحلية إن الحضور كان كبيرا.'
    assert [content for _, content, _ in attributed(text)] == ["المؤتمر ناجح", "الحضور كان كبيرا"]


def test_a_participle_before_its_own_quotation_ends_the_report_before_it(attributed):
    text = 'وأعلن الوزير سامي العلي أن المؤتمر سينعقد في موعده، ثم التفت إلى الحضور قائلا: "لقد قمتم بعمل رائع جدا يا شباب".'
    found = [content for _, content, _ in attributed(text)]
    assert found[-1] == "لقد قمتم بعمل رائع جدا يا شباب"
    assert "قائلا" not in found[0] and "لقد قمتم" not in found[0]


def test_a_passive_narration_after_a_comma_ends_the_report(attributed):
    text = "وقال المتحدث باسم الدفاع المدني سامي العلي إن الحريق اندلع في مستودع قديم، وتم نقل المصابين إلى المستشفى."
    assert [content for _, content, _ in attributed(text)] == ["الحريق اندلع في مستودع قديم"]


def test_a_verb_after_a_short_opening_phrase_opens_its_clause(attributed):
    found = attributed("وفي كلمة أمام البرلمان أعلن الرئيس سامي العلي الانسحاب من الاتفاقية التجارية.")
    assert [(content, speaker) for _, content, speaker in found] == [("الانسحاب من الاتفاقية التجارية", "سامي العلي")]


def test_a_verb_in_a_relative_clause_after_an_opening_phrase_reports_nothing(attributed):
    assert attributed("وفي الوقت الذي أعلن فيه الوزير النتائج، غادر الوفد القاعة.") == []


@pytest.mark.parametrize("document", ["بيان", "بلاغ"])
def test_a_source_phrase_naming_a_document_gives_its_author(attributed, document):
    found = attributed(f"وتمكنت الوحدات من توقيف ثلاثة أشخاص في المدينة، وفق {document} لوزارة الداخلية.")
    assert [speaker for _, _, speaker in found] == ["وزارة الداخلية"]


def test_a_source_phrase_naming_a_body_keeps_its_whole_name(attributed):
    found = attributed("وتمكنت الوحدات من توقيف ثلاثة أشخاص في المدينة، بحسب الشرطة المحلية.")
    assert [speaker for _, _, speaker in found] == ["الشرطة المحلية"]


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("ويعيش المهندس كريم حداد في المدينة منذ سنوات ويقول إن الحي تغير كثيرا.", "الحي تغير كثيرا", "كريم حداد"),
        ("أما رئيس بعثة المنتخب للبطولة خالد الشافعي أكد على أن الإعداد كان ممتازا.", "الإعداد كان ممتازا", "خالد الشافعي"),
    ],
)
def test_a_person_opening_the_sentence_speaks_for_its_later_verb(attributed, sentence, content, speaker):
    found = {text: name for _, text, name in attributed("وقال المدرب سامي يوسف إن الفريق جاهز. " + sentence)}
    assert found[content] == speaker


def test_a_lawyer_opening_the_sentence_is_not_named_by_his_client(attributed):
    found = attributed("أدلى محامي الرئيس سامي العلي بتصريحات جديدة، وقال إن موكله بريء.")
    assert all(speaker != "سامي العلي" for _, _, speaker in found)


def test_a_quoted_name_of_several_words_is_the_speaker(attributed):
    text = 'وقال الوزير سامي العلي إن الخطة جاهزة. وقالت "إذاعة صوت المدينة الحرة" إن الاجتماع تأجل.'
    found = {content: speaker for _, content, speaker in attributed(text)}
    assert found["الاجتماع تأجل"] == "إذاعة صوت المدينة الحرة"


def test_an_interrogative_is_never_the_speaker(attributed):
    found = attributed("وتحدثت الشاهدة أمام المحكمة عن الليلة الأخيرة، ووصفت كيف أن المتهم هرب من النافذة.")
    assert found and all(speaker != "كيف" for _, _, speaker in found)


def test_a_document_speaks_for_the_body_that_published_it(attributed):
    found = attributed("وذكر التقرير الذي نشرته وزارة الصحة أن الإصابات تراجعت.")
    assert [(content, speaker) for _, content, speaker in found] == [("الإصابات تراجعت", "وزارة الصحة")]


@pytest.mark.parametrize("middle", ["عن مصادر أمنية قولها إن", "، عن مصادر أمنية قولها، في وقت سابق من الاثنين، أن"])
def test_the_source_conveyed_from_speaks_through_its_saying(attributed, middle):
    text = f"وقال الوزير سامي العلي إن الخطة جاهزة. ونقلت صحيفة الأخبار اليومية {middle} الاجتماع تأجل."
    found = {content: speaker for _, content, speaker in attributed(text.replace(" ،", "،"))}
    assert found["الاجتماع تأجل"] == "مصادر أمنية"


def test_a_definite_noun_before_a_name_is_its_title_and_the_name_ends_before_the_object(attributed):
    text = "وقال المدرب سامي يوسف إن الفريق جاهز. ووصف الحارس كريم حداد معسكر الفريق الخارجي بالجميل."
    found = {content: speaker for _, content, speaker in attributed(text)}
    assert found.get("معسكر الفريق الخارجي بالجميل") == "كريم حداد", found


def test_a_quoted_name_before_the_verb_counts_its_words_not_its_marks(attributed):
    text = 'وقال الوزير سامي العلي إن الخطة جاهزة. صحيفة "المساء الجديد" المحلية التي خصصت افتتاحيتها للموضوع، ترى أن الخطة متأخرة.'
    found = {content: speaker for _, content, speaker in attributed(text)}
    assert "المساء الجديد" in (found.get("الخطة متأخرة") or "")
