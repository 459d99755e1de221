"""Subject and object from the order of a clause (marsad.events.roles), through extract_events."""

import marsad.components.events  # noqa: F401  (registers the factory)
from marsad.events import extract_events


def only(doc, kind):
    (event,) = [e for e in extract_events(doc) if e.type == kind]
    return event


def names(event):
    return (event.source.name if event.source else None, event.target.name if event.target else None)


def test_verb_first_subject_is_a_description_and_the_object_follows_it(make_doc):
    doc = make_doc("طالبت النقابة العمالية الحكومة بزيادة الأجور")
    assert names(only(doc, "DEMAND")) == ("النقابة العمالية", "الحكومة")


def test_subject_before_the_verb(make_doc):
    doc = make_doc("وكان المبعوث الخاص التقى صباح اليوم رئيس البرلمان")
    assert names(only(doc, "MEET")) == ("المبعوث الخاص", "رئيس البرلمان")


def test_pronoun_complementizer_takes_the_subject_of_the_clause_before(make_doc):
    doc = make_doc("أعلنت الشرطة المحلية أمس أنها اعتقلت ثلاثة مهربين")
    assert names(only(doc, "ARREST")) == ("الشرطة المحلية", "ثلاثة مهربين")


def test_killing_verb_first_is_read_as_a_passive(make_doc):
    doc = make_doc("وقتل خمسة جنود في كمين قرب الحدود")
    source, target = names(only(doc, "ATTACK"))
    assert source is None and target == "خمسة جنود"


def test_masculine_verb_before_a_feminine_noun_makes_it_the_object(make_doc):
    doc = make_doc("وحث البلديات على تسريع الأعمال")
    assert names(only(doc, "DEMAND"))[1] == "البلديات"


def test_agent_in_a_relative_clause_of_an_event_noun(make_doc):
    doc = make_doc("وأدان البيان الهجوم الذي شنه مسلحون مجهولون على القرية")
    assert names(only(doc, "ATTACK"))[0] == "مسلحون مجهولون"


def test_genitive_agent_before_an_object_in_lam(make_doc):
    doc = make_doc("وتواصل قصف الجيش لأحياء المدينة الشرقية")
    assert names(only(doc, "ATTACK")) == ("الجيش", "أحياء المدينة الشرقية")


def test_a_topic_is_not_the_one_met(make_doc):
    doc = make_doc("وقال النواب إنهم سيناقشون الميزانية الأسبوع المقبل")
    assert only(doc, "MEET").target is None


def test_title_and_name_after_a_comma_are_one_subject(make_doc):
    text = "واستقبل وزير الداخلية، سعيد الناصر، وفدا من البرلمان"
    doc = make_doc(text, ents=[("سعيد الناصر", "PERS", "Q7")])
    event = only(doc, "MEET")
    assert event.source.name == "وزير الداخلية، سعيد الناصر" and event.source.entity_id == "Q7"


def test_a_later_trigger_of_the_type_gives_the_target(make_doc):
    doc = make_doc("وقع انفجار قوي صباح اليوم واستهدف الانفجار حافلة الركاب")
    assert only(doc, "ATTACK").target.name == "حافلة الركاب"


def test_title_then_qualifiers_then_name_is_one_subject(make_doc):
    text = "وطالب محافظ المنطقة الشرقية خالد العمري رؤساء البلديات بتكثيف العمل"
    doc = make_doc(text, ents=[("خالد العمري", "PERS", "Q9")])
    event = only(doc, "DEMAND")
    assert event.source.name == "محافظ المنطقة الشرقية خالد العمري" and event.target.name == "رؤساء البلديات"


def test_a_manner_adverb_is_not_the_object(make_doc):
    doc = make_doc("نفذت الطائرات قصفاً جوياً مواقع المتمردين")
    assert only(doc, "ATTACK").target.name == "مواقع المتمردين"


def test_a_relative_verb_after_an_event_noun_is_not_its_object(make_doc):
    doc = make_doc("أدان السكان التفجيرات الانتحارية شهدتها المدينة")
    assert only(doc, "ATTACK").target is None


def test_a_description_after_an_event_noun_is_not_its_object(make_doc):
    doc = make_doc("وأدان البرلمان الاعتداء الآثم")
    assert only(doc, "ATTACK").target is None


def test_a_visit_takes_place_where_the_visitor_goes(make_doc):
    text = "وزار وزير الخارجية الإيطالي طهران الأسبوع الماضي"
    doc = make_doc(text, ents=[("طهران", "LOC", "Q5")], places=["طهران"])
    event = only(doc, "MEET")
    assert event.place == 0


def test_a_place_before_the_clause_locates_the_reporter_not_the_event(make_doc):
    text = "وقالت مصادر في باريس إن الوزيرين سيعقدان اجتماعا الأسبوع المقبل"
    doc = make_doc(text, ents=[("باريس", "LOC", "Q6")], places=["باريس"])
    assert only(doc, "MEET").place is None


def test_a_dateline_does_not_hide_the_subject_before_anha(make_doc):
    doc = make_doc("* عمان - «الغد»: أعلنت الشرطة الأردنية أمس أنها اعتقلت رجلا")
    assert names(only(doc, "ARREST")) == ("الشرطة الأردنية", "رجلا")


def test_a_demand_for_an_event_is_that_event_demanded(make_doc):
    events = extract_events(make_doc("ودعا الوزير الطرفين إلى إجراء محادثات مباشرة"))
    assert [(e.type, e.modality) for e in events] == [("MEET", "demanded")]


def test_a_demand_for_something_else_stays_a_demand(make_doc):
    events = extract_events(make_doc("وطالب النواب الحكومة بخفض الضرائب"))
    assert [e.type for e in events] == ["DEMAND"]


def test_a_meeting_without_an_actor_goes_on_about_the_last_one(make_doc):
    text = "وطالب وزير الخارجية سامي العلي المجتمع الدولي بالتحرك. وفي اجتماع لاحق أمس، شدد على الموقف نفسه."
    doc = make_doc(text, ents=[("سامي العلي", "PERS", "Q3")], sentences=[text.index("وفي")])
    meeting = only(doc, "MEET")
    assert meeting.source is not None and meeting.source.entity_id == "Q3"


def test_a_country_is_the_agent_of_a_relative_clause(make_doc):
    text = "وندد المجلس بالهجوم الذي تشنه اليونان على الجزيرة"
    doc = make_doc(text, ents=[("اليونان", "LOC", "Q41")])
    assert names(only(doc, "ATTACK"))[0] == "اليونان"


def test_lam_after_a_strike_names_who_struck(make_doc):
    doc = make_doc("وأدانت النقابة الضربة المشتركة للقوات الحليفة فجر الأحد")
    assert names(only(doc, "ATTACK"))[0] == "القوات الحليفة"


def test_lam_after_a_meeting_names_who_met(make_doc):
    doc = make_doc("وجاء القرار عقب اجتماع طارئ لمجلس الأمناء بمدينة الرباط")
    assert names(only(doc, "MEET")) == ("مجلس الأمناء", None)


def test_lam_after_a_verbal_noun_with_a_pronoun_is_its_object(make_doc):
    doc = make_doc("وتابعت الفرق العسكرية قصفها المدفعي لمواقع المتمردين")
    assert names(only(doc, "ATTACK"))[1] == "مواقع المتمردين"


def test_the_second_side_after_a_comma_is_still_between(make_doc):
    doc = make_doc("ويأتي ذلك قبيل القمة المنتظرة بين الملك الأردني، ورئيس الوزراء الهندي بشأن المياه")
    assert names(only(doc, "MEET")) == ("الملك الأردني", "رئيس الوزراء الهندي")


def test_a_verbal_noun_of_force_opening_a_headline_is_followed_by_its_victim(make_doc):
    text = "اغتيال سالم الهاشمي القيادي في الحزب قرب بيته"
    doc = make_doc(text, ents=[("سالم الهاشمي", "PERS", "Q3")])
    source, target = names(only(doc, "ATTACK"))
    assert source is None and target is not None and target.startswith("سالم الهاشمي")


def test_the_other_side_of_talks_after_where_and_when(make_doc):
    doc = make_doc("والتقى المبعوث أيضا أثناء وجوده في العاصمة مع ممثلي النقابات")
    assert names(only(doc, "MEET"))[1] == "ممثلي النقابات"


def test_with_after_at_the_same_time_is_no_party(make_doc):
    doc = make_doc("وعقد المجلس اجتماعه في مقره الدائم أمس بالتزامن مع الحكومة")
    assert names(only(doc, "MEET"))[1] is None


def test_with_before_a_title_and_a_name_marks_the_other_side(make_doc):
    text = "وقال إن لقاء مع الرئيس الفرنسي ماكرون سيكون مفيدا"
    doc = make_doc(text, ents=[("ماكرون", "PERS", "Q8")])
    assert names(only(doc, "MEET"))[1] == "ماكرون"


def test_aid_goes_to_whom_ila_names(make_doc):
    doc = make_doc("وتواصل المنظمات إيصال المساعدات إلى النازحين في المخيمات")
    assert names(only(doc, "AID"))[1] == "النازحين"


def test_the_victims_word_gives_way_to_the_trigger_that_tells_who(make_doc):
    doc = make_doc("وارتفع عدد القتلى جراء قصف الجيش لأحياء البلدة الشمالية")
    event = only(doc, "ATTACK")
    assert doc.text[event.trigger.start : event.trigger.end] == "قصف"
    assert names(event) == ("الجيش", "أحياء البلدة الشمالية")


def test_victims_alone_still_make_the_event(make_doc):
    doc = make_doc("وبلغ عدد القتلى عشرين شخصا")
    assert [e.type for e in extract_events(doc)] == ["ATTACK"]


def test_the_agent_of_doing_it_in_a_relative_clause(make_doc):
    doc = make_doc("وأدان البيان الاعتداءات المتكررة التي تقوم بها العصابات المسلحة في الريف")
    assert names(only(doc, "ATTACK")) == ("العصابات المسلحة", None)


def test_a_verb_after_a_fronted_time_and_its_comma_opens_its_clause(make_doc):
    doc = make_doc("وفي الأسبوع المقبل، سيناقش رئيس اللجنة الخطة مع النواب")
    assert names(only(doc, "MEET"))[0] == "رئيس اللجنة"


def test_a_time_word_after_a_support_verb_is_not_its_subject(make_doc):
    doc = make_doc("وقالت المصادر إن طائرات التحالف، شنت الخميس غارات على المعسكر")
    assert names(only(doc, "ATTACK"))[0].endswith("التحالف")


def test_a_subject_named_since_the_last_source_is_the_one_carried(make_doc):
    text = "وطالب الوزير سامي العلي بالتحرك. وقال الأمين العام ماجد الحسن إن الوضع صعب. وفي اجتماع لاحق، شدد على الموقف نفسه."
    doc = make_doc(
        text, ents=[("سامي العلي", "PERS", "Q3"), ("ماجد الحسن", "PERS", "Q4")], sentences=[text.index("وقال"), text.index("وفي")]
    )
    assert only(doc, "MEET").source.entity_id == "Q4"


def test_a_title_that_starts_with_waw_is_an_object_not_a_second_subject(make_doc):
    text = "وكان الرئيس التقى ولي العهد الأمير فيصل في القصر"
    doc = make_doc(text, ents=[("فيصل", "PERS", "Q5")])
    assert names(only(doc, "MEET"))[1] == "ولي العهد الأمير فيصل"


def test_the_one_received_after_where_and_when(make_doc):
    doc = make_doc("واستقبل المحافظ في مكتبه صباح اليوم، رئيس الغرفة التجارية")
    assert names(only(doc, "MEET")) == ("المحافظ", "رئيس الغرفة التجارية")


def test_a_feminine_description_after_a_plural_event_noun_is_no_target(make_doc):
    doc = make_doc("وتشهد المنطقة منذ أيام اشتباكات عنيفة")
    assert only(doc, "ATTACK").target is None


def test_the_verb_after_an_event_noun_is_no_target(make_doc):
    doc = make_doc("وقال الشهود إن المعارك الطاحنة خلفت دمارا واسعا")
    assert only(doc, "ATTACK").target is None
    doc = make_doc("وكان التفجير الأخير استهدف سوقا شعبية")
    assert only(doc, "ATTACK").target.name.startswith("سوقا")


def test_a_passive_with_tamma_tells_of_the_one_named_before(make_doc):
    doc = make_doc("وقال المحامي إن الطلاب الذين تم اعتقالهم نقلوا إلى سجن آخر")
    assert names(only(doc, "ARREST")) == (None, "الطلاب")


def test_the_one_who_suffered_an_attack_is_its_target(make_doc):
    text = "ومن بين الضحايا رامي، الذي تعرض لاعتداء داخل الملجأ"
    doc = make_doc(text, ents=[("رامي", "PERS", "Q2")])
    assert names(only(doc, "ATTACK"))[1] == "رامي"


def test_a_participle_in_apposition_after_a_name(make_doc):
    text = "ورفع المتظاهرون صورا للقيادي خالد ناصر، المعتقل منذ سنوات"
    doc = make_doc(text, ents=[("خالد ناصر", "PERS", "Q4")])
    assert names(only(doc, "ARREST")) == (None, "خالد ناصر")


def test_a_time_word_before_tamma_is_no_victim(make_doc):
    doc = make_doc("وفي يوم السبت تم القبض على ثلاثة مهربين")
    assert names(only(doc, "ARREST"))[1] == "ثلاثة مهربين"


def test_a_name_before_a_verb_of_force_with_no_object_is_its_victim(make_doc):
    text = "وكان الصحفي وليد قد اعتقل في العاصمة الشهر الماضي"
    doc = make_doc(text, ents=[("وليد", "PERS", "Q6")])
    assert names(only(doc, "ARREST")) == (None, "وليد")


def test_someone_named_before_a_passive_did_not_do_it(make_doc):
    doc = make_doc("وأعادت الحكومة رفات الجنود الذين قتلوا خلال الحرب")
    source, target = names(only(doc, "ATTACK"))
    assert source is None and target.endswith("الجنود")


def test_the_accused_is_the_source_of_the_event_of_the_accusation(make_doc):
    doc = make_doc("واتهمت النيابة العامة رجلين بالتخطيط لهجوم على السفارة")
    assert names(only(doc, "ATTACK"))[0] == "رجلين"


def test_a_protest_without_a_subject_is_by_the_protesters_the_sentence_names(make_doc):
    doc = make_doc("وتواصلت الاحتجاجات في المدينة، حيث رفع المحتجون لافتات")
    assert names(only(doc, "PROTEST"))[0] == "المحتجون"
    doc = make_doc("وتواصلت الاحتجاجات على أوضاع المحتجزين")
    assert names(only(doc, "PROTEST"))[0] is None


def test_who_condemns_an_attack_did_not_carry_it_out(make_doc):
    text = "وأدانت منظمة العفو الاغتيال الذي وقع أمس"
    doc = make_doc(text, ents=[("منظمة العفو", "ORG", "Q9")])
    assert only(doc, "ATTACK").source is None
    doc = make_doc("ونددت الحكومة بالهجوم على القرية")
    assert only(doc, "ATTACK").source is None


def test_the_country_a_visit_goes_to_is_its_place_not_its_target(make_doc):
    text = "وكان الوفد الحكومي يزور اليابان في تلك الأيام"
    doc = make_doc(text, ents=[("اليابان", "LOC", "Q17")], places=["اليابان"])
    event = only(doc, "MEET")
    assert event.target is None and event.place == 0


def test_the_agent_of_a_relative_clause_is_not_also_the_target(make_doc):
    text = "وندد البيان بالهجوم الذي تشنه إثيوبيا على القرى الحدودية"
    doc = make_doc(text, ents=[("إثيوبيا", "GPE", "Q115")])
    assert names(only(doc, "ATTACK")) == ("إثيوبيا", "القرى الحدودية")


def test_a_list_of_names_joined_over_a_title_leads_with_its_first(make_doc):
    text = "وسيعقد سامي النجار والرئيس الفرنسي جان مورو قمة في الشهر المقبل"
    doc = make_doc(text, ents=[("سامي النجار", "PERS", "Q1"), ("جان مورو", "PERS", "Q2")])
    assert names(only(doc, "MEET")) == ("سامي النجار", "جان مورو")


def test_a_partitive_after_with_is_the_one_met(make_doc):
    doc = make_doc("وسيلتقي الوزير غدا مع عدد من المزارعين في القرية")
    assert only(doc, "MEET").target.name == "عدد من المزارعين"


def test_the_other_side_of_talks_after_a_long_where_and_when(make_doc):
    doc = make_doc("والتقى المبعوث خلال جولته الإقليمية الطويلة في العاصمة القطرية الدوحة صباح الأحد مع ممثلين عن الفصائل")
    assert names(only(doc, "MEET"))[1] == "ممثلين"


def test_two_acts_joined_share_the_object_after_them(make_doc):
    doc = make_doc("وأسفرت الغارة عن مقتل وجرح عشرات المدنيين في السوق")
    assert names(only(doc, "ATTACK"))[1] == "عشرات المدنيين"


def test_a_plural_in_at_after_an_event_noun_is_its_object_not_a_verb(make_doc):
    doc = make_doc("وأعلن الجيش مقتل عشرات الجنود في الهجوم")
    assert names(only(doc, "ATTACK"))[1] == "عشرات الجنود"
