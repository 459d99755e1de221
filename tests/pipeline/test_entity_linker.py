
from marsad.pipeline import build_pipeline


def link(text, ents):
    nlp = build_pipeline(stages=("marsad_structure", "marsad_entity_linker"))
    doc = nlp.get_pipe("marsad_structure")(nlp.make_doc(text))
    spans = []
    position = 0
    for surface, label in ents:  # in text order
        start = doc.text.index(surface, position)
        position = start + len(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return nlp.get_pipe("marsad_entity_linker")(doc)


def ids(doc):
    return {ent.text: ent._.entity_id for ent in doc.ents}


def test_surname_joins_full_name():
    doc = link("التقى جون كيري نظيره. وقال كيري إن الحل قريب.", [("جون كيري", "PERS"), ("كيري", "PERS")])
    found = ids(doc)
    assert found["جون كيري"] == found["كيري"] == "E1"


def test_clitic_prefixed_mention_joins():
    doc = link("قال سيرغي لافروف إن موسكو مستعدة. ولافروف متفائل.", [("سيرغي لافروف", "PERS"), ("موسكو", "LOC"), ("ولافروف", "PERS")])
    found = ids(doc)
    assert found["سيرغي لافروف"] == found["ولافروف"]
    assert found["موسكو"] != found["ولافروف"]


def test_different_people_stay_apart():
    doc = link("التقى جون كيري سيرغي لافروف.", [("جون كيري", "PERS"), ("سيرغي لافروف", "PERS")])
    assert len(set(ids(doc).values())) == 2


def test_resolved_place_missed_by_the_model_joins_as_loc():
    from marsad.document import Place

    nlp = build_pipeline(stages=("marsad_structure", "marsad_entity_linker"))
    doc = nlp.get_pipe("marsad_structure")(nlp.make_doc("تم التطرق إلى الأوضاع في حلب والحسكة."))
    aleppo = doc.text.index("حلب")
    doc.ents = [doc.char_span(aleppo, aleppo + 3, label="LOC")]
    hasakah = doc.text.index("الحسكة")
    doc._.places = [
        Place(start=aleppo, end=aleppo + 3, name="Aleppo", country_code="SY", lat=36.2, lon=37.16, geonames_id=170063, kind="city"),
        Place(start=hasakah, end=hasakah + 6, name="Al Hasakah", country_code="SY", lat=36.5, lon=40.74, geonames_id=173631, kind="city"),
    ]
    doc = nlp.get_pipe("marsad_entity_linker")(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("حلب", "LOC"), ("والحسكة", "LOC")]
    assert len({ent._.entity_id for ent in doc.ents}) == 2


def test_name_starts_after_a_clitic_the_article_shows_bare():
    from marsad.document import entity_start

    text = "قال سيرغي لافروف إن موسكو مستعدة. ولافروف متفائل. وقال فيصل إن الوضع صعب."
    doc = link(text, [("سيرغي لافروف", "PERS"), ("موسكو", "LOC"), ("ولافروف", "PERS"), ("فيصل", "PERS")])
    starts = {ent.text: text[entity_start(ent) : ent.end_char] for ent in doc.ents}
    assert starts["ولافروف"] == "لافروف"
    assert starts["فيصل"] == "فيصل"  # its ف is a root letter: nothing in the text strips it
    assert starts["سيرغي لافروف"] == "سيرغي لافروف"


def test_place_resolved_without_its_conjunction_trims_the_entity():
    from marsad.pipeline import analyze_text
    from marsad.document import doc_to_dict

    result = doc_to_dict(analyze_text("اتفقت الولايات المتحدة وروسيا على وقف إطلاق النار في سوريا."))
    texts = [entity["text"] for entity in result["entities"]]
    assert "روسيا" in texts and "وروسيا" not in texts
    for entity in result["entities"]:
        assert result["text"][entity["start"] : entity["end"]] == entity["text"]


def test_reporting_participle_is_cut_from_a_name():
    doc = link("وتابع الفالح قائلا إن السوق مستقرة.", [("الفالح قائلا", "PERS")])
    assert [ent.text for ent in doc.ents] == ["الفالح"]
