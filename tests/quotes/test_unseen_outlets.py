"""Clause patterns common in wire and agency copy: participles with a noun object, source phrases, asides."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وقال قائد الدوريات إن الحملة مستمرة، مؤكدا ضبط عشرين مخالفا خلال يومين.", ("مؤكدا", "ضبط عشرين مخالفا خلال يومين")),
        ("وتجمع السكان أمام البلدية، مؤكدين تمسكهم بحقهم في السكن.", ("مؤكدين", "تمسكهم بحقهم في السكن")),
        # "على" inside the object is not the verb's preposition: the whole object is the content
        ("وزار المحافظ المستشفى، مؤكدا حرص الدولة على صحة المرضى.", ("مؤكدا", "حرص الدولة على صحة المرضى")),
        # a prayer between dashes stands between the participle and its object
        ("واستقبل الأمير الوفد، مؤكداً -حفظه الله- دعم الإمارة للمشروع الجديد.", ("مؤكداً", "دعم الإمارة للمشروع الجديد")),
    ],
)
def test_an_announcing_participle_reports_its_noun_object(detected, text, found):
    assert found in detected(text)


def test_an_announcing_participle_with_its_preposition_still_starts_after_it(detected):
    found = detected("وقال المدير إن العمل تأخر، مؤكدا على أهمية إنجازه قبل الشتاء.")
    assert ("مؤكدا", "أهمية إنجازه قبل الشتاء") in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وحسب الدفاع المدني فقد تم إخلاء المبنى بالكامل.", ("وحسب", "تم إخلاء المبنى بالكامل")),
        ("ووفقا للتقرير الذي أصدرته الغرفة التجارية فقد تراجعت الصادرات بنسبة كبيرة.", ("ووفقا", "تراجعت الصادرات بنسبة كبيرة")),
    ],
)
def test_an_opening_source_phrase_closed_by_faqad(detected, text, found):
    assert found in detected(text)


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        ('وعلق المدرب على النتيجة قائلا "لعبنا بشكل جيد واستحققنا الفوز".', ("وعلق", "لعبنا بشكل جيد واستحققنا الفوز"), "النتيجة"),
        ("وعلقت الهيئة على الحادث قائلة إن التحقيق ما زال مستمرا.", ("وعلقت", "التحقيق ما زال مستمرا"), "الحادث قائلة إن التحقيق ما زال مستمرا"),
    ],
)
def test_a_saying_participle_after_the_topic_introduces_the_words(detected, text, found, not_found):
    quotes = detected(text)
    assert found in quotes
    assert all(content != not_found for _, content in quotes)


def test_a_semicolon_before_a_participle_ends_the_report_and_opens_another(detected):
    found = detected("وأشار المدير إلى أن القرعة ستجري كل مساء؛ مثمنا جهود الرعاة في إنجاح المهرجان؛ مشيدا بتعاون البلدية.")
    assert ("وأشار", "القرعة ستجري كل مساء") in found
    assert ("مثمنا", "جهود الرعاة في إنجاح المهرجان") in found


def test_a_topic_opened_by_an_before_the_verb(detected):
    found = detected("وقال الوزير سامي الخطيب إن الخطة جاهزة. وعن الحوادث الأخيرة أكد الوزير سامي الخطيب أن التحقيق مستمر.")
    assert ("أكد", "التحقيق مستمر") in found


def test_the_conjunction_written_apart_opens_a_new_report(detected):
    text = "و عن حملة النظافة أكد الوزير سامي الخطيب أن الفرق جاهزة، و أشار إلى أن البلديات ستتسلم معدات جديدة."
    found = detected(text)
    assert ("أكد", "الفرق جاهزة") in found
    assert ("أشار", "البلديات ستتسلم معدات جديدة") in found


def test_after_a_relative_pronoun_the_antecedent_accuses_and_the_noun_after_the_verb_is_accused(spoken):
    text = "وتلقت الأستاذة سارة الخطيب، التي اتهمت المدير خالد العمري بأنه أساء إليها، رسائل دعم كثيرة."
    found = dict(spoken(text))
    assert found.get("أساء إليها") == "سارة الخطيب"


def test_after_a_relative_pronoun_a_saying_verb_keeps_its_own_subject(spoken):
    text = "وكانت السيدتان، اللتان قالت الوزارة إنهما من سكان المدينة، تحملان حقيبتين."
    found = dict(spoken(text))
    assert found.get("من سكان المدينة") == "الوزارة"


@pytest.mark.parametrize(("word", "lemma"), [("نفاه", "نفى"), ("نفاها", "نفى"), ("أبداه", "أبدى"), ("وأوصاهم", "أوصى")])
def test_a_verb_ending_in_alef_maqsura_takes_an_object_pronoun_on_alef(word, lemma):
    from marsad.arabic.normalize import normalize
    from marsad.quotes.lexicon import load_lexicon

    lexicon = load_lexicon()
    norm = normalize(word)
    form = lexicon.cue(norm) or lexicon.cue(norm[1:])
    assert form is not None and form.lemma == normalize(lemma)


def test_the_noun_her_denial_is_no_verb():
    from marsad.arabic.normalize import normalize
    from marsad.quotes.lexicon import load_lexicon

    assert load_lexicon().cue(normalize("نفيها")) is None


def test_a_plural_in_construct_names_a_group_of_speakers(spoken):
    text = "وتحدثت تقارير عن صفقة كبيرة، وهو ما نفاه مسؤولو الاتحاد، مشيرين إلى أن الأرقام مبالغ فيها."
    found = dict(spoken(text))
    assert found.get("الأرقام مبالغ فيها") == "مسؤولو الاتحاد"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وكانت الوكالة تمول الشبكة وتعتبره شريكا أساسيا في الحرب.", ("وتعتبره", "شريكا أساسيا في الحرب")),
        ("واعتبرها المدرب سامي الخطيب خطوة مهمة للفريق.", ("واعتبرها", "خطوة مهمة للفريق")),
    ],
)
def test_a_judging_verb_with_an_object_pronoun_reports_its_predicate(detected, text, found):
    assert found in detected(text)


def test_a_passive_judging_verb_reports_nothing(detected):
    assert detected("ويعتبر المشروع من أكبر المشاريع في المنطقة.") == []


def test_others_are_an_unnamed_source(spoken):
    found = dict(spoken("وقال الوزير سامي الخطيب إن الخطة صائبة، في حين اعتبرها آخرون خطأ كبيرا."))
    assert found.get("خطأ كبيرا") == "آخرون"


def test_an_indirect_report_stops_at_the_full_stop_before_a_quotation(detected):
    text = 'وقال الوزير سامي الخطيب إن الخطة جاهزة تماما. "لقد بنى المدرب فريقا قويا هذا الموسم"، قال اللاعب خالد العمري.'
    found = detected(text)
    assert ("وقال", "الخطة جاهزة تماما") in found
    assert ("قال", "لقد بنى المدرب فريقا قويا هذا الموسم") in found


@pytest.mark.parametrize(
    "text",
    ["والحريق الأخير في السوق جاء ليؤكد على ضعف إجراءات السلامة.", "وتأتي هذه الخطوة لتؤكد أن الشركة ماضية في خططها."],
)
def test_an_event_that_came_to_confirm_is_no_speaker(detected, text):
    assert detected(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('وقالت المعلمة سارة الخطيب إن اليوم كان صعبا. ومضت تقول "لن ننسى هذه اللحظة أبدا".', "لن ننسى هذه اللحظة أبدا"),
        ("وقال الوزير سامي الخطيب إن الخطة جاهزة. ثم عاد ليؤكد أن القمة ستعقد في موعدها.", "القمة ستعقد في موعدها"),
    ],
)
def test_a_verb_of_going_on_before_the_reporting_verb(spoken, text, content):
    found = dict(spoken(text))
    assert content in found
    assert found[content] in ("سارة الخطيب", "سامي الخطيب")


def test_figures_of_a_named_body_are_its_statement(spoken):
    text = "وقال الوزير سامي الخطيب إن الخطة جاهزة. وارتفعت الديون بنسبة عشرة في المئة وفقا لتقديرات البنك الدولي."
    found = dict(spoken(text))
    assert found.get("وارتفعت الديون بنسبة عشرة في المئة") == "البنك الدولي"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وأكدت مجموعة الفيصل التجارية عزمها افتتاح فروع جديدة في المنطقة.", "عزمها افتتاح فروع جديدة في المنطقة", "مجموعة الفيصل التجارية"),
        ("وأعلن نادي الشباب الرياضي تعاقده مع مدرب جديد للفريق الأول.", "تعاقده مع مدرب جديد للفريق الأول", "نادي الشباب الرياضي"),
    ],
)
def test_a_group_or_club_announces(spoken, text, content, speaker):
    assert (content, speaker) in spoken(text)


def test_in_which_after_the_verb_comes_before_its_subject(spoken):
    text = "وجاء القرار في الأسبوع الذي كشفت فيه الشركة أنها أغلقت المصنع القديم."
    found = dict(spoken(text))
    assert found.get("أغلقت المصنع القديم") == "الشركة"


def test_a_long_title_with_its_place_then_the_name(spoken):
    text = "واعتبر مدير عام الشؤون الهندسية في جامعة المدينة الساحلية سابقا الدكتور سامي الخطيب، أن المشروع تأخر كثيرا."
    found = dict(spoken(text))
    assert found.get("المشروع تأخر كثيرا") == "سامي الخطيب"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("فيما تندد الجمعيات البيئية بقطع الأشجار في الغابة.", "بقطع الأشجار في الغابة", "الجمعيات البيئية"),
        ("واستنكرت قبائل الوادي التفجير الذي استهدف السوق الشعبي.", "التفجير الذي استهدف السوق الشعبي", "قبائل الوادي"),
    ],
)
def test_plural_bodies_speak(spoken, text, content, speaker):
    assert (content, speaker) in spoken(text)
