import spacy
import pytest

import marsad.components.events  # noqa: F401  (registers the factory)
from marsad.document import DateMention
from marsad.events import extract_events
from marsad.events.classify import LinearDetector, detect_sentence


def trigger_text(doc, event):
    return doc.text[event.trigger.start : event.trigger.end]


def test_meeting_with_actor_place_and_date(make_doc):
    text = "التقى جون كيري نظيره الروسي في جنيف مساء الجمعة"
    start = text.index("مساء الجمعة")
    doc = make_doc(text, ents=[("جون كيري", "PERS", "Q1"), ("جنيف", "LOC", "Q2")], places=["جنيف"], dates=[DateMention(start, start + 11, "2016-09-09")])
    (event,) = extract_events(doc)
    assert event.type == "MEET"
    assert trigger_text(doc, event) == "التقى"
    assert event.modality == "happened"
    assert event.place == 0
    assert event.date == "2016-09-09"
    assert (event.sentence.start, event.sentence.end) == (0, len(text))
    assert event.source is not None and event.source.entity_id == "Q1"  # verb-first: the subject follows
    # Geneva is where, not whom; the counterpart is named only by a description, kept as words
    assert event.target is not None and event.target.entity_id is None
    assert text[event.target.start : event.target.end] == "نظيره الروسي"


def test_entity_of_a_later_clause_is_not_the_target(make_doc):
    text = "شدد جون كيري بعد لقائه نظيره الروسي في جنيف على أن نظام الأسد لا يزال يدفع نحو الحل العسكري"
    doc = make_doc(text, ents=[("جون كيري", "PERS", "Q1"), ("جنيف", "LOC", "Q2"), ("الأسد", "PERS", "Q3")], places=["جنيف"])
    (event,) = [event for event in extract_events(doc) if event.type == "MEET"]
    assert event.source is not None and event.source.entity_id == "Q1"
    assert event.target is not None and event.target.name == "نظيره الروسي"


def test_unmarked_target_right_after_the_trigger(make_doc):
    text = "استقبل الرئيس محمود عباس في رام الله"
    doc = make_doc(text, ents=[("محمود عباس", "PERS", "Q1"), ("رام الله", "LOC", "Q2")], places=["رام الله"])
    (event,) = extract_events(doc)
    assert event.type == "MEET" and event.target is None and event.source is not None and event.source.entity_id == "Q1"


def test_passive_agent_is_source(make_doc):
    text = "ولفت إلى أن مدينة حلب لا تزال تحت الهجوم من قبل النظام السوري"
    doc = make_doc(text, ents=[("حلب", "LOC", "Aleppo"), ("النظام السوري", "ORG", "regime")], places=["حلب"])
    (event,) = extract_events(doc, detectors={})
    assert event.type == "ATTACK"
    assert event.modality == "happened"  # "لا تزال" is "still", not a negation
    assert event.source.entity_id == "regime"
    assert event.target.entity_id == "Aleppo"
    assert event.place == 0


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("قال إن الطرفين اتفقا على تكثيف الاتصالات", "AGREE", "agreed"),
        ("أعلن الجيش وقف إطلاق النار في المدينة", "CEASEFIRE", "announced"),
        ("نحتاج إلى إدخال المساعدات الإنسانية", "AID", "demanded"),
        ("نفى الجيش قصف المستشفى", "ATTACK", "denied"),
        ("لن نهرع إلى اتفاق مع روسيا", "AGREE", "denied"),
        ("منطقة أخرى ستبرم اتفاقا برعاية روسية", "AGREE", "announced"),  # future: stated to take place
        ("قد تبرم المنطقة اتفاقا برعاية روسية", "AGREE", "hypothetical"),
        ("وطالب المجلس بفتح تحقيق", "DEMAND", "demanded"),
        # a report of an arrest is no announcement of one; a meeting can be announced ahead
        ("أعلنت الشرطة اعتقال ثلاثة مشتبهين", "ARREST", "happened"),
        ("أعلن المكتب عقد اجتماع للوزراء", "MEET", "announced"),
        # What is awaited has not happened, even after a demand ("ضرورة ... دون انتظار").
        ("لافتا إلى ضرورة إيصال المساعدات دون انتظار وقف اطلاق النار", "CEASEFIRE", "hypothetical"),
        ("لافتا إلى ضرورة إيصال المساعدات دون انتظار وقف اطلاق النار", "AID", "demanded"),
        ("يترقب العالم القمة بين الزعيمين", "MEET", "hypothetical"),
        ("تظاهر الآلاف أمس في العاصمة", "PROTEST", "happened"),
        # The meeting is the occasion of the announcement, not what is announced.
        ("وأعلن كيري بعد اجتماع ماراثوني أن الطرفين تقدما", "MEET", "happened"),
        ("وأعلن الوزير عقب المحادثات أنه متفائل", "MEET", "happened"),
        ("وأعلن الوزير عقد اجتماع طارئ", "MEET", "announced"),
    ],
)
def test_modality(make_doc, text, event_type, expected):
    events = [event for event in extract_events(make_doc(text)) if event.type == event_type]
    assert [event.modality for event in events] == [expected]


def test_one_event_per_type_per_sentence_and_sentences_respected(make_doc):
    text = "تم خرق وقف إطلاق النار ونريد وقف إطلاق النار. والتقى الوزيران أمس."
    doc = make_doc(text, sentences=[text.index("والتقى")])
    events = extract_events(doc)
    assert [event.type for event in events] == ["CEASEFIRE", "MEET"]
    assert events[1].sentence.start == text.index("والتقى")


def test_missing_layers_are_treated_as_empty(nlp):
    doc = nlp("قصفت الطائرات المدينة")
    (event,) = extract_events(doc)
    assert event.place is None and event.date is None
    # no entities: the clause's subject and object are kept as words
    assert (event.source.name, event.source.entity_id, event.target.name) == ("الطائرات", None, "المدينة")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("ألقت الشرطة المحلية القبض على خمسة أشخاص قرب الحدود", "الشرطة المحلية", "خمسة أشخاص"),
        ("شنت مقاتلات التحالف غارات جوية على مواقع المسلحين", "مقاتلات التحالف", "مواقع المسلحين"),
        ("أوقفت قوات الأمن 12 مشتبها بهم", "قوات الأمن", "12 مشتبها"),
        ("وأدان البيان استهداف المدنيين والمسعفين", None, "المدنيين والمسعفين"),
    ],
)
def test_actors_kept_as_words(nlp, text, source, target):
    (event,) = extract_events(nlp(text))
    assert (event.source.name if event.source else None, event.target.name if event.target else None) == (source, target)


def test_boilerplate_is_skipped(make_doc, boilerplate):
    doc = boilerplate(make_doc("قصفت الطائرات المدينة"), 0, 3)
    assert extract_events(doc) == []


def test_component_assigns_events(nlp, make_doc):
    doc = make_doc("اعتقلت الشرطة ناشطا")
    doc = spacy.registry.factories.get("marsad_events")(nlp, "marsad_events")(doc)
    assert [event.type for event in doc._.events] == ["ARREST"]


def test_offsets_inside_text(make_doc):
    text = "وفي إجابة عن سؤال عما يجري في حلب ووقف اطلاق النار، قال كيري إن الهجوم مستمر."
    doc = make_doc(text)
    for event in extract_events(doc):
        assert 0 <= event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end <= len(text)


def test_detector_gate_drops_rejected_attack_sentences(make_doc):
    import numpy as np

    detector = LinearDetector(index={"s:حرب": 0}, idf=np.ones(1, dtype=np.float32), weights=np.array([-10.0], dtype=np.float32), bias=0.0, threshold=0.0)
    gated = {"ASSAULT": detector}
    assert extract_events(make_doc("قصفت الطائرات المدينة في الحرب"), detectors=gated) == []
    assert [e.type for e in extract_events(make_doc("قصفت الطائرات المدينة"), detectors=gated)] == ["ATTACK"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قصفت الطائرات الحربية مدينة حلب أمس ما أسفر عن مقتل 20 مدنيا", {"ASSAULT": True, "PROTEST": False}),
        ("تظاهر الآلاف أمس في العاصمة احتجاجا على الغلاء", {"ASSAULT": False, "PROTEST": True}),
    ],
)
def test_shipped_sentence_detectors_on_clear_cases(text, expected):
    assert detect_sentence(text) == expected


def test_agent_without_entity_and_locative_places_are_not_actors(make_doc):
    text = "مدينة حلب تحت الهجوم من قبل النظام وحلفائه"
    (event,) = extract_events(make_doc(text, ents=[("حلب", "LOC", "Aleppo")]), detectors={})
    assert (event.source.name, event.source.entity_id) == ("النظام", None)
    text = "التقى كيري لافروف في جنيف"
    (event,) = extract_events(make_doc(text, ents=[("كيري", "PERS", "K"), ("لافروف", "PERS", "L"), ("جنيف", "LOC", "G")]))
    assert (event.source.entity_id, event.target.entity_id) == ("K", "L")
    text = "التقى كيري في جنيف"
    (event,) = extract_events(make_doc(text, ents=[("كيري", "PERS", "K"), ("جنيف", "LOC", "G")]))
    assert event.target is None


def test_empty_doc_has_no_events(nlp):
    assert extract_events(nlp("")) == []


def _quote(text, content, speaker_name, entity_id, mention):
    from marsad.document import Mention, Quote, Speaker

    start = text.index(content)
    at = text.index(mention)
    speaker = Speaker(name=speaker_name, entity_id=entity_id, type="person", mentions=[Mention(at, at + len(mention))])
    return Quote(start=start, end=start + len(content), direct=True, cue=None, speaker=speaker)


def test_marked_target_stays_in_the_trigger_clause(make_doc):
    text = "تحدثنا عن الذين ينتهكون وقف اطلاق النار، واتفقنا على تكثيف الاتصالات مع واشنطن"
    doc = make_doc(text, ents=[("واشنطن", "LOC", "Q2")])
    events = {event.type: event for event in extract_events(doc, detectors={})}
    assert events["CEASEFIRE"].target is None  # Washington is the other side of the agreement only
    assert events["AGREE"].target is not None and events["AGREE"].target.entity_id == "Q2"


@pytest.mark.parametrize(
    "text",
    [
        "والتقى رئيس جنوب السودان سلفاكير ميرديت، الأربعاء، مع مشار في أديس أبابا",  # an aside between commas
        "وانتقد الاتفاق، الذي وقعه سلفه باراك أوباما، مع مشار",  # a relative clause describes the trigger
    ],
)
def test_marked_target_after_an_aside_or_a_relative_clause(make_doc, text):
    doc = make_doc(text, ents=[("مشار", "PERS", "Q3")])
    (event,) = [event for event in extract_events(doc, detectors={}) if event.type in ("MEET", "AGREE")]
    assert event.target is not None and event.target.entity_id == "Q3"


def test_quoted_speaker_saying_we_is_a_side_of_a_two_sided_event(make_doc):
    text = "وقال كيري: نحن قريبون لكننا لن نهرع إلى اتفاق مع روسيا"
    doc = make_doc(text, ents=[("روسيا", "LOC", "Q2")])
    doc._.quotes = [_quote(text, "نحن قريبون لكننا لن نهرع إلى اتفاق مع روسيا", "جون كيري", "Q1", "كيري")]
    (agree,) = [event for event in extract_events(doc, detectors={}) if event.type == "AGREE"]
    assert agree.modality == "denied"
    assert agree.source is not None and agree.source.entity_id == "Q1"
    assert agree.target is not None and agree.target.entity_id == "Q2"


def test_quoted_speaker_saying_we_is_not_the_attacker(make_doc):
    text = "وقال المتحدث: لن نسمح بهجوم على المدينة"
    doc = make_doc(text)
    doc._.quotes = [_quote(text, "لن نسمح بهجوم على المدينة", "المتحدث", "Q1", "المتحدث")]
    attacks = [event for event in extract_events(doc, detectors={}) if event.type == "ATTACK"]
    assert attacks and all(event.source is None for event in attacks)


def test_quoted_speaker_is_the_source_of_what_they_demand_or_agreed(make_doc):
    text = "وقال لافروف: تحدثنا عن الذين ينتهكون الهدنة، واتفقنا على تكثيف الاتصالات مع واشنطن"
    doc = make_doc(text, ents=[("واشنطن", "LOC", "Q2")])  # the speaker resolved by the quotes layer only
    doc._.quotes = [_quote(text, "تحدثنا عن الذين ينتهكون الهدنة، واتفقنا على تكثيف الاتصالات مع واشنطن", "سيرغي لافروف", "Q1", "لافروف")]
    (agree,) = [event for event in extract_events(doc) if event.type == "AGREE"]
    assert agree.source is not None and agree.source.entity_id == "Q1" and agree.source.name == "سيرغي لافروف"
    assert text[agree.source.start : agree.source.end] == "لافروف"
    assert agree.target is not None and agree.target.entity_id == "Q2"


def test_quoted_speaker_is_not_the_source_of_an_attack_they_report(make_doc):
    text = "وقال المتحدث: الطائرات قصفت المدينة امس"
    doc = make_doc(text)
    doc._.quotes = [_quote(text, "الطائرات قصفت المدينة امس", "أحمد علي", "Q1", "المتحدث")]
    (attack,) = extract_events(doc, detectors={})
    # the speaker reports the attack; the subject inside the quote made it
    assert attack.type == "ATTACK" and attack.source.name == "الطائرات"


@pytest.mark.parametrize("text", ["وقع انفجار جديد في ولاية تكساس امس", "وقع انفجار جديد بولاية تكساس امس"])
def test_place_in_a_locative_phrase_is_not_the_attacker(make_doc, text):
    doc = make_doc(text, ents=[("تكساس", "LOC", "Q1")], places=["تكساس"])
    (event,) = extract_events(doc, detectors={})
    assert event.type == "ATTACK" and event.source is None and event.target is None
    assert event.place == 0


def test_reporting_source_is_not_the_actor_of_the_reported_event(make_doc):
    text = "وذكرت صحيفة حرييت أن الشرطة التركية أطلقت النار على سائق جرار"
    doc = make_doc(text, ents=[("حرييت", "ORG", "Q1")])
    doc._.quotes = [_quote(text, "الشرطة التركية أطلقت النار على سائق جرار", "صحيفة حرييت", "Q1", "صحيفة حرييت")]
    (event,) = extract_events(doc, detectors={})
    # not the paper that reports it: the police, a description kept as words
    assert event.type == "ATTACK" and event.source.name == "الشرطة التركية" and event.source.entity_id is None


def test_coordinated_subjects_are_not_the_target_nor_the_place(make_doc):
    text = "وطالبت الولايات المتحدة وفرنسا وبريطانيا بسرعة التصويت على القرار"
    doc = make_doc(
        text,
        ents=[("الولايات المتحدة", "LOC", "Q1"), ("وفرنسا", "LOC", "Q2"), ("وبريطانيا", "LOC", "Q3")],
        places=["الولايات المتحدة", "فرنسا", "بريطانيا"],
    )
    (event,) = extract_events(doc)
    assert event.type == "DEMAND"
    assert event.source is not None and event.source.entity_id == "Q1"
    assert event.target is None and event.place is None


def test_a_pair_of_subjects_are_the_two_sides_of_an_agreement(make_doc):
    text = "أعلن كيري أن الولايات المتحدة وروسيا تمكنتا من التوصل إلى اتفاق"
    doc = make_doc(text, ents=[("كيري", "PERS", "Q0"), ("الولايات المتحدة", "LOC", "Q1"), ("وروسيا", "LOC", "Q2")], places=["الولايات المتحدة", "روسيا"])
    (event,) = [event for event in extract_events(doc, detectors={}) if event.type == "AGREE"]
    assert (event.source.entity_id, event.target.entity_id) == ("Q1", "Q2")


def test_a_list_of_subjects_is_led_by_its_first_and_stands_on_one_side(make_doc):
    # The guarantors meet together: none of them is the others' counterpart.
    text = "روسيا وإيران وتركيا تعقد اجتماعا"
    doc = make_doc(
        text,
        ents=[("روسيا", "LOC", "Q1"), ("وإيران", "LOC", "Q2"), ("وتركيا", "LOC", "Q3")],
        places=["روسيا", "إيران", "تركيا"],
    )
    (event,) = [event for event in extract_events(doc, detectors={}) if event.type == "MEET"]
    assert event.source is not None and event.source.entity_id == "Q1"
    assert event.target is None
    # One-sided events take the list's first as their source too.
    text = "وهاجم النظام وحزب الله مدينة حلب"
    doc = make_doc(text, ents=[("النظام", "ORG", "Q1"), ("وحزب الله", "ORG", "Q2"), ("حلب", "LOC", "Q3")], places=["حلب"])
    (event,) = [event for event in extract_events(doc, detectors={}) if event.type == "ATTACK"]
    assert event.source is not None and event.source.entity_id == "Q1"


def test_entity_with_a_preposition_is_never_the_source(make_doc):
    text = "ووصلت مساعدات انسانية للغوطة الشرقية"
    doc = make_doc(text, ents=[("للغوطة الشرقية", "LOC", "Q1")], places=["للغوطة الشرقية"])
    (event,) = extract_events(doc)
    assert event.type == "AID" and event.source is None
    assert event.target is not None and event.target.entity_id == "Q1"


def test_a_place_in_a_locative_phrase_beats_a_nearer_one_named_otherwise(make_doc):
    text = "قتل 12 مدنيا في قصف للتحالف بقيادة واشنطن استهدف قرية في محافظة دير الزور"
    doc = make_doc(text, ents=[("واشنطن", "LOC", "Q1"), ("دير الزور", "LOC", "Q2")], places=["واشنطن", "دير الزور"])
    (event,) = [event for event in extract_events(doc, detectors={}) if event.trigger.start == 0]
    assert event.place == 1


def test_a_place_naming_an_accord_is_no_party(make_doc):
    text = "وقال إن إسرائيل أنهت اتفاقات أوسلو مع الفلسطينيين"
    doc = make_doc(text, ents=[("إسرائيل", "LOC", "Q1"), ("أوسلو", "LOC", "Q2")], places=["إسرائيل", "أوسلو"])
    (event,) = [event for event in extract_events(doc) if event.type == "AGREE"]
    assert event.source is not None and event.source.entity_id == "Q1"
    assert event.target is None or event.target.entity_id != "Q2"


def test_misc_entities_are_no_actors(make_doc):
    text = "وبلغت قيمة المساعدات مليون درهم"
    doc = make_doc(text, ents=[("درهم", "MISC", "Q1")])
    (event,) = extract_events(doc)
    assert event.type == "AID" and event.source is None and event.target is None


def test_dateline_place_is_not_where_the_event_happened(make_doc):
    text = "دبي، الإمارات (CNN)-- وقعت السعودية اتفاقية مع شركة بوينغ"
    doc = make_doc(text, ents=[("دبي", "LOC", "Q1"), ("الإمارات", "LOC", "Q2"), ("السعودية", "LOC", "Q3")], places=["دبي", "الإمارات", "السعودية"])
    (event,) = extract_events(doc)
    assert event.type == "AGREE" and event.place is None
    assert event.source is not None and event.source.entity_id == "Q3"


def test_source_stands_in_the_triggers_own_clause(make_doc):
    text = "وكشف أن المركز أبلغ موسكو أن منطقة أخرى غير داريا ستبرم اتفاقاً برعاية روسية"
    doc = make_doc(text, ents=[("موسكو", "LOC", "Q1"), ("داريا", "LOC", "Q2")], places=["موسكو", "داريا"])
    (event,) = [event for event in extract_events(doc) if event.type == "AGREE"]
    assert event.source is None  # Moscow was told; Daraya is exactly not the one that acts
    assert event.place is None  # nor where it happens: only an attack takes a place named without "في"


def test_what_follows_a_verbal_noun_mid_clause_is_its_object(make_doc):
    text = "وقال نشطاء إن المقاتلات الحربية واصلت قصف الغوطة الشرقية طوال يوم الجمعة"
    doc = make_doc(text, ents=[("الغوطة الشرقية", "LOC", "Q1")], places=["الغوطة الشرقية"])
    (event,) = extract_events(doc, detectors={})
    # the subject of the support verb "واصلت" made the attack; the place after the noun was attacked
    assert event.type == "ATTACK" and event.source.name == "المقاتلات الحربية"
    assert event.target is not None and event.target.entity_id == "Q1"
