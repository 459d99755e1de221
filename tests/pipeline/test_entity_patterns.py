"""Known names fill gaps the NER model leaves, behind proclitics too, without overriding it."""

from marsad.pipeline import build_pipeline


def run(text, model_ents=()):
    nlp = build_pipeline(stages=("marsad_structure", "marsad_entity_patterns"))
    doc = nlp.get_pipe("marsad_structure")(nlp.make_doc(text))
    spans = []
    for surface, label in model_ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return [(ent.text, ent.label_) for ent in nlp.get_pipe("marsad_entity_patterns")(doc).ents]


def test_multiword_name_behind_a_proclitic():
    assert run("قال إن التحالف سيواجه وجبهة النصرة معا.") == [("وجبهة النصرة", "ORG")]


def test_single_name_with_hamza_variants_and_conjunction():
    assert run("وقال أردوغان إن بلاده مستعدة.") == [("أردوغان", "PERS")]
    assert run("التقى اردوغان وبوتين.") == [("اردوغان", "PERS"), ("وبوتين", "PERS")]


def test_single_word_name_not_behind_a_preposition():
    assert run("استقبل الجمهور الفريق بحماس كبير.") == []


def test_model_entities_are_kept():
    assert run("قالت حماس إن الهدنة صامدة.", [("حماس", "MISC")]) == [("حماس", "MISC")]


def test_ambiguous_single_words_are_not_listed():
    assert run("شارك الأسطول في المناورة في القاعدة البحرية.") == []
