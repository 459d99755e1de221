import pytest


@pytest.fixture(scope="module")
def structure_nlp():
    from marsad.pipeline import build_pipeline

    return build_pipeline(stages=("marsad_structure",))


def sentences(nlp, text):
    return [sent.text.strip() for sent in nlp(text).sents]


def test_splits_at_stops_and_line_breaks(structure_nlp):
    text = "قال الوزير إن الوضع صعب. هل انتهى الأمر؟ نعم!\nوأضاف أن الحل قريب"
    assert sentences(structure_nlp, text) == ["قال الوزير إن الوضع صعب.", "هل انتهى الأمر؟", "نعم!", "وأضاف أن الحل قريب"]


def test_no_split_at_arabic_comma_or_abbreviation(structure_nlp):
    text = "التقى د. محمد، وزير الخارجية، بنظيره."
    assert sentences(structure_nlp, text) == [text]


def test_closing_quote_stays_with_its_sentence(structure_nlp):
    text = "وقال:” نحن قريبون.” وأضاف أن الاتفاق ممكن."
    assert sentences(structure_nlp, text) == ["وقال:” نحن قريبون.”", "وأضاف أن الاتفاق ممكن."]


def test_subheading_between_paragraphs(structure_nlp):
    text = "قال كيري إن الحل سياسي.\nلافروف: حصلنا على قوائم بالفصائل\nمن جهته، قال لافروف إن موسكو تسعى إلى الثقة."
    doc = structure_nlp(text)
    assert [span.text for span in doc.spans["subheadings"]] == ["لافروف: حصلنا على قوائم بالفصائل"]
    assert len(doc.spans["paragraphs"]) == 3


def test_long_line_without_stop_is_not_a_subheading(structure_nlp):
    body = "وشدد على أن التحالف لديه القوة لمواجهة جبهة النصرة وأي تهديدات ارهابية في المنطقة كلها من دون استثناء"
    doc = structure_nlp(f"قال كيري إن الحل سياسي.\n{body}\nوأضاف أن الحل قريب.")
    assert list(doc.spans["subheadings"]) == []


@pytest.mark.parametrize("residue", ["أضف تعليق", "اقرأ أيضاً: مقالات أخرى", "شارك على فيسبوك"])
def test_site_residue_is_boilerplate(structure_nlp, residue):
    doc = structure_nlp(f"قال الوزير إن الوضع صعب.\n{residue}")
    assert [span.text for span in doc.spans["boilerplate"]] == [residue]
    assert doc.text.endswith(residue)


def test_sentence_starting_with_a_residue_word_is_kept(structure_nlp):
    doc = structure_nlp("قال الوزير إن الوضع صعب.\nشارك الوزير في الاجتماع الطارئ.")
    assert list(doc.spans["boilerplate"]) == []


def test_short_question_line_heads_a_section(structure_nlp):
    text = "قال الوزير إن الحل قريب.\nماذا قال ترامب؟\nقال ترامب إن الاتفاق سيئ."
    doc = structure_nlp(text)
    assert [span.text for span in doc.spans["subheadings"]] == ["ماذا قال ترامب؟"]


def test_site_name_dot_does_not_end_a_sentence(structure_nlp):
    text = 'وقال محمد لـ"العربية.نت": "الوضع صعب".'
    assert sentences(structure_nlp, text) == [text]
